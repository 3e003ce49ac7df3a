/**
 * The facade's Vobiz adapters (`vobizFacade`, `vobizNumbers`, `checkVobizId`): unified input →
 * Vobiz requests, answers → unified records, handed-out credentials as Secrets, over a scripted
 * Vobiz on the loopback. (The mapping tests moved here from the tenantkit package's unit tests.)
 */
import { inspect } from 'node:util';
import { InputChecker, ValidationError } from '@tenantkit/core';
import { createRecordingServer, type RecordedRequest, type RecordingServer } from '@tenantkit/mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkVobizId, createVobizClient, vobizFacade, vobizNumbers } from '../src/index.js';

const AUTH_TOKEN_HANDED_OUT = 'vobiz-token-handed-out-once-0987654321';
const SA = 'SA_ACME0001';
const NUMBER = '+919876543210';
const vobizSubAccount = {
  name: 'Acme',
  email: 'ops@acme.example',
  phone: null,
  description: 'Acme tenant',
  permissions: { calls: true, cdr: false },
  rate_limit: 50,
  id: '42',
  parent_auth_id: 'MA_PARENT01',
  auth_id: SA,
  auth_token: '<redacted>',
  api_id: '3f1b2c4d-0000-4000-8000-000000000000',
  email_verified: false,
  enabled: true,
  created: '2026-11-24',
  modified: '2026-11-24',
  is_active: true,
  created_at: '2026-11-24T10:00:00Z',
  updated_at: '2026-11-24T10:00:00Z',
  last_used: null,
  account: '/accounts/MA_PARENT01',
  resource_uri: `/accounts/MA_PARENT01/sub-accounts/${SA}`,
};

let server: RecordingServer;
let respond: (request: RecordedRequest) => Response;
beforeAll(async () => {
  server = await createRecordingServer((request) => respond(request));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  respond = () => Response.json(vobizSubAccount);
});

const client = () =>
  createVobizClient({
    authId: 'MA_PARENT01',
    authToken: 'parent-token',
    baseUrl: server.url,
    maxRetries: 0,
  });
const facade = () => vobizFacade(client());
const SUB_PATH = '/api/v1/accounts/MA_PARENT01/sub-accounts';

describe('vobiz facade: sub-accounts', () => {
  it('create: unified → wire; auth_id + auth_token → Secrets; console tokens redacted in raw', async () => {
    respond = () =>
      Response.json({
        message: 'created',
        sub_account: { ...vobizSubAccount, auth_token: AUTH_TOKEN_HANDED_OUT },
        auth_credentials: { auth_id: SA, auth_token: AUTH_TOKEN_HANDED_OUT },
        tokens: {
          access_token: 'eyJhbGciOi.eyJzdWIiOi.sig',
          refresh_token: 'r',
          token_type: 'bearer',
          expires_in: 3600,
        },
      });
    const created = await facade().create({
      name: 'Acme',
      email: 'ops@acme.example',
      description: 'Acme tenant',
      enabled: false,
      limits: { rateLimit: 50 },
      permissions: { calls: true, cdr: false },
      password: 'Console-Passw0rd!',
      extra: { kyc_mode: 'personal_use' },
    });
    expect(server.requests[0]?.method).toBe('POST');
    expect(server.requests[0]?.url.pathname).toBe(`${SUB_PATH}/`);
    expect(server.requests[0]?.body).toEqual({
      name: 'Acme',
      email: 'ops@acme.example',
      description: 'Acme tenant',
      enabled: false,
      rate_limit: 50,
      permissions: { calls: true, cdr: false },
      password: 'Console-Passw0rd!',
      kyc_mode: 'personal_use',
    });
    expect(created).toMatchObject({ provider: 'vobiz', id: SA, name: 'Acme' });
    expect(created.credentials.authToken?.reveal()).toBe(AUTH_TOKEN_HANDED_OUT);
    expect(created.credentials.authId?.reveal()).toBe(SA);
    const printed = `${JSON.stringify(created)}${inspect(created, { depth: 9 })}`;
    expect(printed).not.toContain(AUTH_TOKEN_HANDED_OUT);
    expect(printed).not.toContain('eyJhbGciOi');
  });

  it('create: an answer without sub_account takes the id from the credentials and the name given', async () => {
    respond = () =>
      Response.json({
        auth_credentials: { auth_id: 'SA_ONLY0001', auth_token: AUTH_TOKEN_HANDED_OUT },
      });
    const created = await facade().create({ name: 'Named here' });
    expect(server.requests[0]?.body).toEqual({ name: 'Named here' });
    expect(created).toMatchObject({ provider: 'vobiz', id: 'SA_ONLY0001', name: 'Named here' });
  });

  it('get: keyed by the SA_ auth id; wire → unified; nulls are left out', async () => {
    const account = await facade().get(SA);
    expect(server.requests[0]?.url.pathname).toBe(`${SUB_PATH}/${SA}`);
    expect(account).toEqual({
      provider: 'vobiz',
      id: SA,
      name: 'Acme',
      email: 'ops@acme.example',
      description: 'Acme tenant',
      enabled: true,
      limits: { rateLimit: 50 },
      permissions: { calls: true, cdr: false },
      createdAt: '2026-11-24T10:00:00Z',
      // Vobiz masks the token itself; the raw record shows the library's mark, never a value.
      raw: { ...vobizSubAccount, auth_token: '[REDACTED]' },
    });
    respond = () =>
      Response.json({ ...vobizSubAccount, email: null, description: null, permissions: null });
    const bare = await facade().get(SA);
    expect(Object.keys(bare)).not.toContain('email');
    expect(Object.keys(bare)).not.toContain('description');
    expect(Object.keys(bare)).not.toContain('permissions');
  });

  it('list walks every page, the page size as size, honouring limit', async () => {
    respond = (request) => {
      const page = Number(request.url.searchParams.get('page') ?? 1);
      const items =
        page === 1
          ? [vobizSubAccount, { ...vobizSubAccount, auth_id: 'SA_2' }]
          : [{ ...vobizSubAccount, auth_id: 'SA_3' }];
      return Response.json({ sub_accounts: items, total: 3, page, size: 2 });
    };
    const walk = async (options: { pageSize?: number; limit?: number }) => {
      const ids: string[] = [];
      for await (const account of facade().list(options)) ids.push(account.id);
      return ids;
    };
    expect(await walk({ pageSize: 2 })).toEqual([SA, 'SA_2', 'SA_3']);
    expect(server.requests.map((r) => r.url.searchParams.get('page'))).toEqual(['1', '2']);
    expect(server.requests[0]?.url.searchParams.get('size')).toBe('2');
    server.requests.length = 0;
    expect(await walk({ pageSize: 2, limit: 1 })).toEqual([SA]);
    expect(server.requests).toHaveLength(1);
  });

  it('update sends only the mapped fields and answers the updated sub-account', async () => {
    respond = () => Response.json({ ...vobizSubAccount, enabled: false });
    const updated = await facade().update(SA, { enabled: false, limits: { rateLimit: 10 } });
    expect(server.requests[0]?.url.pathname).toBe(`${SUB_PATH}/${SA}`);
    expect(server.requests[0]?.body).toEqual({ enabled: false, rate_limit: 10 });
    expect(updated.enabled).toBe(false);
  });

  it('delete: the unified result with the answer redacted', async () => {
    respond = () => Response.json({ message: 'deleted' });
    await expect(facade().delete(SA)).resolves.toEqual({
      provider: 'vobiz',
      id: SA,
      deleted: true,
      raw: { message: 'deleted' },
    });
    expect(server.requests[0]?.method).toBe('DELETE');
    expect(server.requests[0]?.url.pathname).toBe(`${SUB_PATH}/${SA}`);
  });

  it('refuses before any request: unknown limits, extra fields an operation does not take', async () => {
    const refused = async (call: Promise<unknown>) => {
      const error = await call.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return error as ValidationError;
    };
    await expect(
      refused(facade().create({ email: 'a@b.example' } as never)),
    ).resolves.toMatchObject({
      field: 'name',
      rule: 'required',
      message: 'vobiz.subaccounts.create: name is required by vobiz (rule: required)',
    });
    await expect(refused(facade().update(SA, { password: 'x' } as never))).resolves.toMatchObject({
      field: 'password',
      rule: 'unsupported-field',
    });
    await expect(
      refused(facade().create({ name: 'A', limits: { seats: 1 } as never })),
    ).resolves.toMatchObject({
      field: 'limits.seats',
      rule: 'known-field',
    });
    await expect(
      refused(facade().update(SA, { extra: { business_type: 'x' } as never })),
    ).resolves.toMatchObject({ field: 'extra.business_type' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('checkVobizId', () => {
  const message = (id: string) => {
    try {
      checkVobizId(new InputChecker('vobiz', 'subaccounts.get'), id);
      return 'accepted';
    } catch (error) {
      expect(error).toMatchObject({ field: 'id', rule: 'sa-auth-id' });
      return (error as Error).message;
    }
  };

  it('an SA_ auth id passes; a numeric id, a parent MA_ id or anything else is refused saying which', () => {
    expect(message(SA)).toBe('accepted');
    expect(message('42')).toBe(
      'vobiz.subaccounts.get: id is a numeric id (the `id` field); Vobiz addresses a sub-account by its auth id: pass the `auth_id` field of the sub-account, SA_… (rule: sa-auth-id)',
    );
    expect(message('MA_PARENT01')).toBe(
      "vobiz.subaccounts.get: id is a parent account's auth id (MA_…); a sub-account's auth id starts with SA_: pass the `auth_id` field of the sub-account, SA_… (rule: sa-auth-id)",
    );
    for (const id of ['abc', '42a', 'a42', 'sa_1', 'xSA_1', 'xMA_1']) {
      expect(message(id), id).toBe(
        'vobiz.subaccounts.get: id is not a sub-account auth id: pass the `auth_id` field of the sub-account, SA_… (rule: sa-auth-id)',
      );
    }
  });
});

describe('vobiz numbers adapter', () => {
  const numberItem = (e164: string, holder: string) => ({
    id: e164,
    e164,
    account_id: holder,
    status: 'active',
    country: 'IN',
  });

  it('assign: the number and the sub-account, answered in the unified shape', async () => {
    respond = () => new Response(null, { status: 204 });
    await expect(vobizNumbers(client()).assign(NUMBER, SA)).resolves.toEqual({
      provider: 'vobiz',
      number: NUMBER,
      subAccountId: SA,
      assigned: true,
    });
    expect(server.requests[0]?.url.pathname).toBe(
      '/api/v1/account/MA_PARENT01/numbers/%2B919876543210/assign-subaccount',
    );
    expect(server.requests[0]?.body).toEqual({ sub_account_id: SA });
  });

  it('unassign: force in the query only when given', async () => {
    respond = () => new Response(null, { status: 204 });
    const numbers = vobizNumbers(client());
    await expect(numbers.unassign(NUMBER, true)).resolves.toEqual({
      provider: 'vobiz',
      number: NUMBER,
      assigned: false,
    });
    await numbers.unassign(NUMBER, undefined);
    expect(server.requests.map((r) => [r.method, r.url.search])).toEqual([
      ['DELETE', '?force=true'],
      ['DELETE', ''],
    ]);
  });

  it('list: every number or one sub-account’s; holder from account_id, else auth_id; limit honoured', async () => {
    respond = () =>
      Response.json({
        items: [
          numberItem('+911111111111', 'MA_PARENT01'),
          { id: NUMBER, e164: NUMBER, auth_id: SA, status: 'active', country: 'IN' },
          numberItem('+919999999999', SA),
        ],
        page: 1,
        per_page: 100,
        total: 3,
      });
    const walk = async (options: { subAccountId?: string; limit?: number }) => {
      const seen: Array<[string, string | undefined]> = [];
      for await (const entry of vobizNumbers(client()).list(options))
        seen.push([entry.number, entry.holder]);
      return seen;
    };
    expect(await walk({})).toEqual([
      ['+911111111111', 'MA_PARENT01'],
      [NUMBER, SA],
      ['+919999999999', SA],
    ]);
    expect(server.requests[0]?.url.searchParams.get('include_subaccounts')).toBeNull();
    expect(await walk({ subAccountId: SA, limit: 1 })).toEqual([[NUMBER, SA]]);
    const listed = [];
    for await (const entry of vobizNumbers(client()).list({ limit: 1 })) listed.push(entry);
    const [first, ...more] = listed;
    expect(more).toEqual([]);
    expect(first).toEqual({
      provider: 'vobiz',
      number: '+911111111111',
      holder: 'MA_PARENT01',
      status: 'active',
      country: 'IN',
      raw: numberItem('+911111111111', 'MA_PARENT01'),
    });
    expect(server.requests[1]?.url.searchParams.get('include_subaccounts')).toBe('true');
  });
});
