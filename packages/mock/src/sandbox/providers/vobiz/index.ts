/**
 * Vobiz: one parent account (`MA_…`) authenticated by the `X-Auth-ID` + `X-Auth-Token` pair; on
 * the KYC calls its console sign-in token (`Authorization: Bearer`) is accepted instead.
 */
import type {
  HandlerContext,
  ProviderDefinition,
  SandboxRequest,
  SandboxResponse,
} from '../../definition.js';
import { sha256 } from '../../hash.js';
import { consoleToken } from './console-tokens.js';
import { vobizError } from './errors.js';
import { kycHandlers } from './kyc.js';
import { kycSessionHandlers } from './kyc-sessions.js';
import { numberHandlers, seedNumbers } from './numbers.js';
import type { VobizState } from './state.js';
import { subAccountHandlers } from './sub-accounts.js';

export interface VobizSandboxCredentials {
  authId: string;
  authToken: string;
  /** The parent's sign-in token: the KYC calls also take it (the Vobiz client's `bearerToken`). */
  bearerToken: string;
}

/** The KYC routes, the only ones where the spec allows the sign-in token. */
const KYC_PATH = /^\/api\/v1\/sub-accounts\//;

function authenticate(
  request: SandboxRequest,
  context: HandlerContext<VobizState>,
): SandboxResponse | undefined {
  const { parent, subAccounts } = context.state;
  const id = request.headers['x-auth-id'];
  const token = request.headers['x-auth-token'] ?? '';
  const asParent =
    (id === parent.authId && token === parent.authToken) ||
    (KYC_PATH.test(request.path) &&
      request.headers.authorization === `Bearer ${parent.signInToken}`);
  if (asParent) {
    const pathParent = request.params.auth_id;
    if (pathParent === undefined || pathParent === parent.authId) return undefined;
    return vobizError(
      403,
      'FORBIDDEN',
      'These credentials may not manage the account of another parent',
      { auth_id: pathParent },
      context,
    );
  }
  const own = subAccounts.find((item) => item.auth_id === id);
  if (own && own.auth_token_sha256 === sha256(token)) {
    return vobizError(
      403,
      'FORBIDDEN',
      "A sub-account's own credentials may not do this",
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
}

export const vobiz: ProviderDefinition<VobizState, VobizSandboxCredentials> = {
  provider: 'vobiz',
  createState(random, now) {
    const authId = `MA_${random.alphanumeric(8)}`;
    return {
      parent: {
        authId,
        authToken: random.hex(32),
        accountId: random.digits(6),
        signInToken: consoleToken('sign-in', authId, random),
      },
      nextId: 500001,
      subAccounts: [],
      numbers: seedNumbers(authId, random, now),
    };
  },
  credentials: ({ parent }) => ({
    authId: parent.authId,
    authToken: parent.authToken,
    bearerToken: parent.signInToken,
  }),
  authenticate,
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
  handlers: { ...subAccountHandlers, ...numberHandlers, ...kycHandlers, ...kycSessionHandlers },
};
