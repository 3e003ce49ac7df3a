/**
 * The sandbox's faults, observed from the client side: 429s are waited out (creates included, never
 * duplicated), 5xx are retried on reads and reported on creates, a create whose connection died
 * after it was processed is reported as outcome-unknown, a slow answer times out.
 */
import {
  ConflictError,
  ConnectionError,
  type CoreOptions,
  ServerError,
  TimeoutError,
} from '@tenantkit/core';
import type { SandboxProvider } from '@tenantkit/mock';
import { createSynthflowClient } from '@tenantkit/synthflow';
import { type Account, createTwilioClient } from '@tenantkit/twilio';
import { createVobizClient } from '@tenantkit/vobiz';
import { createVoximplantClient } from '@tenantkit/voximplant';
import { describe, expect, it } from 'vitest';
import { useSandbox } from '../support/sandbox.js';

const sandbox = useSandbox(['synthflow', 'vobiz', 'voximplant', 'twilio'], { seed: 21 });

/** One small interface per provider, so each fault runs the same rows against all of them. */
interface Tenants {
  read(): Promise<unknown>;
  create(name: string): Promise<unknown>;
  names(): Promise<string[]>;
  removeAll(): Promise<void>;
}

const FAST_RETRIES: CoreOptions = { retryDelay: { initialMs: 5, maxMs: 2_000 } };

const TENANTS: Record<SandboxProvider, (options: CoreOptions) => Tenants> = {
  synthflow(options) {
    const { apiKey = '' } = sandbox().credentials.synthflow ?? {};
    const client = createSynthflowClient({ apiKey, baseUrl: sandbox().urls.synthflow, ...options });
    const all = async () => (await client.subaccounts.list()).subaccounts ?? [];
    return {
      read: () => client.subaccounts.list(),
      create: (name) => client.subaccounts.create({ subaccount_name: name }),
      names: async () => (await all()).map((item) => item.name ?? ''),
      async removeAll() {
        for (const item of await all()) await client.subaccounts.delete(item.subaccount_id ?? '');
      },
    };
  },
  vobiz(options) {
    const credentials = sandbox().credentials.vobiz ?? { authId: '', authToken: '' };
    const client = createVobizClient({ ...credentials, baseUrl: sandbox().urls.vobiz, ...options });
    return {
      read: () => client.subAccounts.list(),
      create: (name) => client.subAccounts.create({ name }),
      names: async () =>
        (await client.subAccounts.list({ size: 100 })).sub_accounts.map((item) => item.name),
      async removeAll() {
        for (const item of (await client.subAccounts.list({ size: 100 })).sub_accounts)
          await client.subAccounts.delete(item.auth_id);
      },
    };
  },
  voximplant(options) {
    const credentials = sandbox().credentials.voximplant?.credentials;
    const client = createVoximplantClient({
      credentials,
      baseUrl: sandbox().urls.voximplant,
      ...options,
    });
    return {
      read: () => client.roles.groups(),
      create: (name) =>
        client.subUsers.add({ new_subuser_name: name, new_subuser_password: 'Str0ng!Pass' }),
      names: async () =>
        (await client.subUsers.list({ count: 100 })).map((item) => item.subuser_name),
      async removeAll() {
        for (const item of await client.subUsers.list({ count: 100 }))
          await client.subUsers.delete({ subuser_id: item.subuser_id });
      },
    };
  },
  twilio(options) {
    const credentials = sandbox().credentials.twilio ?? { accountSid: '', authToken: '' };
    const client = createTwilioClient({
      ...credentials,
      baseUrl: sandbox().urls.twilio,
      ...options,
    });
    // Twilio lists the main account and keeps closed sub-accounts listed: the open ones count.
    const open = async () => {
      const accounts: Account[] = [];
      for await (const account of client.subaccounts.listAll())
        if (account.sid !== credentials.accountSid && account.status !== 'closed')
          accounts.push(account);
      return accounts;
    };
    return {
      read: () => client.subaccounts.list(),
      create: (name) => client.subaccounts.create({ FriendlyName: name }),
      names: async () => (await open()).map((account) => account.friendly_name ?? ''),
      async removeAll() {
        for (const account of await open()) await client.subaccounts.close(account.sid ?? '');
      },
    };
  },
};

const PROVIDERS = Object.keys(TENANTS) as SandboxProvider[];
const exchangesSince = (mark: number, provider: SandboxProvider) =>
  sandbox()
    .exchanges.slice(mark)
    .filter((exchange) => exchange.provider === provider);

describe('a rate limit is honoured', () => {
  it('every provider: creates beyond the limit are answered 429, waited out, and none is duplicated', async () => {
    const mark = sandbox().exchanges.length;
    const names = Array.from({ length: 6 }, (_, index) => `burst_${index}`);
    await Promise.all(
      PROVIDERS.map(async (provider) => {
        sandbox().setFaults(provider, { rateLimitPerSecond: 2 });
        // Twilio's 429 carries no Retry-After: the client's own backoff must outlast the window.
        const tenants = TENANTS[provider]({
          retryDelay: { initialMs: 250, maxMs: 2_000 },
          maxRetries: 8,
        });
        await Promise.all(names.map((name) => tenants.create(name)));
        sandbox().setFaults(provider, undefined);
        expect((await tenants.names()).sort()).toEqual(names);
        const exchanges = exchangesSince(mark, provider);
        expect(
          exchanges.filter((exchange) => exchange.fault === 'rate-limited').length,
        ).toBeGreaterThan(0);
        await tenants.removeAll();
      }),
    );
  });
});

describe.each(PROVIDERS)('%s under faults', (provider) => {
  it('5xx: a read is retried until it succeeds; a create is not retried, reported outcome-unknown, and made nothing', async () => {
    const tenants = TENANTS[provider]({ ...FAST_RETRIES, maxRetries: 2 });
    sandbox().setFaults(provider, { serverErrorRate: 1 });
    await expect(tenants.read()).rejects.toMatchObject({
      constructor: ServerError,
      status: 500,
      attempts: 3,
    });
    await expect(tenants.create('never_made')).rejects.toMatchObject({
      constructor: ServerError,
      attempts: 1,
      outcomeUnknown: true,
    });

    sandbox().setFaults(provider, { serverErrorRate: 0.5 });
    const mark = sandbox().exchanges.length;
    const patient = TENANTS[provider]({ ...FAST_RETRIES, maxRetries: 10 });
    for (let i = 0; i < 6; i++) await patient.read();
    expect(
      exchangesSince(mark, provider).some((exchange) => exchange.fault === 'server-error'),
    ).toBe(true);
    sandbox().setFaults(provider, undefined);
    expect(await tenants.names()).toEqual([]);
  });

  it('processed, then reset: the create is reported outcome-unknown, and the tenant exists once', async () => {
    const tenants = TENANTS[provider](FAST_RETRIES);
    sandbox().setFaults(provider, { resetAfterCreateRate: 1 });
    const unknown = await tenants.create('maybe_made').catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(ConnectionError);
    expect(unknown).toMatchObject({ attempts: 1, outcomeUnknown: true });
    sandbox().setFaults(provider, undefined);
    expect(await tenants.names()).toEqual(['maybe_made']);
    if (provider === 'voximplant') {
      // A blind retry would not make a second one here: the login is taken.
      await expect(tenants.create('maybe_made')).rejects.toMatchObject({
        constructor: ConflictError,
        code: 436,
      });
    }
    await tenants.removeAll();
  });
});

describe('latency', () => {
  it('an answer slower than the timeout: the create times out, outcome unknown, and the work was done', async () => {
    const tenants = TENANTS.vobiz({ timeoutMs: 150, maxRetries: 0 });
    sandbox().setFaults('vobiz', { latencyMs: [600, 800] });
    const mark = sandbox().exchanges.length;
    await expect(tenants.create('slow_one')).rejects.toMatchObject({
      constructor: TimeoutError,
      outcomeUnknown: true,
    });
    // The sandbox records the exchange once its (late) answer is due; wait for that, bounded.
    const deadline = Date.now() + 10_000;
    while (
      !exchangesSince(mark, 'vobiz').some((exchange) => exchange.operationId === 'createSubAccount')
    ) {
      if (Date.now() > deadline) throw new Error('the sandbox never answered the slow create');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    sandbox().setFaults('vobiz', undefined);
    expect(await tenants.names()).toEqual(['slow_one']);
    await tenants.removeAll();
  });
});
