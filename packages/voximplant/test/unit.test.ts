import { inspect } from 'node:util';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
} from '@tenantkit/core';
import { describe, expect, it } from 'vitest';
import { VOXIMPLANT_ERROR_CODES } from '../src/error-codes.js';
import {
  createVoximplantClient,
  errorCodeName,
  VOXIMPLANT_BASE_URL,
  type VoximplantClient,
} from '../src/index.js';
import { BASE_URL, recordingClient, testKey, tokenOf } from './fixtures.js';

const KEY_ID = 'ab81c66e-570e-4446-9af9-105269dfafca';
const ROLE = { role_name: 'Support', role_id: 3, gui_only: true };
const KEY_INFO = {
  account_email: 'owner@example.com',
  account_id: 1,
  key_id: KEY_ID,
  private_key: '-----BEGIN PRIVATE KEY-----\nMIIEunit\n-----END PRIVATE KEY-----\n',
};

interface Row {
  name: string;
  call: (client: VoximplantClient) => Promise<unknown>;
  path: string;
  /** The decoded query, exactly (every parameter, nothing else). */
  query: Record<string, string>;
  result: unknown;
  expected?: unknown;
}

const rows: Row[] = [
  {
    name: 'subUsers.add lower-cases the login and joins role ids with ;',
    call: (c) =>
      c.subUsers.add({
        new_subuser_name: 'Support_Desk',
        new_subuser_password: 'Str0ng!Pass',
        role_id: [3, 7],
        description: 'Team login',
      }),
    path: '/AddSubUser',
    query: {
      new_subuser_name: 'support_desk',
      new_subuser_password: 'Str0ng!Pass',
      role_id: '3;7',
      description: 'Team login',
    },
    result: { subuser_id: 109 },
  },
  {
    name: 'subUsers.list sends booleans as true/false and numbers as strings',
    call: (c) => c.subUsers.list({ with_roles: true, offset: 0, count: 20 }),
    path: '/GetSubUsers',
    query: { with_roles: 'true', offset: '0', count: '20' },
    result: [{ subuser_id: 109, subuser_name: 'support_desk' }],
  },
  {
    name: 'subUsers.list without input sends no query',
    call: (c) => c.subUsers.list(),
    path: '/GetSubUsers',
    query: {},
    result: [],
  },
  {
    name: 'subUsers.update',
    call: (c) =>
      c.subUsers.update({
        subuser_id: 109,
        old_subuser_password: 'Str0ng!Pass',
        new_subuser_password: 'N3w!Passw0rd',
      }),
    path: '/SetSubUserInfo',
    query: {
      subuser_id: '109',
      old_subuser_password: 'Str0ng!Pass',
      new_subuser_password: 'N3w!Passw0rd',
    },
    result: 1,
  },
  {
    name: 'subUsers.delete',
    call: (c) => c.subUsers.delete({ subuser_id: 109 }),
    path: '/DelSubUser',
    query: { subuser_id: '109' },
    result: 1,
  },
  {
    name: 'subUsers.setRoles joins role names with ;',
    call: (c) => c.subUsers.setRoles({ subuser_id: 109, role_name: ['Support', 'Accountant'] }),
    path: '/SetSubUserRoles',
    query: { subuser_id: '109', role_name: 'Support;Accountant' },
    result: 1,
  },
  {
    name: 'subUsers.getRoles',
    call: (c) => c.subUsers.getRoles({ subuser_id: 109, with_expanded_roles: false }),
    path: '/GetSubUserRoles',
    query: { subuser_id: '109', with_expanded_roles: 'false' },
    result: [ROLE],
  },
  {
    name: 'subUsers.removeRoles with force',
    call: (c) => c.subUsers.removeRoles({ subuser_id: 109, role_id: [3], force: true }),
    path: '/RemoveSubUserRoles',
    query: { subuser_id: '109', role_id: '3', force: 'true' },
    result: 1,
  },
  {
    name: 'keys.create (result as an array) returns one KeyInfo',
    call: (c) => c.keys.create({ key_name: 'ci-deployer', role_name: ['Developer'] }),
    path: '/CreateKey',
    query: { key_name: 'ci-deployer', role_name: 'Developer' },
    result: [KEY_INFO],
    expected: KEY_INFO,
  },
  {
    name: 'keys.create (result as an object) returns the same KeyInfo',
    call: (c) => c.keys.create(),
    path: '/CreateKey',
    query: {},
    result: KEY_INFO,
    expected: KEY_INFO,
  },
  {
    name: 'keys.create tolerates a KeyInfo with fields missing (the structure page marks all optional)',
    call: (c) => c.keys.create(),
    path: '/CreateKey',
    query: {},
    result: [{ key_id: KEY_ID }],
    expected: { key_id: KEY_ID },
  },
  {
    name: 'keys.list',
    call: (c) => c.keys.list({ key_id: KEY_ID, with_roles: false }),
    path: '/GetKeys',
    query: { key_id: KEY_ID, with_roles: 'false' },
    result: [{ key_id: KEY_ID }],
  },
  {
    name: 'keys.update',
    call: (c) => c.keys.update({ key_id: KEY_ID, description: 'CI', key_name: 'ci' }),
    path: '/UpdateKey',
    query: { key_id: KEY_ID, description: 'CI', key_name: 'ci' },
    result: 1,
  },
  {
    name: 'keys.delete',
    call: (c) => c.keys.delete({ key_id: KEY_ID }),
    path: '/DeleteKey',
    query: { key_id: KEY_ID },
    result: 1,
  },
  {
    name: 'keys.setRoles',
    call: (c) => c.keys.setRoles({ key_id: KEY_ID, role_id: [5, 6, 7] }),
    path: '/SetKeyRoles',
    query: { key_id: KEY_ID, role_id: '5;6;7' },
    result: 1,
  },
  {
    name: 'keys.getRoles',
    call: (c) => c.keys.getRoles({ key_id: KEY_ID, with_expanded_roles: true }),
    path: '/GetKeyRoles',
    query: { key_id: KEY_ID, with_expanded_roles: 'true' },
    result: [ROLE],
  },
  {
    name: 'keys.removeRoles',
    call: (c) => c.keys.removeRoles({ key_id: KEY_ID, role_name: ['Developer'] }),
    path: '/RemoveKeyRoles',
    query: { key_id: KEY_ID, role_name: 'Developer' },
    result: 1,
  },
  {
    name: 'roles.list',
    call: (c) => c.roles.list({ group_name: 'Calls' }),
    path: '/GetRoles',
    query: { group_name: 'Calls' },
    result: [ROLE],
  },
  {
    name: 'roles.groups',
    call: (c) => c.roles.groups(),
    path: '/GetRoleGroups',
    query: {},
    result: [{ id: 1, name: 'Calls' }],
  },
];

describe('voximplant client: each method sends the right request', () => {
  it.each(rows)('$name', async (row) => {
    const { client, requests } = recordingClient({ result: row.result });
    await expect(row.call(client)).resolves.toEqual(row.expected ?? row.result);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(`${request?.url.origin}${request?.url.pathname}`).toBe(`${BASE_URL}${row.path}`);
    expect(Object.fromEntries(request?.url.searchParams ?? [])).toEqual(row.query);
    expect(request?.body).toBeUndefined();
    expect(request?.headers.get('authorization')).toMatch(/^Bearer eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('percent-encodes the ; of a list like any reserved character', async () => {
    const { client, requests } = recordingClient({ result: 1 });
    await client.keys.setRoles({ key_id: KEY_ID, role_id: [5, 6] });
    expect(requests[0]?.url.search).toBe(`?key_id=${KEY_ID}&role_id=5%3B6`);
  });
});

describe('voximplant client: listAll walks offset/count', () => {
  // Each item is a subuser and a key at once, so one fake page serves both walks.
  const subusers = Array.from({ length: 5 }, (_, index) => ({
    subuser_id: index + 1,
    subuser_name: `user${index + 1}`,
    key_id: `key-${index + 1}`,
  }));
  const pagedAnswer = (request: { url: URL }) => {
    const offset = Number(request.url.searchParams.get('offset'));
    const count = Number(request.url.searchParams.get('count'));
    return Response.json({ result: subusers.slice(offset, offset + count) });
  };

  it('asks page after page, always sending count, until a short page', async () => {
    const { client, requests } = recordingClient(pagedAnswer);
    const seen = [];
    for await (const subuser of client.subUsers.listAll({ count: 2, with_roles: true }))
      seen.push(subuser.subuser_id);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(requests.map((r) => Object.fromEntries(r.url.searchParams))).toEqual([
      { with_roles: 'true', offset: '0', count: '2' },
      { with_roles: 'true', offset: '2', count: '2' },
      { with_roles: 'true', offset: '4', count: '2' },
    ]);
  });

  it('uses a page size of 100 by default and stops at limit', async () => {
    const { client, requests } = recordingClient(pagedAnswer);
    const seen = [];
    for await (const key of client.keys.listAll({ limit: 3 })) seen.push(key);
    expect(seen).toHaveLength(3);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url.pathname).toBe('/platform_api/GetKeys');
    expect(requests[0]?.url.searchParams.get('count')).toBe('100');
  });

  it('an exactly full last page costs one more (empty) request, then stops', async () => {
    const { client, requests } = recordingClient(pagedAnswer);
    let total = 0;
    for await (const _ of client.subUsers.listAll({ count: 5 })) total++;
    expect(total).toBe(5);
    expect(requests.map((r) => r.url.searchParams.get('offset'))).toEqual(['0', '5']);
  });
});

describe('voximplant error names', () => {
  // The client ships the packed names only; the full table is the error-codes subpath. Both are
  // written by scripts/error-codes.ts from one source: they must agree on every code.
  it('errorCodeName answers the first name of every code of the full table', () => {
    const first = new Map<number, string>();
    for (const [code, name] of VOXIMPLANT_ERROR_CODES) if (!first.has(code)) first.set(code, name);
    expect(first.size).toBe(457);
    for (const [code, name] of first) expect(errorCodeName(code)).toBe(name);
    expect(errorCodeName(485)).toBe('PARAMETER_CANT_BE_EMPTY');
    expect(errorCodeName(3)).toBeUndefined();
    expect(errorCodeName(99999)).toBeUndefined();
  });
});

describe('voximplant client: errors inside HTTP 200', () => {
  const cases = [
    [100, 'AUTHORIZATION_FAILED', AuthenticationError],
    [447, 'INVALID_TOKEN_FORMAT', AuthenticationError],
    [454, 'INVALID_TOKEN_TTL', AuthenticationError],
    [455, 'TOKEN_ISSUED_IN_FUTURE', AuthenticationError],
    [456, 'TOKEN_EXPIRED', AuthenticationError],
    [104, 'FORBIDDEN_COMMAND', PermissionDeniedError],
    [433, 'INVALID_KEY_ID', NotFoundError],
    [434, 'INVALID_SUB_USER_ID', NotFoundError],
    [436, 'SUB_USER_LOGIN_NOT_UNIQUE', ConflictError],
    [493, 'VALUE_NOT_UNIQUE', ConflictError],
    [340, 'RATE_LIMIT_EXCEED', RateLimitError],
    [1, 'FATAL_ERROR', ServerError],
    [2, 'INTERNAL_ERROR', ServerError],
    [4, 'DB_ERROR', ServerError],
    [101, 'INVALID_ARGUMENTS', BadRequestError],
    [449, 'ROLE_ID_AND_ROLE_NAME_AT_THE_SAME_TIME', BadRequestError],
  ] as const;

  it.each(cases)('code %i → %s, %o', async (code, codeName, ErrorClass) => {
    const { client } = recordingClient(
      { error: { code, msg: 'from the server' } },
      { maxRetries: 0 },
    );
    const error = await client.subUsers.delete({ subuser_id: 7 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({
      provider: 'voximplant',
      operation: 'DelSubUser',
      code,
      codeName,
      status: 200,
    });
    expect((error as Error).message).toContain('from the server');
  });

  it('reads an `errors` array too, and an unknown code is a BadRequestError without a name', async () => {
    const { client } = recordingClient({ errors: [{ code: 99999, msg: 'odd' }, { msg: 'more' }] });
    const error = await client.roles.groups().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ code: 99999, codeName: undefined });
    expect((error as Error).message).toContain('odd; more');
  });

  it('a body without a message still says which error it is: the code and its name', async () => {
    const { client } = recordingClient({ error: { code: 434 } });
    const error = await client.subUsers.delete({ subuser_id: 7 }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('HTTP 200 434 INVALID_SUB_USER_ID');
    // The provider's wording for it is in the full table (the error-codes subpath).
    const entry = VOXIMPLANT_ERROR_CODES.find(([code]) => code === 434);
    expect(entry?.[2]).toBe('Invalid subuser id.');
  });

  it('a rate limit inside 200 (340) is retried, even for a create', async () => {
    let calls = 0;
    const { client, requests } = recordingClient(() =>
      Response.json(
        calls++ === 0 ? { error: { code: 340, msg: 'slow down' } } : { result: { subuser_id: 5 } },
      ),
    );
    await expect(
      client.subUsers.add({ new_subuser_name: 'deskone', new_subuser_password: 'Str0ng!Pass' }),
    ).resolves.toEqual({ subuser_id: 5 });
    expect(requests).toHaveLength(2);
  });

  it('an internal error inside 200 on a create is not retried and says the outcome is unknown', async () => {
    const { client, requests } = recordingClient({ error: { code: 2, msg: 'Internal error' } });
    const error = await client.keys.create().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ServerError', outcomeUnknown: true, attempts: 1 });
    expect(requests).toHaveLength(1);
  });

  it('a 200 with neither result nor error is an InvalidResponseError', async () => {
    const { client } = recordingClient({ something: 'else' });
    await expect(client.roles.list()).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it('HTTP error statuses use the same code table', async () => {
    const { client } = recordingClient(
      () => Response.json({ error: { code: 104, msg: 'Forbidden command' } }, { status: 403 }),
      { maxRetries: 0 },
    );
    const error = await client.roles.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ status: 403, code: 104, codeName: 'FORBIDDEN_COMMAND' });
  });
});

describe('voximplant client: construction and secrets', () => {
  it('defaults to the documented base URL and exposes accountId', () => {
    const client = createVoximplantClient({ credentials: testKey.credentials });
    expect(client.baseUrl).toBe(VOXIMPLANT_BASE_URL);
    expect(client.accountId).toBe(testKey.credentials.account_id);
    expect(
      createVoximplantClient({ credentials: testKey.credentials, accountId: 77 }).accountId,
    ).toBe(77);
    expect(
      createVoximplantClient({ credentials: testKey.credentials, baseUrl: 'http://x.test/api/' })
        .baseUrl,
    ).toBe('http://x.test/api');
  });

  it('never shows the private key or a token when inspected or serialised', async () => {
    const { client, requests } = recordingClient({ result: [] });
    await client.roles.list();
    const token = tokenOf(requests[0]);
    for (const shown of [inspect(client, { depth: 8 }), JSON.stringify(client)]) {
      expect(shown).not.toContain('PRIVATE KEY');
      expect(shown).not.toContain(token);
    }
  });

  it('errors and logs never carry the token, the key, or a password', async () => {
    const lines: string[] = [];
    const logger = {
      debug: (message: string, details?: unknown) => lines.push(message, JSON.stringify(details)),
    };
    const { client, requests } = recordingClient(
      () => Response.json({ error: { code: 101, msg: 'bad' } }, { status: 400 }),
      { logger, maxRetries: 0 },
    );
    const error = await client.subUsers
      .update({
        subuser_id: 1,
        old_subuser_password: 'Old!Passw0rd',
        new_subuser_password: 'N3w!Passw0rd',
      })
      .catch((e: unknown) => e);
    const token = tokenOf(requests[0]);
    const everything = [...lines, inspect(error, { depth: 8 }), JSON.stringify(error)].join('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const secret of [token, 'Old!Passw0rd', 'N3w!Passw0rd', testKey.credentials.private_key]) {
      expect(everything).not.toContain(secret);
    }
  });

  it("a password holding ' and ) is scrubbed whole from an error that quotes the URL (regression)", async () => {
    const password = "Ab1'cd)EFgh9xyz";
    const client = createVoximplantClient({
      credentials: testKey.credentials,
      baseUrl: BASE_URL,
      maxRetries: 0,
      // A fetch (a proxy, a wrapper) whose failure quotes the request URL, query included.
      fetch: async (request) => {
        throw new TypeError(`could not reach ${request.url}`);
      },
    });
    const error = await client.subUsers
      .add({ new_subuser_name: 'support_desk', new_subuser_password: password })
      .catch((e: unknown) => e);
    const everything = [
      (error as Error).message,
      inspect(error, { depth: 8 }),
      JSON.stringify(error),
    ].join('\n');
    expect(everything).toContain('new_subuser_password=[REDACTED]');
    for (const fragment of [password, 'cd)EFgh9xyz', 'EFgh9xyz'])
      expect(everything).not.toContain(fragment);
  });

  it('keys.create hands the private key over intact and scrubs it from later errors', async () => {
    let calls = 0;
    const { client } = recordingClient(() =>
      calls++ === 0
        ? Response.json({ result: [KEY_INFO] })
        : Response.json({ error: { code: 101, msg: `echo ${KEY_INFO.private_key}` } }),
    );
    const created = await client.keys.create({ key_name: 'ci' });
    expect(created.private_key).toBe(KEY_INFO.private_key);
    const error = await client.roles.groups().catch((e: unknown) => e);
    expect((error as Error).message).not.toContain('MIIEunit');
  });

  it('the raw client is authenticated with the same cached token and encodes like the client', async () => {
    const { client, requests } = recordingClient({ result: 1 });
    await client.keys.delete({ key_id: KEY_ID });
    const { data } = await client.raw.POST('/GetSubUsers', {
      params: { query: { with_roles: false, count: 3 } },
    });
    expect(data).toEqual({ result: 1 });
    expect(requests[1]?.url.search).toBe('?with_roles=false&count=3');
    expect(tokenOf(requests[1])).toBe(tokenOf(requests[0]));
  });
});

describe('subUsers.get: one subuser by id', () => {
  const answer = (result: unknown) => () => Response.json({ result });

  it('answers that subuser, never another one the list holds', async () => {
    const other = { subuser_id: 7, subuser_name: 'other_one' };
    const wanted = { subuser_id: 109, subuser_name: 'support_desk' };
    const { client, requests } = recordingClient(answer([other, wanted]));
    await expect(client.subUsers.get({ subuser_id: 109, with_roles: true })).resolves.toEqual(
      wanted,
    );
    expect(Object.fromEntries(requests[0]!.url.searchParams)).toEqual({
      subuser_id: '109',
      with_roles: 'true',
    });
  });

  it('a 200 without it is a NotFoundError naming the subuser, with the attempts made', async () => {
    const { client } = recordingClient(answer([{ subuser_id: 7, subuser_name: 'other_one' }]));
    const error = await client.subUsers.get({ subuser_id: 109 }).catch((caught) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, attempts: 1 });
    expect(error.message).toContain('does not hold subuser 109');
  });

  it('without a subuser_id nothing is sent', async () => {
    const { client, requests } = recordingClient(answer([]));
    await expect(client.subUsers.get({} as never)).rejects.toMatchObject({
      field: 'subuser_id',
    });
    expect(requests).toHaveLength(0);
  });
});
