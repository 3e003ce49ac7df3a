/**
 * What a user reads when a Twilio call is refused or fails: the exact messages (operation, field,
 * rule), the inputs at the edges of each rule, the invalid-answer texts, the paging errors and the
 * close-after-retry rule. Checked on a real loopback server; a refused call sends nothing.
 */
import { ConfigurationError, PagingError, ValidationError } from '@tenantkit/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTwilioClient } from '../src/index.js';
import {
  API_KEY_SECRET,
  API_KEY_SID,
  AUTH_TOKEN,
  account,
  MAIN_SID,
  subSid,
  twilioError,
} from './support/fixtures.js';
import { type Answer, type Loopback, startLoopback } from './support/loopback.js';

let server: Loopback;
let answers: Answer[] = [];
beforeAll(async () => {
  server = await startLoopback(() => answers.shift() ?? { status: 200, body: account(1) });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  answers = [];
});

const client = (options: object = {}) =>
  createTwilioClient({
    accountSid: MAIN_SID,
    authToken: AUTH_TOKEN,
    baseUrl: server.url,
    maxRetries: 1,
    retryDelay: { initialMs: 1, maxMs: 2 },
    ...options,
  });
const sub = () => client().subaccounts;
const failure = async (call: Promise<unknown>) =>
  call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as Error,
  );
const walk = (query: unknown) =>
  sub()
    .listAll(query as never)
    [Symbol.asyncIterator]()
    .next();

describe('validation messages name the operation, the field and the rule', () => {
  it.each([
    [
      () => sub().get('ACshort'),
      'twilio.getAccount: Sid must be an account SID: AC followed by 32 hexadecimal digits (rule: account-sid)',
    ],
    [
      () => sub().create('x' as never),
      'twilio.createSubaccount: input must be an object (rule: object)',
    ],
    [
      () => sub().create({ FriendlyName: 7 as never }),
      'twilio.createSubaccount: FriendlyName must be a string (rule: string)',
    ],
    [
      () => sub().update(subSid(1), null as never),
      'twilio.updateAccount: patch must be an object (rule: object)',
    ],
    [
      () => sub().update(subSid(1), { FriendlyName: undefined }),
      'twilio.updateAccount: patch must change at least one field (FriendlyName or Status) (rule: non-empty)',
    ],
    [
      () => sub().update(subSid(1), { FriendlyName: '' }),
      'twilio.updateAccount: FriendlyName must be at least 1 characters long (rule: min-length)',
    ],
    [() => sub().list('x' as never), 'twilio.listAccounts: query must be an object (rule: object)'],
    [
      () => sub().list({ FriendlyName: 5 as never }),
      'twilio.listAccounts: FriendlyName must be a string (rule: string)',
    ],
    [
      () => sub().list({ Page: 1 }),
      'twilio.listAccounts: Page above 0 needs the PageToken Twilio put in next_page_uri (use listAll to walk pages) (rule: needs-page-token)',
    ],
    [() => walk('x'), 'twilio.listAll: query must be an object (rule: object)'],
  ])('%#: %s', async (call, message) => {
    const error = await failure(call());
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(message);
    expect(server.requests).toHaveLength(0);
  });

  it('list: Page must be 0 or more, PageToken not blank', async () => {
    expect(await failure(sub().list({ Page: -1 }))).toMatchObject({ field: 'Page' });
    expect(await failure(sub().list({ PageToken: ' ' }))).toMatchObject({
      field: 'PageToken',
      rule: 'non-blank',
    });
  });

  it('list: page 0 needs no token, a later page with its token is sent', async () => {
    answers = [
      { status: 200, body: { accounts: [], next_page_uri: null } },
      { status: 200, body: { accounts: [], next_page_uri: null } },
    ];
    await sub().list({ Page: 0 });
    await sub().list({ Page: 2, PageToken: 'PA123' });
    expect(server.requests.map((r) => r.url)).toEqual([
      '/2010-04-01/Accounts.json?Page=0',
      '/2010-04-01/Accounts.json?Page=2&PageToken=PA123',
    ]);
  });

  it('listAll takes the list filters, each sent on the first page', async () => {
    answers = [{ status: 200, body: { accounts: [account(1)], next_page_uri: null } }];
    const got = [];
    for await (const item of sub().listAll({
      FriendlyName: 'T',
      Status: 'active',
      PageSize: 5,
      limit: 3,
    }))
      got.push(item.sid);
    expect(got).toEqual([subSid(1)]);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/2010-04-01/Accounts.json?FriendlyName=T&Status=active&PageSize=5',
    ]);
  });

  it('listAll with limit 0 sends nothing', async () => {
    expect(await walk({ limit: 0 })).toEqual({ done: true, value: undefined });
    expect(server.requests).toHaveLength(0);
  });
});

describe('configuration errors say what to pass', () => {
  const refused = (options: object) => {
    try {
      createTwilioClient(options as never);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigurationError');
  };

  it.each([
    [{}, 'accountSid'],
    [{ accountSid: MAIN_SID }, 'authToken'],
    [{ accountSid: MAIN_SID, apiKeySecret: 's' }, 'apiKeySid'],
    [{ accountSid: MAIN_SID, apiKeySid: API_KEY_SID }, 'apiKeySecret'],
  ])('a missing credential %j names %s and how to get one', (options, option) => {
    const message = refused(options);
    expect(message.startsWith(`twilio: \`${option}\` is required and must not be blank. `)).toBe(
      true,
    );
    expect(message).toContain('Twilio Console → Account → API keys & tokens');
  });

  it('SIDs must match whole: nothing before AC/SK, nothing after the 32 digits', () => {
    const digits = '0123456789abcdef0123456789abcdef';
    for (const accountSid of [`xAC${digits}`, `AC${digits}0`])
      expect(refused({ accountSid, authToken: 't' })).toBe(
        'twilio: `accountSid` must be AC followed by 32 hexadecimal digits.',
      );
    for (const apiKeySid of [`xSK${digits}`, `SK${digits}0`])
      expect(refused({ accountSid: MAIN_SID, apiKeySid, apiKeySecret: 's' })).toContain(
        '`apiKeySid` must be SK followed by 32 hexadecimal digits',
      );
    // An SK… value only hints at apiKeySid when it is a whole key SID.
    expect(refused({ accountSid: `SK${digits}0`, authToken: 't' })).not.toContain('apiKeySid');
  });

  it('region and edge: host labels with hyphens are fine; a bad one is named with an example', () => {
    const host = (options: object) =>
      createTwilioClient({ accountSid: MAIN_SID, authToken: AUTH_TOKEN, ...options }).baseUrl;
    expect(host({ edge: 'sao-paulo', region: 'br1' })).toBe('https://api.sao-paulo.br1.twilio.com');
    expect(refused({ accountSid: MAIN_SID, authToken: 't', edge: 'dublin', region: 'IE1' })).toBe(
      'twilio: `region` must be a lower-case host label such as ie1.',
    );
    expect(refused({ accountSid: MAIN_SID, authToken: 't', edge: 'a-' })).toBe(
      'twilio: `edge` must be a lower-case host label such as dublin.',
    );
    expect(refused({ accountSid: MAIN_SID, authToken: 't', edge: 7 })).toContain('`edge` must be');
  });

  it('inspection names the auth method: api-key or auth-token', () => {
    const keyed = client({
      authToken: undefined,
      apiKeySid: API_KEY_SID,
      apiKeySecret: API_KEY_SECRET,
    });
    expect(JSON.stringify(keyed)).toContain('api-key');
    expect(JSON.stringify(client())).toContain('auth-token');
    expect(JSON.stringify(client())).toContain('TwilioClient');
  });
});

describe('answers that lack what the call promises', () => {
  it.each([
    [{ sid: '' }, 'an account object with its `sid`'],
    [{ sid: 7 }, 'an account object with its `sid`'],
    ['text', 'an account object with its `sid`'],
  ])('get answering %j is an invalid response naming what was expected', async (body, expects) => {
    answers = [{ status: 200, body }];
    const error = await failure(sub().get(subSid(1)));
    expect(error.name).toBe('InvalidResponseError');
    expect(error.message).toContain(expects);
    expect(error.message).toContain('twilio.getAccount');
  });

  it('get answering another account names the account asked for', async () => {
    answers = [{ status: 200, body: account(2) }];
    expect((await failure(sub().get(subSid(1)))).message).toContain(`account ${subSid(1)}`);
  });

  it('update answering without a sid, or with another account, says so (nothing is taken for done)', async () => {
    answers = [{ status: 200, body: { friendly_name: 'x' } }];
    const invalid = await failure(sub().update(subSid(1), { FriendlyName: 'x' }));
    expect(invalid.name).toBe('InvalidResponseError');
    expect(invalid.message).toContain('twilio.updateAccount');
    expect(invalid.message).toContain('an account object with its `sid`');
    answers = [{ status: 200, body: account(2) }];
    expect((await failure(sub().update(subSid(1), { FriendlyName: 'x' }))).message).toContain(
      `account ${subSid(1)}`,
    );
  });

  it('create answering without a sid names the new sub-account', async () => {
    answers = [{ status: 201, body: { friendly_name: 'x' } }];
    expect((await failure(sub().create())).message).toContain('the new sub-account with its `sid`');
  });

  it.each([
    [{ accounts: 'x' }],
    [{ accounts: [account(1), { sid: '' }] }],
    [{ accounts: [{ friendly_name: 'no sid' }, account(1)] }],
    [[]],
  ])('a list page %j is invalid: every account needs its sid', async (body) => {
    answers = [{ status: 200, body }];
    const error = await failure(sub().list());
    expect(error.name).toBe('InvalidResponseError');
    expect(error.message).toContain('the `accounts` list of accounts, each with its `sid`');
  });

  it('a linked page that is invalid fails the walk with the same text', async () => {
    answers = [
      {
        status: 200,
        body: {
          accounts: [account(1)],
          next_page_uri: '/2010-04-01/Accounts.json?Page=1&PageToken=PA1',
        },
      },
      { status: 200, body: { accounts: 'x' } },
    ];
    const items = sub().listAll()[Symbol.asyncIterator]();
    await items.next();
    const error = await failure(items.next());
    expect(error.name).toBe('InvalidResponseError');
    expect(error.message).toContain('the `accounts` list of accounts, each with its `sid`');
  });
});

describe('paging links Twilio sends', () => {
  const page = (next: unknown): Answer => ({
    status: 200,
    body: { accounts: [account(1)], next_page_uri: next },
  });
  const walkAll = async () => {
    const sids = [];
    for await (const item of sub().listAll()) sids.push(item.sid);
    return sids;
  };

  it.each([[null], [undefined], ['']])('next_page_uri %j ends the walk', async (next) => {
    answers = [page(next)];
    expect(await walkAll()).toEqual([subSid(1)]);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [42, 'next_page_uri is not a string; not followed'],
    ['http://[bad', 'next_page_uri is not a URL; not followed'],
  ])('a link %j is a PagingError saying why, after the pages fetched', async (next, message) => {
    answers = [page(next)];
    const error = (await failure(walkAll())) as PagingError;
    expect(error).toBeInstanceOf(PagingError);
    expect(error.message).toContain(message);
    expect(error).toMatchObject({ provider: 'twilio', operation: 'listAll', pages: 1 });
  });
});

describe('errors: Twilio text trimmed, other bodies read by core', () => {
  it.each([
    [{ code: 20001, message: '  Bad  ', status: 400 }, 'Bad'],
    [{ code: 20001, message: ' ', detail: 'From detail', status: 400 }, 'From detail'],
    [{ code: 20001, message: 5, title: 'From title', status: 400 }, 'From title'],
  ])('%j → the message says %s', async (body, text) => {
    answers = [{ status: 400, body }];
    const error = await failure(sub().get(subSid(1)));
    expect(error.message).toMatch(new RegExp(`HTTP 400 20001: ${text}$`));
  });

  it('a body whose code is not a number is read by core (code kept as given)', async () => {
    answers = [{ status: 400, body: { code: 'E1', message: 'text code' } }];
    const error = await failure(sub().get(subSid(1)));
    expect(error).toMatchObject({ code: 'E1' });
    expect((error as { codeName?: string }).codeName).toBeUndefined();
  });
});

describe('close after a retry', () => {
  const closed = { status: 400, body: twilioError(400, 21479, 'already closed') };

  it('21479 on the retry of a close reads the account back, and returns it when closed', async () => {
    answers = [{ status: 503 }, closed, { status: 200, body: account(1, { status: 'closed' }) }];
    await expect(sub().close(subSid(1))).resolves.toMatchObject({ status: 'closed' });
  });

  it('read back still active: the 21479 error stands', async () => {
    answers = [{ status: 503 }, closed, { status: 200, body: account(1, { status: 'active' }) }];
    expect(await failure(sub().close(subSid(1)))).toMatchObject({ code: 21479 });
    expect(server.requests).toHaveLength(3);
  });

  it('another error on the retry is not read back', async () => {
    answers = [{ status: 503 }, { status: 400, body: twilioError(400, 21477, 'main account') }];
    expect(await failure(sub().close(subSid(1)))).toMatchObject({ code: 21477 });
    expect(server.requests).toHaveLength(2);
  });
});
