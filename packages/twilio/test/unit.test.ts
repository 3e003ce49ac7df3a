/** What goes on the wire: method, path, form encoding, query, Basic auth, hosts; checked on a real loopback server. */
import { ConfigurationError, ValidationError } from '@tenantkit/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTwilioClient, formBody, TWILIO_BASE_URL } from '../src/index.js';
import {
  API_KEY_SECRET,
  API_KEY_SID,
  AUTH_TOKEN,
  account,
  basic,
  MAIN_SID,
  subSid,
} from './support/fixtures.js';
import { type Loopback, startLoopback } from './support/loopback.js';

let server: Loopback;
let answers: Array<{ status: number; body?: unknown }> = [];

beforeAll(async () => {
  server = await startLoopback(() => answers.shift() ?? { status: 200, body: account(1) });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  answers = [];
});

const client = () =>
  createTwilioClient({ accountSid: MAIN_SID, authToken: AUTH_TOKEN, baseUrl: server.url });
const only = () => {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
};

describe('twilio: each operation on the wire', () => {
  it('create: POST /2010-04-01/Accounts.json with a form body', async () => {
    answers.push({ status: 201, body: account(1) });
    const created = await client().subaccounts.create({ FriendlyName: 'Tenant 1 & Co' });
    expect(created.sid).toBe(subSid(1));
    const request = only();
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/2010-04-01/Accounts.json');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.body).toBe('FriendlyName=Tenant+1+%26+Co');
    expect(request.headers.authorization).toBe(basic(MAIN_SID, AUTH_TOKEN));
  });

  it('create without input sends an empty form body (Twilio names it after the time)', async () => {
    answers.push({ status: 201, body: account(1) });
    await client().subaccounts.create();
    expect(only().body).toBe('');
  });

  it('get: GET /2010-04-01/Accounts/{Sid}.json, no body', async () => {
    await client().subaccounts.get(subSid(1));
    const request = only();
    expect([request.method, request.url, request.body]).toEqual([
      'GET',
      `/2010-04-01/Accounts/${subSid(1)}.json`,
      '',
    ]);
  });

  it('list: GET with the filters in the query string', async () => {
    answers.push({ status: 200, body: { accounts: [account(1)], next_page_uri: null } });
    await client().subaccounts.list({ FriendlyName: 'Tenant 1', Status: 'active', PageSize: 20 });
    const url = new URL(only().url, server.url);
    expect(url.pathname).toBe('/2010-04-01/Accounts.json');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      FriendlyName: 'Tenant 1',
      Status: 'active',
      PageSize: '20',
    });
  });

  it('update: POST to the account with only the fields given (undefined ones are not sent)', async () => {
    await client().subaccounts.update(subSid(1), { FriendlyName: 'Renamed', Status: undefined });
    const request = only();
    expect([request.method, request.url, request.body]).toEqual([
      'POST',
      `/2010-04-01/Accounts/${subSid(1)}.json`,
      'FriendlyName=Renamed',
    ]);
  });

  it.each([
    ['suspend', 'Status=suspended'],
    ['activate', 'Status=active'],
  ] as const)('%s sends %s', async (method, body) => {
    await client().subaccounts[method](subSid(1));
    expect(only().body).toBe(body);
  });

  it('close sends Status=closed', async () => {
    answers.push({ status: 200, body: account(1, { status: 'closed' }) });
    await expect(client().subaccounts.close(subSid(1))).resolves.toHaveProperty('status', 'closed');
    expect(only().body).toBe('Status=closed');
  });
});

describe('twilio: headers the caller cannot override', () => {
  it('a per-call Authorization header is refused before sending', async () => {
    await expect(
      client().subaccounts.get(subSid(1), { headers: { authorization: 'Basic eA==' } }),
    ).rejects.toMatchObject({ field: 'options.headers.authorization', rule: 'reserved-header' });
    expect(server.requests).toHaveLength(0);
  });

  it('a per-call Content-Type cannot turn the form body into something else', async () => {
    answers.push({ status: 201, body: account(1) });
    await client().subaccounts.create(
      { FriendlyName: 'x' },
      { headers: { 'Content-Type': 'application/json', 'X-Trace': 't1' } },
    );
    const request = only();
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.body).toBe('FriendlyName=x');
    expect(request.headers['x-trace']).toBe('t1');
  });
});

describe('twilio: authentication', () => {
  it('a Main API key authenticates as SK…:secret and acts for the account SID', async () => {
    const keyed = createTwilioClient({
      accountSid: MAIN_SID,
      apiKeySid: API_KEY_SID,
      apiKeySecret: API_KEY_SECRET,
      baseUrl: server.url,
    });
    await keyed.subaccounts.get(subSid(1));
    expect(only().headers.authorization).toBe(basic(API_KEY_SID, API_KEY_SECRET));
    expect(keyed.accountSid).toBe(MAIN_SID);
  });

  it.each([
    [{}, /`accountSid` is required/],
    [{ accountSid: 'AC123', authToken: 't' }, /`accountSid` must be AC followed by 32/],
    [{ accountSid: API_KEY_SID, authToken: 't' }, /pass it as `apiKeySid`/],
    [{ accountSid: MAIN_SID }, /`authToken` is required/],
    [{ accountSid: MAIN_SID, authToken: ' ' }, /`authToken` is required/],
    [
      { accountSid: MAIN_SID, authToken: 't', apiKeySid: API_KEY_SID, apiKeySecret: 's' },
      /not both/,
    ],
    [{ accountSid: MAIN_SID, apiKeySid: API_KEY_SID }, /`apiKeySecret` is required/],
    [{ accountSid: MAIN_SID, apiKeySid: MAIN_SID, apiKeySecret: 's' }, /`apiKeySid` must be SK/],
  ])('bad credentials %j are a ConfigurationError naming the option', (options, message) => {
    expect(() => createTwilioClient(options as never)).toThrow(ConfigurationError);
    expect(() => createTwilioClient(options as never)).toThrow(message);
  });
});

describe('twilio: hosts', () => {
  const host = (options: object) =>
    createTwilioClient({ accountSid: MAIN_SID, authToken: AUTH_TOKEN, ...options }).baseUrl;

  it('US1 by default, edge and region as Twilio names its hosts', () => {
    expect(host({})).toBe(TWILIO_BASE_URL);
    expect(TWILIO_BASE_URL).toBe('https://api.twilio.com');
    expect(host({ edge: 'dublin', region: 'ie1' })).toBe('https://api.dublin.ie1.twilio.com');
    expect(host({ edge: 'sydney' })).toBe('https://api.sydney.us1.twilio.com');
    expect(host({ edge: 'dublin', region: 'ie1', baseUrl: 'http://proxy.test' })).toBe(
      'http://proxy.test',
    );
  });

  it('a region without an edge, or a label that is not a host label, is refused', () => {
    expect(() => host({ region: 'ie1' })).toThrow(/needs an `edge`/);
    expect(() => host({ edge: 'evil.com/x' })).toThrow(/`edge` must be a lower-case host label/);
    expect(() => host({ edge: 'dublin', region: 'IE1' })).toThrow(/`region` must be/);
  });
});

describe('twilio: validation before sending', () => {
  const refused = async (call: Promise<unknown>, field: string, rule: string) => {
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field, rule });
    expect(server.requests).toHaveLength(0);
  };
  const sub = () => client().subaccounts;

  it.each([
    ['ACshort', 'account-sid'],
    [`${subSid(1)}/../x`, 'account-sid'],
    // The start is anchored too: a path segment before a valid SID is not a SID.
    [`../${subSid(1)}`, 'account-sid'],
    [`SK${'0'.repeat(32)}`, 'account-sid'],
    [42, 'string'],
  ])('a SID %j is refused (%s)', async (sid, rule) => {
    await refused(sub().get(sid as string), 'Sid', rule);
  });

  it('create: names of 1 to 64 characters, no other field', async () => {
    await refused(sub().create({ FriendlyName: '' }), 'FriendlyName', 'min-length');
    await refused(sub().create({ FriendlyName: 'x'.repeat(65) }), 'FriendlyName', 'max-length');
    await refused(sub().create({ friendlyName: 'x' } as never), 'friendlyName', 'known-field');
  });

  it('update: a status of the three, at least one field, a valid SID', async () => {
    await refused(sub().update(subSid(1), { Status: 'deleted' as never }), 'Status', 'enum');
    await refused(sub().update(subSid(1), { Status: '1' as never }), 'Status', 'enum');
    await refused(sub().update(subSid(1), {}), 'patch', 'non-empty');
    await refused(sub().update('AC1', { Status: 'active' }), 'Sid', 'account-sid');
  });

  it('list: page size 1 to 1000, no later page without its token', async () => {
    await refused(sub().list({ PageSize: 0 }), 'PageSize', 'minimum');
    await refused(sub().list({ PageSize: 1001 }), 'PageSize', 'maximum');
    await refused(sub().list({ PageSize: 2.5 }), 'PageSize', 'integer');
    await refused(sub().list({ Page: 2 }), 'Page', 'needs-page-token');
    await refused(sub().list({ Status: 'gone' as never }), 'Status', 'enum');
    await refused(sub().list({ page: 1 } as never), 'page', 'known-field');
  });

  it('listAll: the same bounds, and no Page or PageToken (it walks the pages itself)', async () => {
    const walk = (query: object) =>
      sub()
        .listAll(query as never)
        [Symbol.asyncIterator]()
        .next();
    await refused(walk({ PageSize: 5000 }), 'PageSize', 'maximum');
    await refused(walk({ PageToken: 'PA1' }), 'PageToken', 'known-field');
    await refused(walk({ limit: -1 }), 'limit', 'non-negative');
  });
});

describe('twilio: formBody', () => {
  it('encodes as Twilio expects and leaves undefined fields out', () => {
    expect(formBody({ FriendlyName: 'a b+c', Status: undefined })).toBe('FriendlyName=a+b%2Bc');
    expect(formBody(undefined)).toBe('');
  });
});
