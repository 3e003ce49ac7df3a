/**
 * The Twilio client against the stateful sandbox (held to specs/twilio.yaml by Prism both ways):
 * what one call creates the next one sees, the status rules (closed is final), paging by
 * next_page_uri, and the scope of a sub-account's own credentials.
 */
import { fileURLToPath } from 'node:url';
import { AuthenticationError, BadRequestError, NotFoundError } from '@tenantkit/core';
import { type Sandbox, startSandbox } from '@tenantkit/mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createTwilioClient, type TwilioClient } from '../src/index.js';

const SPEC = fileURLToPath(new URL('../../../specs/twilio.yaml', import.meta.url));

let sandbox: Sandbox;
let main: TwilioClient;
beforeAll(async () => {
  sandbox = await startSandbox({ providers: ['twilio'], specs: { twilio: SPEC }, seed: 15 });
  main = createTwilioClient({
    ...sandbox.credentials.twilio!,
    baseUrl: sandbox.urls.twilio!,
    maxRetries: 0,
  });
});
afterAll(() => sandbox.stop());
afterEach(() => {
  expect(sandbox.violations).toEqual([]);
});

const as = (account: Account) =>
  createTwilioClient({
    accountSid: account.sid!,
    authToken: account.auth_token!,
    baseUrl: sandbox.urls.twilio!,
    maxRetries: 0,
  });

describe('twilio sandbox', () => {
  it('create → get → list: the new sub-account, its own token, owned by the main account', async () => {
    const created = await main.subaccounts.create({ FriendlyName: 'Acme' });
    expect(created).toMatchObject({
      friendly_name: 'Acme',
      status: 'active',
      owner_account_sid: sandbox.credentials.twilio!.accountSid,
    });
    expect(created.sid).toMatch(/^AC[0-9a-f]{32}$/);
    expect(created.auth_token).toMatch(/^[0-9a-f]{32}$/);
    expect(await main.subaccounts.get(created.sid!)).toEqual(created);
    const listed = await main.subaccounts.list({ FriendlyName: 'Acme' });
    expect(listed.accounts?.map((a) => a.sid)).toEqual([created.sid]);
  });

  it('a create without a name gets Twilio’s dated default name', async () => {
    const created = await main.subaccounts.create();
    expect(created.friendly_name).toMatch(
      /^SubAccount Created at \d{4}-\d{2}-\d{2} \d{2}:\d{2} [ap]m$/,
    );
  });

  it('suspend → activate → close; closed is final', async () => {
    const { sid } = await main.subaccounts.create({ FriendlyName: 'Short-lived' });
    expect((await main.subaccounts.suspend(sid!)).status).toBe('suspended');
    expect((await main.subaccounts.activate(sid!)).status).toBe('active');
    expect((await main.subaccounts.close(sid!)).status).toBe('closed');
    for (const reopen of [main.subaccounts.activate(sid!), main.subaccounts.suspend(sid!)])
      await expect(reopen).rejects.toMatchObject({ code: 21479, codeName: 'SUBACCOUNT_CLOSED' });
    // Still listed and readable, as on Twilio.
    expect((await main.subaccounts.get(sid!)).status).toBe('closed');
    const closed = await main.subaccounts.list({ Status: 'closed' });
    expect(closed.accounts?.map((a) => a.sid)).toContain(sid);
  });

  it('the main account cannot be suspended or closed (21477)', async () => {
    const error = await main.subaccounts
      .close(sandbox.credentials.twilio!.accountSid)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ code: 21477, codeName: 'MAIN_ACCOUNT_STATUS_UNCHANGEABLE' });
  });

  it('listAll walks every page by next_page_uri', async () => {
    const made: string[] = [];
    for (let n = 0; n < 5; n++)
      made.push((await main.subaccounts.create({ FriendlyName: `Paged ${n}` })).sid!);
    const seen: string[] = [];
    for await (const account of main.subaccounts.listAll({ PageSize: 2 })) seen.push(account.sid!);
    expect(seen[0]).toBe(sandbox.credentials.twilio!.accountSid);
    expect(seen).toEqual(expect.arrayContaining(made));
    expect(new Set(seen).size).toBe(seen.length);
    const lists = sandbox.exchanges.filter((e) => e.operationId === 'listAccounts');
    expect(lists.length).toBeGreaterThanOrEqual(Math.ceil(seen.length / 2));
  });

  it('a sub-account’s own credentials reach only itself, and stop working once suspended', async () => {
    const created = await main.subaccounts.create({ FriendlyName: 'Scoped' });
    const other = await main.subaccounts.create({ FriendlyName: 'Other' });
    const itself = as(created);
    expect((await itself.subaccounts.list()).accounts?.map((a) => a.sid)).toEqual([created.sid]);
    await expect(itself.subaccounts.get(other.sid!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(itself.subaccounts.create()).rejects.toMatchObject({ code: 21101 });
    await main.subaccounts.suspend(created.sid!);
    await expect(itself.subaccounts.get(created.sid!)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('a wrong token is a 401 with code 20003', async () => {
    const stranger = createTwilioClient({
      accountSid: sandbox.credentials.twilio!.accountSid,
      authToken: 'not-the-token',
      baseUrl: sandbox.urls.twilio!,
      maxRetries: 0,
    });
    await expect(stranger.subaccounts.list()).rejects.toMatchObject({
      status: 401,
      code: 20003,
      codeName: 'AUTHENTICATION_FAILED',
    });
  });

  it('a rate-limit fault is a 429 the client retries, even for a create', async () => {
    sandbox.setFaults('twilio', { rateLimitPerSecond: 1 });
    try {
      const retrying = createTwilioClient({
        ...sandbox.credentials.twilio!,
        baseUrl: sandbox.urls.twilio!,
        maxRetries: 5,
        retryDelay: { initialMs: 1_100, maxMs: 1_500 },
      });
      const before = sandbox.exchanges.length;
      // Two creates at once against one request per second: one of them is refused at first.
      const made = await Promise.all([
        retrying.subaccounts.create({ FriendlyName: 'First' }),
        retrying.subaccounts.create({ FriendlyName: 'Second' }),
      ]);
      const statuses = sandbox.exchanges.slice(before).map((e) => e.status);
      expect(statuses).toContain(429);
      // Each create made exactly one sub-account: a 429 was never processed.
      expect(statuses.filter((status) => status === 201)).toHaveLength(2);
      const named = await retrying.subaccounts.list({ FriendlyName: 'Second' });
      expect(named.accounts?.map((a) => a.sid)).toEqual([made[1].sid]);
    } finally {
      sandbox.setFaults('twilio', undefined);
    }
  });
});
