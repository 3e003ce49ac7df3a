/** Vobiz: one parent account (`MA_…`) authenticated by the `X-Auth-ID` + `X-Auth-Token` pair. */
import type { ProviderDefinition } from '../../definition.js';
import { sha256 } from '../../hash.js';
import { vobizError } from './errors.js';
import type { VobizState } from './state.js';
import { subAccountHandlers } from './sub-accounts.js';

export interface VobizSandboxCredentials {
  authId: string;
  authToken: string;
}

export const vobiz: ProviderDefinition<VobizState, VobizSandboxCredentials> = {
  provider: 'vobiz',
  createState(random) {
    return {
      parent: {
        authId: `MA_${random.alphanumeric(8)}`,
        authToken: random.hex(32),
        accountId: random.digits(6),
      },
      nextId: 500001,
      subAccounts: [],
    };
  },
  credentials: (state) => ({ authId: state.parent.authId, authToken: state.parent.authToken }),
  authenticate(request, context) {
    const { parent, subAccounts } = context.state;
    const id = request.headers['x-auth-id'];
    const token = request.headers['x-auth-token'] ?? '';
    if (id === parent.authId && token === parent.authToken) {
      if (request.params.auth_id === parent.authId) return undefined;
      return vobizError(
        403,
        'FORBIDDEN',
        'These credentials may not manage the sub-accounts of another account',
        { auth_id: request.params.auth_id },
        context,
      );
    }
    const own = subAccounts.find((item) => item.auth_id === id);
    if (own && own.auth_token_sha256 === sha256(token)) {
      return vobizError(
        403,
        'FORBIDDEN',
        "A sub-account's own credentials may not manage sub-accounts",
        {},
        context,
      );
    }
    return vobizError(
      401,
      'UNAUTHORIZED',
      'Missing or invalid authentication credentials',
      {},
      context,
    );
  },
  faults: {
    rateLimited: (seconds, context) =>
      vobizError(
        429,
        'RATE_LIMIT_EXCEEDED',
        'Too many requests, slow down',
        { retry_after: seconds },
        context,
        { 'retry-after': String(seconds) },
      ),
    serverError: (context) =>
      vobizError(500, 'INTERNAL_ERROR', 'Something went wrong, try again later', {}, context),
  },
  handlers: subAccountHandlers,
};
