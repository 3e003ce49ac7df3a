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

const recorder = createRecordingFetch(() => Response.json(subAccount(1, { auth_id: SA })));
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

describe('vobiz validation: list size', () => {
  it('a size over 100 is refused with the reason (no API maximum is documented)', async () => {
    const error = await client.subAccounts.list({ size: 500 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ field: 'size', rule: 'maximum' });
    expect((error as Error).message).toMatch(/API docs state no limit.*MCP server/);
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

describe('vobiz validation: numbers', () => {
  const bad: Array<
    [
      string,
      (c: typeof client) => Promise<unknown> | AsyncIterable<unknown>,
      string,
      string,
      string,
    ]
  > = [
    [
      'assign: number without +',
      (c) => c.numbers.assign('919876543210', SA),
      'assignNumberToSubAccount',
      'e164',
      'e164',
    ],
    [
      'assign: number with spaces',
      (c) => c.numbers.assign('+91 98765 43210', SA),
      'assignNumberToSubAccount',
      'e164',
      'e164',
    ],
    [
      'assign: numeric sub-account id',
      (c) => c.numbers.assign('+919876543210', '500001'),
      'assignNumberToSubAccount',
      'sub_account_id',
      'sub-account-auth-id',
    ],
    [
      'assign: blank sub-account',
      (c) => c.numbers.assign('+919876543210', ' '),
      'assignNumberToSubAccount',
      'sub_account_id',
      'non-blank',
    ],
    [
      'unassign: bad number',
      (c) => c.numbers.unassign('+0123'),
      'unassignNumberFromSubAccount',
      'e164',
      'e164',
    ],
    [
      'unassign: force as text',
      (c) => c.numbers.unassign('+919876543210', { force: 'yes' as never }),
      'unassignNumberFromSubAccount',
      'force',
      'boolean',
    ],
    [
      'unassign: unknown option',
      (c) => c.numbers.unassign('+919876543210', { hard: true } as never),
      'unassignNumberFromSubAccount',
      'hard',
      'known-field',
    ],
    [
      'list: per_page 101 (documented maximum 100)',
      (c) => c.numbers.list({ per_page: 101 }),
      'listNumbers',
      'per_page',
      'maximum',
    ],
    ['list: page 0', (c) => c.numbers.list({ page: 0 }), 'listNumbers', 'page', 'minimum'],
    [
      'list: blank search',
      (c) => c.numbers.list({ search: ' ' }),
      'listNumbers',
      'search',
      'non-blank',
    ],
    [
      'list: include_subaccounts as text',
      (c) => c.numbers.list({ include_subaccounts: 'true' as never }),
      'listNumbers',
      'include_subaccounts',
      'boolean',
    ],
    [
      'listForSubAccount: numeric id',
      (c) => c.numbers.listForSubAccount('500001'),
      'listNumbers',
      'sub_auth_id',
      'sub-account-auth-id',
    ],
    [
      'listForSubAccount: include_subaccounts is its own',
      (c) => c.numbers.listForSubAccount(SA, { include_subaccounts: false } as never),
      'listNumbers',
      'include_subaccounts',
      'known-field',
    ],
    [
      'listAll: page is walked',
      (c) => c.numbers.listAll({ page: 2 } as never),
      'listNumbers',
      'page',
      'known-field',
    ],
  ];

  it.each(bad)('%s', async (_name, call, operation, field, rule) => {
    const pending = call(client);
    const error = await ('then' in pending
      ? pending
      : (async () => {
          for await (const _ of pending) break;
        })()
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'vobiz', operation, field, rule });
    expect(recorder.requests).toHaveLength(0);
  });
});

describe('vobiz validation: KYC', () => {
  const bad: Array<[string, (c: typeof client) => Promise<unknown>, string, string, string]> = [
    [
      'PAN of 9 characters (documented: exactly 10)',
      (c) => c.kyc.verifyPan(SA, { pan: 'ABCDE1234' }),
      'verifySubAccountPan',
      'pan',
      'min-length',
    ],
    [
      'PAN of 11 characters',
      (c) => c.kyc.verifyPan(SA, { pan: 'ABCDE1234FG' }),
      'verifySubAccountPan',
      'pan',
      'max-length',
    ],
    [
      'PAN of the wrong shape',
      (c) => c.kyc.verifyPan(SA, { pan: 'ABCD12345F' }),
      'verifySubAccountPan',
      'pan',
      'pan-format',
    ],
    [
      'PAN in lower case',
      (c) => c.kyc.verifyPan(SA, { pan: 'abcde1234f' }),
      'verifySubAccountPan',
      'pan',
      'pan-format',
    ],
    [
      'PAN missing',
      (c) => c.kyc.verifyPan(SA, {} as never),
      'verifySubAccountPan',
      'pan',
      'string',
    ],
    [
      'PAN with an extra field',
      (c) => c.kyc.verifyPan(SA, { pan: 'ABCDE1234F', name: 'x' } as never),
      'verifySubAccountPan',
      'name',
      'known-field',
    ],
    [
      'GSTIN of 14 characters (documented: 15)',
      (c) => c.kyc.verifyGst(SA, { gstin: '29AAJCN5983D1Z' }),
      'verifySubAccountGst',
      'gstin',
      'min-length',
    ],
    [
      'GSTIN without the Z',
      (c) => c.kyc.verifyGst(SA, { gstin: '29AAJCN5983D1X0' }),
      'verifySubAccountGst',
      'gstin',
      'gstin-format',
    ],
    [
      'GSTIN with a letter state code',
      (c) => c.kyc.verifyGst(SA, { gstin: 'KAAAJCN5983D1Z0' }),
      'verifySubAccountGst',
      'gstin',
      'gstin-format',
    ],
    [
      'blank company name',
      (c) => c.kyc.searchCin(SA, { company_name: ' ' }),
      'searchSubAccountCin',
      'company_name',
      'non-blank',
    ],
    [
      'confirm without selected_cin',
      (c) => c.kyc.confirmCin(SA, { company_name: 'ACME' } as never),
      'confirmSubAccountCin',
      'selected_cin',
      'string',
    ],
    [
      'DigiLocker relative redirect',
      (c) => c.kyc.initiateDigilocker(SA, { redirect_url: '/back' }),
      'initiateSubAccountDigilocker',
      'redirect_url',
      'url',
    ],
    [
      'DigiLocker blank access request',
      (c) => c.kyc.verifyDigilocker(SA, { access_request_id: '' }),
      'verifySubAccountDigilocker',
      'access_request_id',
      'non-blank',
    ],
    [
      'session: unknown flow',
      (c) => c.kyc.createSession(SA, { flow_type: 'sms' as never }),
      'createSubAccountKycSession',
      'flow_type',
      'enum',
    ],
    [
      'session: http webhook (docs: HTTPS)',
      (c) =>
        c.kyc.createSession(SA, { flow_type: 'email', webhook_url: 'http://app.example/hook' }),
      'createSubAccountKycSession',
      'webhook_url',
      'https-url',
    ],
    [
      'session: 366 days',
      (c) => c.kyc.createSession(SA, { flow_type: 'email', expires_in_days: 366 }),
      'createSubAccountKycSession',
      'expires_in_days',
      'maximum',
    ],
    [
      'session: 0 days',
      (c) => c.kyc.createSession(SA, { flow_type: 'email', expires_in_days: 0 }),
      'createSubAccountKycSession',
      'expires_in_days',
      'minimum',
    ],
    [
      'session: bad email',
      (c) => c.kyc.createSession(SA, { flow_type: 'email', customer_email: 'x@y' }),
      'createSubAccountKycSession',
      'customer_email',
      'email',
    ],
    [
      'session: another sub-account in the body',
      (c) => c.kyc.createSession(SA, { flow_type: 'email', account_auth_id: 'SA_OTHER' }),
      'createSubAccountKycSession',
      'account_auth_id',
      'equals-path',
    ],
    [
      'session: reminder without value',
      (c) =>
        c.kyc.createSession(SA, {
          flow_type: 'email',
          reminder_schedule: [{ trigger: 'days_before_expiry' } as never],
        }),
      'createSubAccountKycSession',
      'reminder_schedule[0].value',
      'integer',
    ],
    [
      'session: metadata not an object',
      (c) => c.kyc.createSession(SA, { flow_type: 'email', metadata: 'ref' as never }),
      'createSubAccountKycSession',
      'metadata',
      'object',
    ],
    [
      'status: blank sub-account',
      (c) => c.kyc.status(''),
      'getSubAccountKycStatus',
      'sub_auth_id',
      'non-blank',
    ],
    [
      'status: sub-account with a slash',
      (c) => c.kyc.status('SA_1/../x'),
      'getSubAccountKycStatus',
      'sub_auth_id',
      'path-safe',
    ],
  ];

  it.each(bad)('%s', async (_name, call, operation, field, rule) => {
    const error = await call(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'vobiz', operation, field, rule });
    expect((error as Error).message).toContain(`(rule: ${rule})`);
    expect(recorder.requests).toHaveLength(0);
  });

  it('a rejected PAN or GSTIN is never echoed (they identify a person or a company)', async () => {
    const error = await client.kyc.verifyPan(SA, { pan: 'ZZZZZ9999' }).catch((e: unknown) => e);
    expect(JSON.stringify(error)).not.toContain('ZZZZZ9999');
  });

  it('the CIN picked from the search results is passed on unchanged (an LLPIN too)', async () => {
    await client.kyc
      .confirmCin(SA, { company_name: 'ACME LLP', selected_cin: 'AAB-1234' })
      .catch(() => undefined);
    expect(recorder.requests[0]?.body).toEqual({
      company_name: 'ACME LLP',
      selected_cin: 'AAB-1234',
    });
  });
});
