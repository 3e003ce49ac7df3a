/** Voximplant as the facade, the CLI and the tooling see it: one definition, read by the registry. */
import { defineProvider } from '@tenantkit/core';
import { voximplantCapabilities } from './capabilities.js';
import {
  createVoximplantClient,
  type VoximplantClient,
  type VoximplantClientOptions,
} from './client.js';
import { checkVoximplantId, voximplantFacade } from './facade.js';
import { specInfo } from './generated/spec-info.js';

/**
 * The definition over a client factory: the runtime-neutral one here, the Node entry's (which
 * also reads credentials.json by path) in `node.ts`.
 */
export const defineVoximplantProvider = (
  createClient: (options: VoximplantClientOptions) => VoximplantClient,
) =>
  defineProvider({
    name: 'voximplant',
    createClient,
    specInfo,
    // A subuser's login: AddSubUser's new_subuser_name rule (validate/), kept in lower case.
    naming: {
      noun: 'Voximplant login',
      lowerCase: true,
      length: { min: 5, max: 20 },
      pattern: {
        test: /^[a-z][a-z0-9_.-]*$/,
        rule: 'must start with a letter and hold only a-z 0-9 _ . -',
      },
    },
    capabilities: voximplantCapabilities,
    facade: voximplantFacade,
    checkId: checkVoximplantId,
    configuration: {
      facade:
        'Pass `voximplant: { credentials }` to createTenantkit(), a credentials object or the path of the JSON file',
      cli: 'set VOXIMPLANT_CREDENTIALS to the service-account credentials.json (its path or its JSON text), or pass --voximplant-credentials.',
      subAccountId: 'subuser_id',
      settings: [
        {
          option: 'credentials',
          flag: '--voximplant-credentials',
          placeholder: '<file|json>',
          env: 'VOXIMPLANT_CREDENTIALS',
          description: 'Voximplant service-account credentials.json, as its path or its JSON text',
          required: true,
          // Usually a path; the client itself redacts the key it reads from it.
          secret: false,
          // The mock only checks that a bearer token is present; a fresh key signs real RS256 tokens.
          mock: (kit) => kit.throwawayVoximplantKey().credentials,
        },
      ],
    },
  });

export const voximplantProvider = /* @__PURE__ */ defineVoximplantProvider(createVoximplantClient);
