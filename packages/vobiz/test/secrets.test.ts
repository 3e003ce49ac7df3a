/**
 * The secrets guarantee, proved with canary values: the create answer's one-time credentials reach
 * the caller intact, and no canary (nor the parent token) ever shows in an error or a log line.
 */
import { inspect } from 'node:util';
import {
  AuthenticationError,
  ConflictError,
  type Logger,
  ServerError,
  UnprocessableEntityError,
} from '@tenantkit/core';
import { createRecordingFetch } from '@tenantkit/mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { type CreateSubAccountResponse, createVobizClient } from '../src/index.js';
import { AUTH_ID, AUTH_TOKEN, subAccount } from './fixtures.js';

const SUB_TOKEN = 'sub-token-canary-51be02d4';
const ACCESS_TOKEN = 'access-token-canary-9d8e7f61';
const REFRESH_TOKEN = 'refresh-token-canary-0a1b2c3d';
const PASSWORD = 'password-canary-S0pport123';
/** A token the client never saw: only its position in the body can give it away. */
const STRANGER_TOKEN = 'stranger-token-canary-3c4d5e6f';
const CANARIES = [AUTH_TOKEN, SUB_TOKEN, ACCESS_TOKEN, REFRESH_TOKEN, PASSWORD, STRANGER_TOKEN];

const createAnswer: CreateSubAccountResponse = {
  message: 'Sub-account created successfully',
  sub_account: subAccount(7, { auth_token: SUB_TOKEN }),
  auth_credentials: { auth_id: 'SA_00000007', auth_token: SUB_TOKEN },
  tokens: {
    access_token: ACCESS_TOKEN,
    refresh_token: REFRESH_TOKEN,
    token_type: 'bearer',
    expires_in: 1800,
  },
};

/** Everything the logger was given, deeply rendered. */
const logged: string[] = [];
const logger: Logger = {
  debug(message, details) {
    logged.push(`${message} ${JSON.stringify(details)} ${inspect(details, { depth: 10 })}`);
  },
};

let answers: Array<() => Response> = [];
const recorder = createRecordingFetch(() => {
  const next = answers.shift();
  if (!next) throw new Error('test script ran out of answers');
  return next();
});
const client = createVobizClient({
  authId: AUTH_ID,
  authToken: AUTH_TOKEN,
  baseUrl: 'https://vobiz.test',
  fetch: recorder.fetch,
  logger,
  maxRetries: 0,
});

function expectNoCanary(text: string): void {
  for (const canary of CANARIES) expect(text).not.toContain(canary);
}

/** Every way an error can be printed or shipped somewhere. */
function renderings(error: unknown): string[] {
  return [
    (error as Error).message,
    String(error),
    (error as Error).stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
  ];
}

beforeEach(() => {
  logged.length = 0;
  recorder.requests.length = 0;
  answers = [];
});

describe('vobiz secrets: the create answer', () => {
  it('hands the one-time token and console tokens to the caller intact, and logs none of them', async () => {
    answers.push(() => Response.json(createAnswer, { status: 201 }));
    const created = await client.subAccounts.create({
      name: 'Support Team',
      email: 'support@example.com',
      password: PASSWORD,
    });
    expect(created).toEqual(createAnswer);
    expect(created.sub_account.auth_token).toBe(SUB_TOKEN);
    expect(created.auth_credentials.auth_token).toBe(SUB_TOKEN);
    expect(created.tokens.access_token).toBe(ACCESS_TOKEN);
    expect(created.tokens.refresh_token).toBe(REFRESH_TOKEN);
    // The password did reach Vobiz, and the parent token authenticated the call.
    expect(recorder.requests[0]?.body).toMatchObject({ password: PASSWORD });
    expect(recorder.requests[0]?.headers.get('x-auth-token')).toBe(AUTH_TOKEN);

    expect(logged.map((line) => line.split(' ')[0])).toEqual(['tenantkit', 'tenantkit']);
    expect(logged[0]).toContain('tenantkit request');
    expect(logged[1]).toContain('tenantkit response');
    expect(logged[0]).toContain('Support Team');
    expect(logged[1]).toContain('SA_00000007');
    expect(logged.join('\n')).toContain('[REDACTED]');
    expectNoCanary(logged.join('\n'));
  });
});

describe('vobiz secrets: error answers that echo secrets', () => {
  // A create first, so the client knows the new sub-account's token (it is scrubbed afterwards).
  beforeEach(async () => {
    answers.push(() => Response.json(createAnswer, { status: 201 }));
    await client.subAccounts.create({ name: 'Support Team' });
    logged.length = 0;
  });

  const cases: Array<{
    name: string;
    status: number;
    body: unknown;
    ErrorClass: new (...args: never[]) => Error;
    call: () => Promise<unknown>;
  }> = [
    {
      name: '409 envelope with the token in details and in the message',
      status: 409,
      body: {
        status: 'error',
        error: {
          code: 'CONFLICT',
          message: `sub-account exists; auth_token=${STRANGER_TOKEN}`,
          details: { auth_token: STRANGER_TOKEN, parent_token: AUTH_TOKEN },
        },
        requestId: 'req_409',
      },
      ErrorClass: ConflictError,
      call: () => client.subAccounts.create({ name: 'Support Team', password: PASSWORD }),
    },
    {
      name: '422 Plivo-style naming the tokens in free text',
      status: 422,
      body: {
        api_id: 'api_422',
        error: `X-Auth-Token ${AUTH_TOKEN} may not set this`,
        message: `token ${SUB_TOKEN} belongs to another sub-account, password: ${PASSWORD}`,
      },
      ErrorClass: UnprocessableEntityError,
      call: () => client.subAccounts.update('SA_00000007', { rate_limit: 10 }),
    },
    {
      name: '500 echoing the whole create answer',
      status: 500,
      body: {
        api_id: 'api_500',
        error: 'internal server error',
        message: `could not serialise ${JSON.stringify(createAnswer)}`,
        echo: createAnswer,
      },
      ErrorClass: ServerError,
      call: () => client.subAccounts.get('SA_00000007'),
    },
    {
      name: '500 on create (outcome unknown, message rebuilt) with console tokens',
      status: 500,
      body: {
        status: 'error',
        error: {
          code: 'INTERNAL_ERROR',
          message: `failed after issuing access_token: ${ACCESS_TOKEN} refresh_token: ${REFRESH_TOKEN}`,
        },
        requestId: 'req_500',
      },
      ErrorClass: ServerError,
      call: () => client.subAccounts.create({ name: 'Again', password: PASSWORD }),
    },
    {
      name: '401 in plain text quoting the parent token',
      status: 401,
      body: `Unauthorized: X-Auth-ID ${AUTH_ID} with X-Auth-Token "${AUTH_TOKEN}" rejected`,
      ErrorClass: AuthenticationError,
      call: () => client.subAccounts.list(),
    },
  ];

  it.each(cases)('$name', async ({ status, body, ErrorClass, call }) => {
    answers.push(() =>
      typeof body === 'string'
        ? new Response(body, { status, headers: { 'content-type': 'text/plain' } })
        : Response.json(body, { status }),
    );
    const error = await call().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status });
    // The body is kept for debugging, with the secrets replaced.
    expect(JSON.stringify((error as { body: unknown }).body)).toContain('[REDACTED]');
    for (const text of renderings(error)) expectNoCanary(text);
    expect(logged.length).toBeGreaterThan(0);
    expectNoCanary(logged.join('\n'));
  });
});

describe('vobiz secrets: failures before any answer', () => {
  it('a network failure whose message names the token does not leak it', async () => {
    const failing = createVobizClient({
      authId: AUTH_ID,
      authToken: AUTH_TOKEN,
      baseUrl: 'https://vobiz.test',
      fetch: async () => {
        throw new TypeError(`socket hang up (X-Auth-Token: ${AUTH_TOKEN})`);
      },
      logger,
      maxRetries: 1,
      retryDelay: { initialMs: 1, maxMs: 1 },
    });
    const error = await failing.subAccounts.get('SA_00000007').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ConnectionError', attempts: 2 });
    // The cause is kept (for its error code) but scrubbed: util.inspect prints it in full.
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(inspect(error, { depth: 10 })).toContain('socket hang up');
    for (const text of renderings(error)) expectNoCanary(text);
    expectNoCanary(logged.join('\n'));
  });

  it('configuration errors never echo a credential', () => {
    const thrown = [
      () => createVobizClient({ authId: `MA_X/${AUTH_TOKEN}`, authToken: AUTH_TOKEN }),
      () => createVobizClient({ authId: AUTH_ID, authToken: 42 as unknown as string }),
      () => createVobizClient({ authId: '', authToken: AUTH_TOKEN }),
    ].map((make) => {
      try {
        make();
      } catch (error) {
        return error;
      }
      throw new Error('expected a ConfigurationError');
    });
    for (const error of thrown) {
      expect(error).toMatchObject({ name: 'ConfigurationError' });
      for (const text of renderings(error)) expectNoCanary(text);
    }
  });
});
