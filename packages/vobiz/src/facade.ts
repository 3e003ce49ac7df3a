/** The facade's part of Vobiz: the adapter that maps the unified model to the client's calls and back. */
import {
  checkFields,
  createResult,
  defined,
  deleteResult,
  type InputChecker,
  limitsToWire,
  mergeExtra,
  secretOf,
  unifiedRecord,
} from '@tenantkit/core';
import type { VobizClient } from './api.js';
import { vobizCapabilities as ROW } from './capabilities.js';
import type { VobizFacade, VobizUnifiedSubAccount } from './facade-types.js';
import type {
  CreateSubAccountRequest,
  SubAccount,
  UpdateSubAccountRequest,
} from './generated/openapi.js';

function toWire(operation: 'create' | 'update', input: unknown): Record<string, unknown> {
  const { check, body } = checkFields('vobiz', ROW, operation, input);
  const wire: Record<string, unknown> = {
    name: body.name,
    email: body.email,
    description: body.description,
    enabled: body.enabled,
    password: body.password,
    // The permissions object has the same shape in the unified model and on the wire.
    permissions: body.permissions,
  };
  if (body.limits !== undefined) Object.assign(wire, limitsToWire(check, body.limits, ROW.limits));
  // Stryker disable next-line OptionalChaining,ArrayDeclaration: Vobiz's row always lists its extra fields
  return defined(mergeExtra(check, wire, body.extra, ROW.fields.extra?.allowed[operation] ?? []));
}

/**
 * The facade keys a Vobiz sub-account by its `SA_` auth id: Vobiz refuses the numeric `id` field
 * (and a parent's `MA_` id) in paths, so they are refused before anything is sent, with a message
 * saying which of them was given (never the value). The facade runs it (the definition's
 * `checkId`) after the path rules every id follows.
 */
export function checkVobizId(check: InputChecker, given: string): void {
  if (given.startsWith('SA_')) return;
  const wrong = /^\d+$/.test(given)
    ? 'is a numeric id (the `id` field); Vobiz addresses a sub-account by its auth id'
    : given.startsWith('MA_')
      ? "is a parent account's auth id (MA_…); a sub-account's auth id starts with SA_"
      : 'is not a sub-account auth id';
  check.fail('id', 'sa-auth-id', `${wrong}: pass the \`auth_id\` field of the sub-account, SA_…`);
}

export function fromVobiz(raw: SubAccount): VobizUnifiedSubAccount {
  return unifiedRecord<VobizUnifiedSubAccount>('vobiz', raw, {
    id: raw.auth_id,
    name: raw.name,
    email: raw.email ?? undefined,
    description: raw.description ?? undefined,
    enabled: raw.enabled,
    limits: { rateLimit: raw.rate_limit },
    permissions: raw.permissions ?? undefined,
    createdAt: raw.created_at,
  });
}

/** The facade's Vobiz: the unified operations over a Vobiz client. */
export function vobizFacade(client: VobizClient): VobizFacade {
  return {
    async create(input, call) {
      const body = toWire('create', input) as CreateSubAccountRequest;
      const answer = await client.subAccounts.create(body, call);
      const { auth_id, auth_token } = answer.auth_credentials;
      const created = {
        // The client refuses a create answer without `auth_credentials` (id and token).
        id: answer.sub_account?.auth_id ?? auth_id,
        name: answer.sub_account?.name ?? body.name,
        credentials: { authId: secretOf(auth_id), authToken: secretOf(auth_token) },
      };
      return createResult('vobiz', created, answer);
    },
    async get(id, call) {
      return fromVobiz(await client.subAccounts.get(id, call));
    },
    async *list(options, call) {
      const query = defined({ size: options.pageSize, limit: options.limit });
      for await (const item of client.subAccounts.listAll(query, call)) yield fromVobiz(item);
    },
    async update(id, patch, call) {
      const body = toWire('update', patch) as UpdateSubAccountRequest;
      return fromVobiz(await client.subAccounts.update(id, body, call));
    },
    async delete(id, call) {
      return deleteResult('vobiz', id, await client.subAccounts.delete(id, call));
    },
  };
}
