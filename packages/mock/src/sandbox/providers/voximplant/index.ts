/** Voximplant: one account, RS256 service-account JWTs, `{result}` / `{error}` envelopes. */
import type { ProviderDefinition } from '../../definition.js';
import { accountHandlers } from './account.js';
import { authorizedIpHandlers } from './authorized-ips.js';
import { childAccountHandlers, seedChildren } from './child-accounts.js';
import { voxHttpError } from './errors.js';
import { keyHandlers, rsaKeyPair } from './keys.js';
import { voxTime } from './params.js';
import { roleHandlers } from './roles.js';
import type { VoximplantKeyInfo, VoximplantState } from './state.js';
import { subUserHandlers } from './subusers.js';
import { checkToken } from './token.js';

export interface VoximplantSandboxCredentials {
  /** A credentials.json object: the Voximplant client signs real RS256 tokens with it. */
  credentials: VoximplantKeyInfo;
}

const OWNER_ROLE_ID = 1;

export const voximplant: ProviderDefinition<VoximplantState, VoximplantSandboxCredentials> = {
  provider: 'voximplant',
  async createState(random, now) {
    const pair = await rsaKeyPair();
    const account = {
      id: random.integer(1_000_000, 9_999_999),
      name: 'sandbox-parent',
      email: 'owner@sandbox.example',
      created: voxTime(now),
      balance: 100,
      currency: 'USD',
    };
    const keyId = random.uuid();
    return {
      account,
      credentials: {
        account_email: account.email,
        account_id: account.id,
        key_id: keyId,
        private_key: pair.privateKey,
      },
      keys: [
        {
          key_id: keyId,
          key_name: 'sandbox',
          description: 'The key the sandbox hands out',
          role_ids: [OWNER_ROLE_ID],
          public_key: pair.publicKey,
        },
      ],
      subUsers: [],
      nextSubUserId: 101,
      children: seedChildren(account.name, random, now),
      authorizedIps: [],
    };
  },
  credentials: (state) => ({ credentials: state.credentials }),
  authenticate: (request, { state, now }) => checkToken(request.headers.authorization, state, now),
  // Voximplant's refusals come inside HTTP 200 as `{error}`: nothing was made or changed.
  succeeded: (response) =>
    response.status < 300 &&
    !(typeof response.body === 'object' && response.body !== null && 'error' in response.body),
  faults: {
    rateLimited: (seconds) => voxHttpError(429, 340, { 'retry-after': String(seconds) }),
    serverError: () => voxHttpError(500, 2),
  },
  handlers: {
    ...subUserHandlers,
    ...keyHandlers,
    ...roleHandlers,
    ...accountHandlers,
    ...childAccountHandlers,
    ...authorizedIpHandlers,
  },
};
