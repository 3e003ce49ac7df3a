import type { CallOptions } from '@tenantkit/core';
import { InputChecker } from '@tenantkit/core';
import type {
  CreateSubAccountRequest,
  PhoneNumber,
  SubAccount,
  UpdateSubAccountRequest,
  VobizClient,
} from '@tenantkit/vobiz';
import { CAPABILITIES, checkFields } from '../capabilities.js';
import type {
  ListNumbersOptions,
  NumberAssignment,
  NumberEntry,
  VobizUnifiedSubAccount,
} from '../model.js';
import { type Adapter, defined, limitsToWire, mergeExtra, redacted, secretOf } from './shared.js';

const { extra: EXTRA, limits: LIMIT_NAMES } = CAPABILITIES.vobiz;

function toWire(operation: 'create' | 'update', input: unknown): Record<string, unknown> {
  const { check, body } = checkFields('vobiz', operation, input);
  const wire: Record<string, unknown> = {
    name: body.name,
    email: body.email,
    description: body.description,
    enabled: body.enabled,
    password: body.password,
    // The permissions object has the same shape in the unified model and on the wire.
    permissions: body.permissions,
  };
  if (body.limits !== undefined) Object.assign(wire, limitsToWire(check, body.limits, LIMIT_NAMES));
  return defined(mergeExtra(check, wire, body.extra, EXTRA![operation]));
}

/**
 * The facade keys a Vobiz sub-account by its `SA_` auth id: Vobiz refuses the numeric `id` field
 * (and a parent's `MA_` id) in paths, so they are refused here before anything is sent, with a
 * message saying which of them was given (never the value).
 */
export function checkVobizId(operation: string, id: unknown): void {
  const check = new InputChecker('vobiz', `subaccounts.${operation}`);
  check.pathId('id', id);
  const given = id as string;
  if (given.startsWith('SA_')) return;
  const wrong = /^\d+$/.test(given)
    ? 'is a numeric id (the `id` field); Vobiz addresses a sub-account by its auth id'
    : given.startsWith('MA_')
      ? "is a parent account's auth id (MA_…); a sub-account's auth id starts with SA_"
      : 'is not a sub-account auth id';
  check.fail('id', 'sa-auth-id', `${wrong}: pass the \`auth_id\` field of the sub-account, SA_…`);
}

export function fromVobiz(raw: SubAccount): VobizUnifiedSubAccount {
  return defined({
    provider: 'vobiz' as const,
    id: raw.auth_id,
    name: raw.name,
    email: raw.email ?? undefined,
    description: raw.description ?? undefined,
    enabled: raw.enabled,
    limits: { rateLimit: raw.rate_limit },
    permissions: raw.permissions ?? undefined,
    createdAt: raw.created_at,
    raw: redacted(raw),
  });
}

export function vobizAdapter(client: VobizClient): Adapter<'vobiz'> {
  return {
    async create(input, call) {
      const body = toWire('create', input) as CreateSubAccountRequest;
      const answer = await client.subAccounts.create(body, call);
      return {
        provider: 'vobiz',
        // The client refuses a create answer without `auth_credentials` (id and token).
        id: answer.sub_account?.auth_id ?? answer.auth_credentials.auth_id,
        name: answer.sub_account?.name ?? body.name,
        credentials: defined({
          authId: secretOf(answer.auth_credentials?.auth_id),
          authToken: secretOf(answer.auth_credentials?.auth_token),
        }),
        raw: redacted(answer),
      };
    },
    async get(id, call) {
      checkVobizId('get', id);
      return fromVobiz(await client.subAccounts.get(id, call));
    },
    async *list(options, call) {
      const query = defined({ size: options.pageSize, limit: options.limit });
      for await (const item of client.subAccounts.listAll(query, call)) yield fromVobiz(item);
    },
    async update(id, patch, call) {
      checkVobizId('update', id);
      const body = toWire('update', patch) as UpdateSubAccountRequest;
      return fromVobiz(await client.subAccounts.update(id, body, call));
    },
    async delete(id, call) {
      checkVobizId('delete', id);
      const answer = await client.subAccounts.delete(id, call);
      return { provider: 'vobiz', id, deleted: true, raw: redacted(answer) };
    },
  };
}

/** What `tk.numbers` needs from a provider that moves numbers between accounts. */
export interface NumbersAdapter {
  assign(number: string, subAccountId: string, call?: CallOptions): Promise<NumberAssignment>;
  unassign(
    number: string,
    force: boolean | undefined,
    call?: CallOptions,
  ): Promise<NumberAssignment>;
  list(options: ListNumbersOptions, call?: CallOptions): AsyncIterable<NumberEntry>;
}

export function fromVobizNumber(raw: PhoneNumber): NumberEntry {
  return defined({
    provider: 'vobiz' as const,
    number: raw.e164,
    holder: raw.account_id ?? raw.auth_id,
    status: raw.status,
    country: raw.country,
    raw,
  });
}

export function vobizNumbersAdapter(client: VobizClient): NumbersAdapter {
  return {
    async assign(number, subAccountId, call) {
      await client.numbers.assign(number, subAccountId, call);
      return { provider: 'vobiz', number, subAccountId, assigned: true };
    },
    async unassign(number, force, call) {
      await client.numbers.unassign(number, defined({ force }), call);
      return { provider: 'vobiz', number, assigned: false };
    },
    async *list(options, call) {
      const { subAccountId, limit } = options;
      const numbers =
        subAccountId === undefined
          ? client.numbers.listAll(defined({ limit }), call)
          : client.numbers.listForSubAccount(subAccountId, defined({ limit }), call);
      for await (const item of numbers) yield fromVobizNumber(item);
    },
  };
}
