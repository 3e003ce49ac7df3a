/** Voximplant as the facade, the CLI and the tooling see it: one definition, read by the registry. */
import { ALL_UNIFIED_OPERATIONS, defineProvider, onCreateAndUpdate } from '@tenantkit/core';
import {
  createVoximplantClient,
  type VoximplantClient,
  type VoximplantClientOptions,
} from './client.js';
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
    capabilities: {
      operations: ALL_UNIFIED_OPERATIONS,
      fields: {
        name: { create: 'required', update: false, wire: 'new_subuser_name (cannot be renamed)' },
        description: /* @__PURE__ */ onCreateAndUpdate('description'),
        roles: /* @__PURE__ */ onCreateAndUpdate(
          'role_id / role_name (create: {grant}; update: grant → SetSubUserRoles, revoke → RemoveSubUserRoles)',
        ),
        password: /* @__PURE__ */ onCreateAndUpdate('new_subuser_password', 'required'),
        currentPassword: { create: false, update: 'optional', wire: 'old_subuser_password' },
      },
      paging: { supported: true, how: 'offset / count' },
      credentials: [],
      limits: {},
      numbers: { supported: false, how: 'numbers are not held by subusers' },
      childAccounts: {
        supported: true,
        how: 'list, update, suspend, activate (voximplant.childAccounts; Owner role): separate accounts, not the subusers above',
      },
      providerClientOnly: [
        'authorizedIps: add, list, delete, check the IPv4 allow-list (voximplant.authorizedIps)',
        'account.info: the profile and api_address (voximplant.account)',
        'keys and roles: service-account keys, role catalogue (voximplant.keys, voximplant.roles)',
      ],
    },
    configuration: {
      facade:
        'Pass `voximplant: { credentials }` to createTenantkit(), a credentials object or the path of the JSON file',
      cli: 'set VOXIMPLANT_CREDENTIALS to the service-account credentials.json (its path or its JSON text), or pass --voximplant-credentials.',
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
