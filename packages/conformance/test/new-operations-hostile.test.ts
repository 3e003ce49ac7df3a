/**
 * Issue 16's operations (Vobiz numbers and KYC, Voximplant account, child accounts and authorized
 * IPs) against a hostile or broken provider: a scripted loopback server answering what no
 * documentation promises. Each test is named after the defect it pins.
 */
import {
  ConflictError,
  CoolOffError,
  InvalidResponseError,
  ServerError,
  ValidationError,
} from '@tenantkit/core';
import { throwawayVoximplantKey } from '@tenantkit/mock';
import { type ScriptedServer, startScriptedServer } from '@tenantkit/test-support';
import { createVobizClient, type VobizClient } from '@tenantkit/vobiz';
import { createVoximplantClient, type VoximplantClient } from '@tenantkit/voximplant';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const json = (status: number, body: unknown) => ({
  status,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});
const NUMBER = '+919876543210';

/** What a call ended with: the error, or the value wrapped so the two are told apart. */
async function outcome(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return { resolved: await call() };
  } catch (error) {
    return error;
  }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

describe('Vobiz numbers against a hostile provider', () => {
  let vobiz: VobizClient;
  beforeEach(() => {
    vobiz = createVobizClient({
      authId: 'MA_PARENT01',
      authToken: 'parent-token-canary-4411',
      baseUrl: server.url,
      maxRetries: 0,
    });
  });

  it.each([
    ['1e306 seconds (Infinity ms)', 1e306],
    ['1e15 seconds (past the last Date)', 1e15],
  ])('a cool-off of %s is a typed 409, not a RangeError from toISOString', async (_, seconds) => {
    server.script(
      [],
      json(409, { error: 'did_cool_off_in_effect', cool_off_remaining_seconds: seconds }),
    );
    const error = await outcome(() => vobiz.numbers.unassign(NUMBER));
    expect(error).toBeInstanceOf(ConflictError);
    const { message, retryAt } = error as CoolOffError;
    expect(message).toContain('did_cool_off_in_effect');
    // A retryAt, when there is one, is a real moment.
    if (retryAt !== undefined) expect(Number.isFinite(retryAt.getTime())).toBe(true);
  });

  it("a 409 with a cool-off time but the provider's own error keeps the provider's message", async () => {
    server.script(
      [],
      json(409, {
        error: 'number_locked',
        message: 'Number is held by a compliance review',
        cool_off_remaining_seconds: 600,
      }),
    );
    const error = await outcome(() => vobiz.numbers.unassign(NUMBER));
    expect(error).toBeInstanceOf(CoolOffError);
    expect((error as Error).message).toContain('Number is held by a compliance review');
    expect((error as Error).message).not.toContain('carried a call in the last 15 days');
  });

  it("a 500 whose body happens to carry cool_off_remaining_seconds keeps the provider's message", async () => {
    server.script(
      [],
      json(500, {
        error: 'internal',
        message: 'database unreachable',
        cool_off_remaining_seconds: 0,
      }),
    );
    const error = await outcome(() => vobiz.numbers.unassign(NUMBER));
    expect(error).toBeInstanceOf(ServerError);
    expect((error as Error).message).toContain('database unreachable');
    expect((error as Error).message).not.toContain('carried a call in the last 15 days');
  });

  it('a cool-off body with a message of its own keeps that message beside the time', async () => {
    server.script(
      [],
      json(409, {
        error: 'did_cool_off_in_effect',
        message: 'Number +919876543210 made a call on 2026-05-25',
        cool_off_until: '2026-06-09T10:00:00Z',
      }),
    );
    const error = await outcome(() => vobiz.numbers.unassign(NUMBER));
    expect(error).toBeInstanceOf(CoolOffError);
    expect((error as Error).message).toContain('made a call on 2026-05-25');
    expect((error as CoolOffError).retryAt?.toISOString()).toBe('2026-06-09T10:00:00.000Z');
  });

  const brokenItems: Array<[string, unknown[]]> = [
    ['null', [null]],
    ['a string', ['+919876543210']],
    ['a number', [919876543210]],
    ['an object without e164', [{ id: '1', status: 'active', account_id: 'SA_TENANT1' }]],
  ];
  it.each(brokenItems)(
    'a numbers list holding %s is an InvalidResponseError in list, listAll and listForSubAccount, not a TypeError',
    async (_, items) => {
      server.script([], json(200, { items, page: 1, per_page: 100, total: items.length }));
      for (const call of [
        () => vobiz.numbers.list(),
        () => collect(vobiz.numbers.listAll()),
        () => collect(vobiz.numbers.listForSubAccount('SA_TENANT1')),
      ]) {
        expect(await outcome(call)).toBeInstanceOf(InvalidResponseError);
      }
    },
  );
});

describe('Voximplant account, child accounts and authorized IPs against a hostile provider', () => {
  const key = throwawayVoximplantKey({ shared: true, accountId: 4242 });
  let voximplant: VoximplantClient;
  beforeEach(() => {
    voximplant = createVoximplantClient({
      credentials: key.credentials,
      baseUrl: `${server.url}/platform_api`,
      maxRetries: 0,
    });
  });

  const methods: Array<[string, (client: VoximplantClient) => Promise<unknown>]> = [
    ['account.info', (c) => c.account.info()],
    ['childAccounts.list', (c) => c.childAccounts.list()],
    ['childAccounts.listAll', (c) => collect(c.childAccounts.listAll())],
    [
      'childAccounts.update',
      (c) => c.childAccounts.update({ child_account_id: [7], active: true }),
    ],
    ['childAccounts.suspend', (c) => c.childAccounts.suspend({ child_account_id: 'all' })],
    ['childAccounts.activate', (c) => c.childAccounts.activate({ child_account_name: ['kid'] })],
    ['authorizedIps.add', (c) => c.authorizedIps.add({ authorized_ip: '192.0.2.0/24' })],
    ['authorizedIps.list', (c) => c.authorizedIps.list()],
    ['authorizedIps.listAll', (c) => collect(c.authorizedIps.listAll())],
    ['authorizedIps.delete', (c) => c.authorizedIps.delete({ contains_ip: '192.0.2.7' })],
    ['authorizedIps.check', (c) => c.authorizedIps.check({ authorized_ip: '192.0.2.7' })],
  ];
  const oddBodies: Array<[string, unknown]> = [
    ['null', null],
    ['a string', 'ok'],
    ['a number', 42],
    ['an array', [1]],
    ['{}', {}],
    ['{result: null}', { result: null }],
    ['{result: "1"}', { result: '1' }],
    ['{result: [null]}', { result: [null] }],
    ['{result: [{}]}', { result: [{}] }],
  ];
  for (const [name, call] of methods) {
    it.each(oddBodies)(
      `${name}: a 200 answering %s is an InvalidResponseError, not a TypeError or a wrongly typed success`,
      async (_, body) => {
        server.script([], json(200, body));
        expect(await outcome(() => call(voximplant))).toBeInstanceOf(InvalidResponseError);
      },
    );
  }

  it.each([
    ["'all' (a string, not a selector object)", 'all'],
    ['null', null],
    [
      'a selector with a setting (a password) smuggled in',
      { child_account_id: [7], new_child_account_password: 'Secret-Pass-99' },
    ],
  ])(
    'suspend and activate refuse %s with a ValidationError naming the selector, before any request',
    async (_, selector) => {
      server.script([], json(200, { result: 1 }));
      for (const call of [
        () => voximplant.childAccounts.suspend(selector as never),
        () => voximplant.childAccounts.activate(selector as never),
      ]) {
        const error = await outcome(call);
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).field).toMatch(/^selector/);
      }
      expect(server.requests).toHaveLength(0);
    },
  );
});
