/**
 * The facade's Twilio adapter (`twilioFacade`): `name` ↔ FriendlyName, `enabled` ↔
 * active/suspended, `delete` = close, the main account left out of `list` and refused by `delete`,
 * the token handed out once as a Secret. Over a scripted Twilio on the loopback. (The facade-level
 * tests against the stateful sandbox, with the Synthflow link, stay in the tenantkit package.)
 */
import { inspect } from 'node:util';
import { Secret, ValidationError } from '@tenantkit/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTwilioClient, fromTwilio, twilioFacade } from '../src/index.js';
import { AUTH_TOKEN, account, MAIN_SID, subSid, subToken } from './support/fixtures.js';
import { type Answer, type Loopback, startLoopback } from './support/loopback.js';

const LIST = '/2010-04-01/Accounts.json';
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

const facade = () =>
  twilioFacade(
    createTwilioClient({
      accountSid: MAIN_SID,
      authToken: AUTH_TOKEN,
      baseUrl: server.url,
      maxRetries: 0,
    }),
  );
const form = (index: number) =>
  Object.fromEntries(new URLSearchParams(server.requests[index]?.body));
const refusal = async (call: Promise<unknown>) => {
  const error = await call.then(
    () => new Error('expected a ValidationError'),
    (e: unknown) => e as Error,
  );
  expect(error).toBeInstanceOf(ValidationError);
  const { field, rule, message } = error as ValidationError;
  return { field, rule, message };
};
const page = (accounts: unknown[]) => ({
  status: 200,
  body: { accounts, page: 0, page_size: 50, uri: LIST, next_page_uri: null },
});

describe('twilio facade: create', () => {
  it('name → FriendlyName; the token handed out once as a Secret; raw redacts it', async () => {
    answers = [{ status: 201, body: account(7, { friendly_name: 'Acme Dental' }) }];
    const created = await facade().create({ name: 'Acme Dental' });
    expect(server.requests[0]?.method).toBe('POST');
    expect(server.requests[0]?.url).toBe(LIST);
    expect(form(0)).toEqual({ FriendlyName: 'Acme Dental' });
    expect(created).toMatchObject({ provider: 'twilio', id: subSid(7), name: 'Acme Dental' });
    expect(created.credentials.authToken).toBeInstanceOf(Secret);
    expect(created.credentials.authToken?.reveal()).toBe(subToken(7));
    expect(created.raw.auth_token).toBe('[REDACTED]');
    expect(`${JSON.stringify(created)}${inspect(created, { depth: 9 })}`).not.toContain(
      subToken(7),
    );
  });

  it('the name comes from the answer, else the one sent, else empty; no token, no credential', async () => {
    answers = [
      { status: 201, body: account(8, { friendly_name: 'As Twilio says' }) },
      { status: 201, body: account(9, { friendly_name: null, auth_token: null }) },
      { status: 201, body: account(10, { friendly_name: null }) },
    ];
    expect((await facade().create({ name: 'As sent' })).name).toBe('As Twilio says');
    const second = await facade().create({ name: 'As sent' });
    expect(second.name).toBe('As sent');
    expect(second.credentials).toEqual({});
    expect((await facade().create({})).name).toBe('');
    expect(form(2)).toEqual({});
  });

  it('fields Twilio cannot honour are refused before sending, naming provider and field', async () => {
    await expect(
      refusal(facade().create({ name: 'A', enabled: true } as never)),
    ).resolves.toMatchObject({
      field: 'enabled',
    });
    await expect(refusal(facade().create({ email: 'a@b.example' } as never))).resolves.toEqual({
      field: 'email',
      rule: 'unsupported-field',
      message:
        'twilio.subaccounts.create: email is not supported by twilio on create (supported: name) (rule: unsupported-field)',
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe('twilio facade: get, list', () => {
  it('get: name, enabled, createdAt in ISO 8601, raw with the token redacted', async () => {
    answers = [{ status: 200, body: account(3) }];
    await expect(facade().get(subSid(3))).resolves.toEqual({
      provider: 'twilio',
      id: subSid(3),
      name: 'Tenant 3',
      enabled: true,
      createdAt: '2015-07-30T20:00:00.000Z',
      raw: { ...account(3), auth_token: '[REDACTED]' },
    });
    expect(server.requests[0]?.url).toBe(`/2010-04-01/Accounts/${subSid(3)}.json`);
  });

  it('fromTwilio: suspended and closed are not enabled; no status, no name or no date are left out', () => {
    expect(fromTwilio(account(1, { status: 'suspended' })).enabled).toBe(false);
    expect(fromTwilio(account(1, { status: 'closed' })).enabled).toBe(false);
    const bare = fromTwilio({ sid: subSid(1), friendly_name: null, date_created: null });
    expect(bare).toEqual({ provider: 'twilio', id: subSid(1), name: '', raw: bare.raw });
    expect(fromTwilio(account(1, { date_created: 'not a date' })).createdAt).toBeUndefined();
    expect(fromTwilio(account(1, { date_created: '' })).createdAt).toBeUndefined();
  });

  it('list: the main account is left out; the page size is sent; limit counts sub-accounts only', async () => {
    const main = account(0, { sid: MAIN_SID, friendly_name: 'Main' });
    const walk = async (options: { pageSize?: number; limit?: number }) => {
      answers = [page([main, account(1), account(2), account(3)])];
      const ids: string[] = [];
      for await (const item of facade().list(options)) ids.push(item.id);
      return ids;
    };
    expect(await walk({ pageSize: 20 })).toEqual([subSid(1), subSid(2), subSid(3)]);
    expect(server.requests[0]?.url).toContain('PageSize=20');
    expect(await walk({ limit: 2 })).toEqual([subSid(1), subSid(2)]);
    expect(await walk({ limit: 1 })).toEqual([subSid(1)]);
    server.requests.length = 0;
    answers = [];
    const none: string[] = [];
    for await (const item of facade().list({ limit: 0 })) none.push(item.id);
    expect(none).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});

describe('twilio facade: update, delete', () => {
  it('update: enabled → Status active/suspended, name → FriendlyName; answers the account', async () => {
    answers = [
      { status: 200, body: account(4, { status: 'suspended' }) },
      { status: 200, body: account(4, { friendly_name: 'Renamed' }) },
    ];
    const disabled = await facade().update(subSid(4), { enabled: false });
    expect(form(0)).toEqual({ Status: 'suspended' });
    expect(disabled.enabled).toBe(false);
    const renamed = await facade().update(subSid(4), { name: 'Renamed', enabled: true });
    expect(form(1)).toEqual({ FriendlyName: 'Renamed', Status: 'active' });
    expect(renamed).toMatchObject({ name: 'Renamed', enabled: true });
    expect(server.requests[0]?.url).toBe(`/2010-04-01/Accounts/${subSid(4)}.json`);
  });

  it('update: a non-boolean enabled is refused naming the field', async () => {
    await expect(
      refusal(facade().update(subSid(4), { enabled: 'no' } as never)),
    ).resolves.toMatchObject({
      field: 'enabled',
      rule: 'boolean',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('delete closes the sub-account (Status=closed) and answers the unified result', async () => {
    answers = [{ status: 200, body: account(5, { status: 'closed' }) }];
    await expect(facade().delete(subSid(5))).resolves.toEqual({
      provider: 'twilio',
      id: subSid(5),
      deleted: true,
      raw: { ...account(5, { status: 'closed' }), auth_token: '[REDACTED]' },
    });
    expect(server.requests[0]?.method).toBe('POST');
    expect(form(0)).toEqual({ Status: 'closed' });
  });

  it('the main account cannot be deleted: refused before sending, saying why', async () => {
    await expect(refusal(facade().delete(MAIN_SID))).resolves.toEqual({
      field: 'id',
      rule: 'not-main-account',
      message:
        'twilio.subaccounts.delete: id is the main account the client acts for; only its sub-accounts can be closed (rule: not-main-account)',
    });
    expect(server.requests).toHaveLength(0);
  });
});
