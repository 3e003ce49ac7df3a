/**
 * Vobiz sub-accounts: `SA_…` auth ids, the auth token in clear only in the create answer,
 * `page`/`size`/`active_only` paging (newest first), partial update, delete.
 */
import {
  type Handlers,
  json,
  microsecondTimestamp,
  type SandboxRequest,
} from '../../definition.js';
import { sha256 } from '../../hash.js';
import { consoleToken } from './console-tokens.js';
import { vobizError } from './errors.js';
import { callsBlocked } from './kyc-rules.js';
import { findSubAccount, subAccountNotFound } from './lookup.js';
import type { VobizContext, VobizRecord, VobizState } from './state.js';

/** What Prism has already checked the bodies against (specs/vobiz.yaml). */
interface Body {
  name?: string;
  email?: string;
  phone?: string;
  description?: string;
  rate_limit?: number;
  permissions?: Record<string, boolean>;
  password?: string;
  enabled?: boolean;
  kyc_mode?: string;
  business_type?: string;
}

const DEFAULT_PAGE_SIZE = 25;
/** The update fields stored as sent (kyc_mode has its own rule). */
const UPDATABLE = [
  'name',
  'email',
  'phone',
  'description',
  'rate_limit',
  'permissions',
  'enabled',
] as const;
const REDACTED = '<redacted>';

const find = (request: SandboxRequest, context: VobizContext) =>
  findSubAccount(request.params.sub_auth_id, context);
const notFound = (request: SandboxRequest, context: VobizContext) =>
  subAccountNotFound(request.params.sub_auth_id, context);

/** The wire object; `authToken` is the clear token (create only), else `<redacted>`. */
function view(record: VobizRecord, { state }: VobizContext, authToken = REDACTED) {
  const { auth_token_sha256: _hash, kyc: _kyc, ...fields } = record;
  const parent = state.parent.authId;
  return {
    ...fields,
    parent_account_id: state.parent.accountId,
    parent_auth_id: parent,
    auth_token: authToken,
    is_active: record.enabled,
    account: `/v1/Account/${parent}/`,
    resource_uri: `/v1/Account/${parent}/Subaccount/${record.auth_id}/`,
  };
}

function uniqueAuthId({ state, random }: VobizContext): string {
  for (;;) {
    const authId = `SA_${random.alphanumeric(8)}`;
    if (!state.subAccounts.some((item) => item.auth_id === authId)) return authId;
  }
}

export const subAccountHandlers: Handlers<VobizState> = {
  listSubAccounts(request, context) {
    const page = Number(request.query.page ?? 1);
    const size = Number(request.query.size ?? DEFAULT_PAGE_SIZE);
    const activeOnly = request.query.active_only === 'true';
    const matching = context.state.subAccounts
      .filter((record) => !activeOnly || record.enabled)
      .reverse(); // newest first
    const items = matching.slice((page - 1) * size, page * size);
    return json(200, {
      sub_accounts: items.map((record) => view(record, context)),
      total: matching.length,
      page,
      size,
    });
  },

  createSubAccount(request, context) {
    const { state, random, now } = context;
    const body = request.body as Body;
    const kycMode = body.kyc_mode ?? 'personal_use';
    if (kycMode === 'customer_use' && !body.email) {
      return vobizError(
        400,
        'BAD_REQUEST',
        'email is required when kyc_mode is customer_use',
        { field: 'email' },
        context,
      );
    }
    const authToken = random.hex(32);
    const record: VobizRecord = {
      name: body.name ?? '',
      email: body.email ?? null,
      phone: body.phone ?? null,
      description: body.description ?? null,
      permissions: body.permissions ?? null,
      rate_limit: body.rate_limit ?? 1000,
      id: String(state.nextId++),
      auth_id: uniqueAuthId(context),
      auth_token_sha256: sha256(authToken),
      api_id: random.uuid(),
      email_verified: false,
      enabled: body.enabled ?? true,
      created: now.toISOString().slice(0, 10),
      modified: now.toISOString().slice(0, 10),
      created_at: microsecondTimestamp(now),
      updated_at: microsecondTimestamp(now),
      last_used: null,
      kyc_mode: kycMode,
      business_type: body.business_type ?? null,
      kyc_calls_blocked: false,
      kyc: { documents: {}, digilockerRequests: [], sessions: [] },
    };
    // A customer_use sub-account may not call until its KYC passes.
    record.kyc_calls_blocked = callsBlocked(record);
    state.subAccounts.push(record);
    return json(201, {
      message: 'Sub-account created successfully',
      sub_account: view(record, context, authToken),
      auth_credentials: { auth_id: record.auth_id, auth_token: authToken },
      tokens: {
        access_token: consoleToken('access', record.auth_id, random, now),
        refresh_token: consoleToken('refresh', record.auth_id, random, now),
        token_type: 'bearer',
        expires_in: 1800,
      },
    });
  },

  getSubAccount(request, context) {
    const record = find(request, context);
    return record ? json(200, view(record, context)) : notFound(request, context);
  },

  updateSubAccount(request, context) {
    const record = find(request, context);
    if (!record) return notFound(request, context);
    const body = request.body as Body;
    if (body.kyc_mode === 'customer_use' && !(body.email ?? record.email)) {
      return vobizError(
        400,
        'BAD_REQUEST',
        'a sub-account needs an email before it can move to customer_use',
        { field: 'email' },
        context,
      );
    }
    for (const field of UPDATABLE)
      if (body[field] !== undefined) Object.assign(record, { [field]: body[field] });
    if (body.kyc_mode !== undefined) record.kyc_mode = body.kyc_mode;
    // Any change of mode re-derives it: customer_use waits for KYC, personal_use does not.
    record.kyc_calls_blocked = callsBlocked(record);
    record.modified = context.now.toISOString().slice(0, 10);
    record.updated_at = microsecondTimestamp(context.now);
    return json(200, view(record, context));
  },

  deleteSubAccount(request, context) {
    const record = find(request, context);
    if (!record) return notFound(request, context);
    const { state } = context;
    state.subAccounts.splice(state.subAccounts.indexOf(record), 1);
    // Its numbers go back to the parent's pool (inferred: the docs only say its credentials go).
    for (const number of state.numbers)
      if (number.holder === record.auth_id) number.holder = state.parent.authId;
    return json(200, { message: 'Sub-account deleted successfully' });
  },
};
