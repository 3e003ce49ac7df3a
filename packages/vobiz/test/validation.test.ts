import { ValidationError } from '@tenantkit/core';
import { createRecordingFetch } from '@tenantkit/mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type CreateSubAccountRequest,
  createVobizClient,
  type ListSubAccountsQuery,
  type UpdateSubAccountRequest,
} from '../src/index.js';
import { subAccount } from './fixtures.js';

const recorder = createRecordingFetch(() => Response.json(subAccount(1)));
const client = createVobizClient({
  authId: 'MA_VALIDATE',
  authToken: 'validation-canary-token',
  baseUrl: 'https://vobiz.test',
  fetch: recorder.fetch,
});
const SA = 'SA_XXXXXXXX';

afterEach(() => {
  recorder.requests.length = 0;
});

const badCreates: Array<[string, unknown, string, string]> = [
  ['missing name', {}, 'name', 'string'],
  ['blank name', { name: '  ' }, 'name', 'non-blank'],
  [
    'customer_use without email',
    { name: 'Acme', kyc_mode: 'customer_use', business_type: 'llp' },
    'email',
    'required',
  ],
  ['rate_limit zero', { name: 'a', rate_limit: 0 }, 'rate_limit', 'minimum'],
  ['rate_limit negative', { name: 'a', rate_limit: -5 }, 'rate_limit', 'minimum'],
  ['rate_limit fractional', { name: 'a', rate_limit: 2.5 }, 'rate_limit', 'integer'],
  ['rate_limit as text', { name: 'a', rate_limit: '500' }, 'rate_limit', 'integer'],
  ['unknown kyc_mode', { name: 'a', kyc_mode: 'business_use' }, 'kyc_mode', 'enum'],
  ['unknown business_type', { name: 'a', business_type: 'ltd' }, 'business_type', 'enum'],
  ['bad email', { name: 'a', email: 'support@example' }, 'email', 'email'],
  [
    'permission not a boolean',
    { name: 'a', permissions: { calls: true, cdr: 'yes' } },
    'permissions.cdr',
    'boolean',
  ],
  ['permissions not an object', { name: 'a', permissions: ['calls'] }, 'permissions', 'object'],
  ['enabled not a boolean', { name: 'a', enabled: 'true' }, 'enabled', 'boolean'],
  ['blank password', { name: 'a', password: '' }, 'password', 'min-length'],
  ['misspelt field', { name: 'a', emial: 'a@b.co' }, 'emial', 'known-field'],
  ['not an object', 'Support Team', 'input', 'object'],
];

const badUpdates: Array<[string, unknown, unknown, string, string]> = [
  ['blank sub_auth_id', ' ', { name: 'x' }, 'sub_auth_id', 'non-blank'],
  ['sub_auth_id with a slash', 'SA_1/x', { name: 'x' }, 'sub_auth_id', 'path-safe'],
  ['empty patch', SA, {}, 'patch', 'non-empty'],
  ['patch of undefined values only', SA, { name: undefined }, 'patch', 'non-empty'],
  ['blank name', SA, { name: '' }, 'name', 'non-blank'],
  ['rate_limit zero', SA, { rate_limit: 0 }, 'rate_limit', 'minimum'],
  ['unknown kyc_mode', SA, { kyc_mode: 'enterprise' }, 'kyc_mode', 'enum'],
  ['bad email', SA, { email: 'two@@example.com' }, 'email', 'email'],
  ['permission not a boolean', SA, { permissions: { calls: 1 } }, 'permissions.calls', 'boolean'],
  ['password is not updatable', SA, { password: 'S3cret!' }, 'password', 'known-field'],
  ['business_type is create-only', SA, { business_type: 'llp' }, 'business_type', 'known-field'],
];

const badListQueries: Array<[string, unknown, string, string]> = [
  ['page 0', { page: 0 }, 'page', 'minimum'],
  ['page fractional', { page: 1.5 }, 'page', 'integer'],
  ['size 0', { size: 0 }, 'size', 'minimum'],
  ['size 101', { size: 101 }, 'size', 'maximum'],
  ['active_only as text', { active_only: 'yes' }, 'active_only', 'boolean'],
  ['unknown parameter', { limit: 10 }, 'limit', 'known-field'],
];

describe('vobiz validation: bad input never reaches the network', () => {
  it.each(badCreates)('create: %s', async (_name, input, field, rule) => {
    const error = await client.subAccounts
      .create(input as CreateSubAccountRequest)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'vobiz', operation: 'createSubAccount', field, rule });
    expect((error as Error).message).toContain(field);
    expect((error as Error).message).toContain(`(rule: ${rule})`);
    expect(recorder.requests).toHaveLength(0);
  });

  it.each(badUpdates)('update: %s', async (_name, id, patch, field, rule) => {
    const error = await client.subAccounts
      .update(id as string, patch as UpdateSubAccountRequest)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'vobiz', operation: 'updateSubAccount', field, rule });
    expect(recorder.requests).toHaveLength(0);
  });

  it.each(badListQueries)('list: %s', async (_name, query, field, rule) => {
    const error = await client.subAccounts
      .list(query as ListSubAccountsQuery)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'vobiz', operation: 'listSubAccounts', field, rule });
    expect(recorder.requests).toHaveLength(0);
  });

  it.each([
    ['get', 'getSubAccount', ''],
    ['get', 'getSubAccount', '   '],
    ['delete', 'deleteSubAccount', ''],
    ['delete', 'deleteSubAccount', '\n'],
  ] as const)('%s: blank sub_auth_id %j', async (method, operation, id) => {
    await expect(client.subAccounts[method](id)).rejects.toMatchObject({
      name: 'ValidationError',
      operation,
      field: 'sub_auth_id',
      rule: 'non-blank',
    });
    expect(recorder.requests).toHaveLength(0);
  });

  it('rejects (never throws synchronously), so a caller can always await', () => {
    const pending = client.subAccounts.get('');
    expect(pending).toBeInstanceOf(Promise);
    return expect(pending).rejects.toBeInstanceOf(ValidationError);
  });

  it('never echoes the rejected value (a secret could be in it)', async () => {
    const error = await client.subAccounts
      .create({ name: 'a', password: 918273645 as unknown as string })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ field: 'password', rule: 'string' });
    expect((error as Error).message).not.toContain('918273645');
    const email = await client.subAccounts
      .create({ name: 'a', email: 'hunter2-pasted-by-mistake' })
      .catch((e: unknown) => e);
    expect(email).toMatchObject({ field: 'email', rule: 'email' });
    expect(JSON.stringify(email)).not.toContain('hunter2');
  });
});

describe('vobiz validation: good input passes', () => {
  it.each<[string, CreateSubAccountRequest]>([
    ['name only', { name: 'Billing' }],
    [
      'customer_use with email',
      { name: 'Acme', email: 'ops@acme.example', kyc_mode: 'customer_use' },
    ],
    ['undocumented boolean permission', { name: 'a', permissions: { recordings: false } }],
    ['personal_use without email', { name: 'a', kyc_mode: 'personal_use', rate_limit: 1 }],
  ])('create: %s', async (_name, input) => {
    await client.subAccounts.create(input).catch(() => undefined);
    expect(recorder.requests).toHaveLength(1);
    expect(recorder.requests[0]?.body).toEqual(input);
  });

  it('update: switching to customer_use without email is left to Vobiz (it depends on stored data)', async () => {
    await client.subAccounts.update(SA, { kyc_mode: 'customer_use' });
    expect(recorder.requests).toHaveLength(1);
  });

  it('list: the bounds themselves are accepted', async () => {
    await client.subAccounts.list({ page: 1, size: 1 }).catch(() => undefined);
    await client.subAccounts.list({ size: 100, active_only: false }).catch(() => undefined);
    expect(recorder.requests.map((r) => r.url.search)).toEqual([
      '?page=1&size=1',
      '?size=100&active_only=false',
    ]);
  });
});
