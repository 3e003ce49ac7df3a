import { inspect } from 'node:util';
import {
  ConfigurationError,
  ConflictError,
  InvalidResponseError,
  NotFoundError,
  ServerError,
} from '@tenantkit/core';
import { createRecordingFetch } from '@tenantkit/mock';
import { describe, expect, it } from 'vitest';
import { createVobizClient, type VobizClient } from '../src/index.js';
import { AUTH_ID, AUTH_TOKEN, subAccount } from './fixtures.js';

const BASE = 'https://vobiz.test';
const COLLECTION = `/api/v1/accounts/${AUTH_ID}/sub-accounts/`;
const SA = 'SA_ABCD1234';

function clientAnswering(answer: () => Response) {
  const recorder = createRecordingFetch(answer);
  const client = createVobizClient({
    authId: AUTH_ID,
    authToken: AUTH_TOKEN,
    baseUrl: BASE,
    fetch: recorder.fetch,
    maxRetries: 0,
  });
  return { client, requests: recorder.requests };
}

const created = {
  message: 'Sub-account created successfully',
  sub_account: subAccount(1, { auth_token: 'new-sub-token-0001' }),
  auth_credentials: { auth_id: 'SA_00000001', auth_token: 'new-sub-token-0001' },
  tokens: { access_token: 'a', refresh_token: 'r', token_type: 'bearer', expires_in: 1800 },
};

interface Row {
  name: string;
  call: (client: VobizClient) => Promise<unknown>;
  method: string;
  path: string;
  search?: string;
  body?: unknown;
  status?: number;
  answer: unknown;
}

const rows: Row[] = [
  {
    name: 'create (trailing slash)',
    call: (c) =>
      c.subAccounts.create({
        name: 'Support Team',
        email: 'support@example.com',
        permissions: { calls: true, cdr: false },
        kyc_mode: 'personal_use',
      }),
    method: 'POST',
    path: COLLECTION,
    body: {
      name: 'Support Team',
      email: 'support@example.com',
      permissions: { calls: true, cdr: false },
      kyc_mode: 'personal_use',
    },
    status: 201,
    answer: created,
  },
  {
    name: 'get (no trailing slash)',
    call: (c) => c.subAccounts.get(SA),
    method: 'GET',
    path: `${COLLECTION}${SA}`,
    answer: subAccount(2, { auth_id: SA }),
  },
  {
    name: 'list without a query (trailing slash)',
    call: (c) => c.subAccounts.list(),
    method: 'GET',
    path: COLLECTION,
    search: '',
    answer: { sub_accounts: [subAccount(3)], total: 1, page: 1, size: 25 },
  },
  {
    name: 'list with page, size and active_only',
    call: (c) => c.subAccounts.list({ page: 2, size: 50, active_only: true }),
    method: 'GET',
    path: COLLECTION,
    search: '?page=2&size=50&active_only=true',
    answer: { sub_accounts: [], total: 50, page: 2, size: 50 },
  },
  {
    name: 'list with active_only=false',
    call: (c) => c.subAccounts.list({ active_only: false }),
    method: 'GET',
    path: COLLECTION,
    search: '?active_only=false',
    answer: { sub_accounts: [], total: 0, page: 1, size: 25 },
  },
  {
    name: 'update (no trailing slash)',
    call: (c) => c.subAccounts.update(SA, { name: 'Renamed', enabled: false, rate_limit: 200 }),
    method: 'PUT',
    path: `${COLLECTION}${SA}`,
    body: { name: 'Renamed', enabled: false, rate_limit: 200 },
    answer: subAccount(4, { name: 'Renamed', enabled: false, auth_id: SA }),
  },
  {
    name: 'delete (no trailing slash)',
    call: (c) => c.subAccounts.delete(SA),
    method: 'DELETE',
    path: `${COLLECTION}${SA}`,
    answer: { message: 'Sub-account deleted successfully' },
  },
];

describe('vobiz client: each operation sends the right request', () => {
  it.each(rows)('$name', async (row) => {
    const { client, requests } = clientAnswering(() =>
      Response.json(row.answer, { status: row.status ?? 200 }),
    );
    await expect(row.call(client)).resolves.toEqual(row.answer);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe(row.method);
    expect(request?.url.origin).toBe(BASE);
    expect(request?.url.pathname).toBe(row.path);
    if (row.search !== undefined) expect(request?.url.search).toBe(row.search);
    expect(request?.headers.get('x-auth-id')).toBe(AUTH_ID);
    expect(request?.headers.get('x-auth-token')).toBe(AUTH_TOKEN);
    expect(request?.headers.get('authorization')).toBeNull();
    expect(request?.body).toEqual(row.body);
    expect(request?.headers.get('content-type')).toBe(
      row.body === undefined ? null : 'application/json',
    );
  });

  it('percent-encodes the sub_auth_id path segment', async () => {
    const { client, requests } = clientAnswering(() =>
      Response.json(subAccount(5, { auth_id: 'SA_a b+c' })),
    );
    await client.subAccounts.get('SA_a b+c');
    expect(requests[0]?.url.pathname).toBe(`${COLLECTION}SA_a%20b%2Bc`);
  });

  it('per-call headers are sent', async () => {
    const { client, requests } = clientAnswering(() =>
      Response.json(subAccount(6, { auth_id: SA })),
    );
    await client.subAccounts.get(SA, { headers: { 'X-Trace': 't-1' } });
    expect(requests[0]?.headers.get('x-trace')).toBe('t-1');
    expect(requests[0]?.headers.get('x-auth-token')).toBe(AUTH_TOKEN);
    expect(requests[0]?.headers.get('x-auth-id')).toBe(AUTH_ID);
  });

  it.each(['x-auth-token', 'X-Auth-ID'])(
    'a per-call %s header cannot replace authentication: a ValidationError, nothing sent',
    async (name) => {
      const { client, requests } = clientAnswering(() =>
        Response.json(subAccount(6, { auth_id: SA })),
      );
      const error = await client.subAccounts
        .get(SA, { headers: { 'X-Trace': 't-1', [name]: 'intruder' } })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ field: `options.headers.${name}`, rule: 'reserved-header' });
      expect(String(error)).not.toContain('intruder');
      expect(requests).toHaveLength(0);
    },
  );
});

describe('vobiz client: answers', () => {
  it('delete answered 204 resolves to undefined', async () => {
    const { client } = clientAnswering(() => new Response(null, { status: 204 }));
    await expect(client.subAccounts.delete(SA)).resolves.toBeUndefined();
  });

  it('a list answer without `sub_accounts` is an InvalidResponseError', async () => {
    const { client } = clientAnswering(() => Response.json({ total: 0 }));
    const error = await client.subAccounts.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/sub_accounts/);
  });

  it('a create answer without the credentials is an InvalidResponseError, outcome unknown', async () => {
    const { client } = clientAnswering(() => Response.json({ message: 'ok' }, { status: 201 }));
    const error = await client.subAccounts.create({ name: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ outcomeUnknown: true, attempts: 1 });
  });

  it('a create answered 500 is sent once, even with retries enabled', async () => {
    const recorder = createRecordingFetch(() =>
      Response.json({ api_id: 'p-1', error: 'internal server error' }, { status: 500 }),
    );
    const client = createVobizClient({
      authId: AUTH_ID,
      authToken: AUTH_TOKEN,
      baseUrl: BASE,
      fetch: recorder.fetch,
      retryDelay: { initialMs: 1, maxMs: 2 },
    });
    const error = await client.subAccounts.create({ name: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ outcomeUnknown: true, attempts: 1 });
    expect(recorder.requests).toHaveLength(1);
  });
});

describe('vobiz client: both error envelopes', () => {
  it('the documented envelope gives code, message and requestId', async () => {
    const { client } = clientAnswering(() =>
      Response.json(
        {
          status: 'error',
          error: { code: 'CONFLICT', message: 'email already used', details: { field: 'email' } },
          timestamp: '2026-11-24T10:15:00Z',
          requestId: 'req_abc123',
        },
        { status: 409 },
      ),
    );
    const error = await client.subAccounts.create({ name: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: 'CONFLICT', requestId: 'req_abc123' });
    expect((error as Error).message).toMatch(/HTTP 409 CONFLICT: email already used$/);
  });

  it('the Plivo-style envelope: `error` is the message, not a code; api_id is the request id', async () => {
    const { client } = clientAnswering(() =>
      Response.json(
        { api_id: 'api-7e3b', error: 'not found', message: 'no such sub-account' },
        { status: 404 },
      ),
    );
    const error = await client.subAccounts.get(SA).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: undefined, requestId: 'api-7e3b' });
    expect((error as Error).message).toMatch(/HTTP 404: not found: no such sub-account$/);
  });

  it('a Plivo-style body with only `error` uses it as the message', async () => {
    const { client } = clientAnswering(() =>
      Response.json({ api_id: 'api-1', error: 'not found' }, { status: 404 }),
    );
    const error = await client.subAccounts.get(SA).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/HTTP 404: not found$/);
  });

  it('falls back to the X-Request-Id header when the body names no request', async () => {
    const { client } = clientAnswering(
      () =>
        new Response('<html>Bad gateway</html>', {
          status: 502,
          headers: { 'content-type': 'text/html', 'x-request-id': 'edge-42' },
        }),
    );
    const error = await client.subAccounts.get(SA).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ServerError', status: 502, requestId: 'edge-42' });
  });
});

describe('vobiz client: construction', () => {
  it.each([
    ['authId', undefined],
    ['authId', ''],
    ['authId', '   '],
    ['authToken', undefined],
    ['authToken', ''],
    ['authToken', '\t'],
  ])('rejects a missing or blank %s (%j)', (option, value) => {
    const options = { authId: AUTH_ID, authToken: AUTH_TOKEN, [option]: value };
    expect(() => createVobizClient(options)).toThrow(ConfigurationError);
    expect(() => createVobizClient(options)).toThrow(
      new RegExp(`\`${option}\` is required and must not be blank`),
    );
  });

  it.each(['MA_1/../x', '..', '.'])(
    'rejects an authId that would change the URL path (%s)',
    (authId) => {
      expect(() => createVobizClient({ authId, authToken: AUTH_TOKEN })).toThrow(
        /`authId` must not contain/,
      );
    },
  );

  it.each([
    ['a line break inside', 'canary-tok\nen-1234'],
    ['a NUL byte', 'canary-tok\u0000en-1234'],
    ['a space inside', 'canary-tok en-1234'],
    ['a non-ASCII letter', 'canary-tokén-1234'],
  ])(
    'rejects an authToken that is no valid header value (%s) without quoting it',
    (_name, token) => {
      const attempt = () => createVobizClient({ authId: AUTH_ID, authToken: token });
      expect(attempt).toThrow(ConfigurationError);
      expect(attempt).toThrow(/`authToken` must be visible ASCII/);
      try {
        attempt();
      } catch (error) {
        expect(inspect(error)).not.toContain('canary-tok');
      }
    },
  );

  it('drops whitespace around the credentials, as a file or an env var may carry it', async () => {
    const recorder = createRecordingFetch(() => Response.json(subAccount(8, { auth_id: SA })));
    const client = createVobizClient({
      authId: ` ${AUTH_ID}\n`,
      authToken: `${AUTH_TOKEN}\r\n`,
      baseUrl: BASE,
      fetch: recorder.fetch,
    });
    await client.subAccounts.get(SA);
    expect(client.authId).toBe(AUTH_ID);
    expect(recorder.requests[0]?.url.pathname).toBe(`${COLLECTION}${SA}`);
    expect(recorder.requests[0]?.headers.get('x-auth-token')).toBe(AUTH_TOKEN);
  });

  it('defaults to the production server and exposes the parent auth id', () => {
    const client = createVobizClient({ authId: AUTH_ID, authToken: AUTH_TOKEN });
    expect(client.baseUrl).toBe('https://api.vobiz.ai');
    expect(client.authId).toBe(AUTH_ID);
    expect(
      createVobizClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: BASE }).baseUrl,
    ).toBe(BASE);
  });

  it('never shows the auth token when the client is inspected or serialised', () => {
    const client = createVobizClient({ authId: AUTH_ID, authToken: AUTH_TOKEN });
    const shown = [inspect(client, { depth: 10 }), JSON.stringify(client), String(client)];
    for (const text of shown) expect(text).not.toContain(AUTH_TOKEN);
    expect(inspect(client)).toContain(AUTH_ID);
  });

  it('exposes the raw openapi-fetch client with both authentication headers', async () => {
    const { client, requests } = clientAnswering(() =>
      Response.json({ sub_accounts: [], total: 0, page: 1, size: 25 }),
    );
    const { data } = await client.raw.GET('/api/v1/accounts/{auth_id}/sub-accounts/', {
      params: { path: { auth_id: client.authId } },
    });
    expect(data?.sub_accounts).toEqual([]);
    expect(requests[0]?.headers.get('x-auth-id')).toBe(AUTH_ID);
    expect(requests[0]?.headers.get('x-auth-token')).toBe(AUTH_TOKEN);
  });
});
