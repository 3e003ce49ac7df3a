/** Every facade operation × provider against Prism serving specs/: any Prism validation error fails. */
import { type Secret, ValidationError } from '@tenantkit/core';
import { createContractFetch, throwawayVoximplantKey } from '@tenantkit/mock';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createTenantkit, type Provider, type SubAccount } from '../src/index.js';

const urls = inject('mockUrls');
const prism = createContractFetch();
let requestsSent = 0;
const tk = createTenantkit({
  fetch: (input, init) => {
    requestsSent++;
    return prism.fetch(input, init);
  },
  maxRetries: 0,
  synthflow: { apiKey: 'contract-test-key', baseUrl: urls.synthflow! },
  vobiz: { authId: 'MA_XXXXXXXX', authToken: 'contract-test-token', baseUrl: urls.vobiz! },
  voximplant: {
    credentials: throwawayVoximplantKey({ shared: true }).credentials,
    baseUrl: urls.voximplant!,
  },
  // Not the spec examples' account: Twilio lists the main account too, and the facade leaves it out.
  twilio: {
    accountSid: 'AC0123456789abcdef0123456789abcdef',
    authToken: 'contract-test-token',
    baseUrl: urls.twilio!,
  },
});

afterEach(() => {
  expect(prism.violations).toEqual([]);
});

/** Every string value in a JSON value. */
const leaves = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : typeof value === 'object' && value !== null
      ? Object.values(value).flatMap(leaves)
      : [];

const IDS: Record<Provider, string> = {
  synthflow: '1726005822670x239735712159542050',
  vobiz: 'SA_XXXXXXXX',
  voximplant: '109',
  twilio: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
};

const CREATE = {
  synthflow: {
    name: 'Acme Dental',
    email: 'owner@acme.example',
    limits: { concurrency: 5, maxAgents: 3, maxMinutes: 1000, maxWorkflowRuns: null },
    permissions: { grant: ['inbound', 'logs'], revoke: ['widget'] },
  },
  vobiz: {
    name: 'Acme Dental',
    email: 'owner@acme.example',
    description: 'Dental clinic tenant',
    enabled: true,
    limits: { rateLimit: 100 },
    permissions: { calls: true, cdr: true },
  },
  voximplant: {
    name: 'acme_dental',
    password: 'Str0ng!Pass',
    description: 'Dental clinic tenant',
    roles: { grant: ['Support'] },
  },
  twilio: { name: 'Acme Dental' },
} as const;

const UPDATE = {
  synthflow: {
    name: 'Acme Dental II',
    limits: { maxMinutes: null },
    permissions: { grant: ['chat'] },
  },
  vobiz: { description: 'Renamed', enabled: false, limits: { rateLimit: 10 } },
  voximplant: {
    description: 'Front desk',
    password: 'N3w!Passw0rd',
    currentPassword: 'Str0ng!Pass',
    roles: { grant: [3], revoke: ['Accountant'] },
  },
  twilio: { name: 'Acme Dental II', enabled: false },
} as const;

/** An input field each provider cannot honour, for the capability error. */
const UNSUPPORTED = {
  synthflow: { name: 'x', enabled: false },
  vobiz: { name: 'x', roles: { grant: ['Support'] } },
  voximplant: { name: 'agent_one', password: 'Str0ng!Pass', limits: { maxMinutes: 1 } },
  twilio: { name: 'x', email: 'owner@acme.example' },
} as const;

const CREDENTIALS: Record<Provider, string[]> = {
  synthflow: ['apiKey'],
  vobiz: ['authId', 'authToken'],
  voximplant: [],
  twilio: ['authToken'],
};

describe.each(['synthflow', 'vobiz', 'voximplant', 'twilio'] as const)(
  '%s through the facade (Prism)',
  (provider) => {
    it('create answers the id and the one-time credentials, redacted when printed', async () => {
      const created = await tk.subaccounts.create(provider, CREATE[provider] as never);
      expect(created.provider).toBe(provider);
      expect(created.id).not.toBe('');
      expect(Object.keys(created.credentials)).toEqual(
        expect.arrayContaining(CREDENTIALS[provider]),
      );
      const printed = JSON.parse(JSON.stringify(created)) as {
        credentials: Record<string, string>;
      };
      expect(Object.values(printed.credentials).every((value) => value === '[REDACTED]')).toBe(
        true,
      );
      // authId is also the sub-account's id, shown openly; the other values are secret.
      const secrets = Object.entries(created.credentials as Record<string, Secret>).filter(
        ([key]) => key !== 'authId',
      );
      // No printed value holds a secret (Twilio's spec example token is the word "auth_token",
      // also a field name, so values are searched rather than the whole text).
      const printedValues = leaves(JSON.parse(JSON.stringify(created)));
      for (const [, secret] of secrets)
        expect(printedValues.filter((value) => value.includes(secret.reveal()))).toEqual([]);
    });

    it('get answers the unified sub-account', async () => {
      const account: SubAccount = await tk.subaccounts.get(provider, IDS[provider]);
      expect(account).toMatchObject({ provider, id: expect.any(String), name: expect.any(String) });
    });

    it('list walks every page', async () => {
      const accounts: SubAccount[] = [];
      for await (const account of tk.subaccounts.list(provider)) accounts.push(account);
      expect(accounts.length).toBeGreaterThan(0);
      expect(accounts.every((account) => account.provider === provider)).toBe(true);
    });

    it('update answers the sub-account afterwards', async () => {
      const account = await tk.subaccounts.update(
        provider,
        IDS[provider],
        UPDATE[provider] as never,
      );
      expect(account.provider).toBe(provider);
    });

    it('delete answers the unified result', async () => {
      await expect(tk.subaccounts.delete(provider, IDS[provider])).resolves.toMatchObject({
        provider,
        id: IDS[provider],
        deleted: true,
      });
    });

    it('a field the provider cannot honour is refused before anything is sent', async () => {
      const sent = requestsSent;
      const error = await tk.subaccounts
        .create(provider, UNSUPPORTED[provider] as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ provider, rule: 'unsupported-field' });
      expect(requestsSent).toBe(sent);
    });
  },
);

describe('tk.numbers against Prism (Vobiz)', () => {
  it('assign, unassign and the per-sub-account list are accepted by the spec', async () => {
    await expect(tk.numbers.assign('vobiz', '+919876543210', IDS.vobiz)).resolves.toMatchObject({
      assigned: true,
      subAccountId: IDS.vobiz,
    });
    await expect(tk.numbers.unassign('vobiz', '+919876543210', { force: true })).resolves.toEqual({
      provider: 'vobiz',
      number: '+919876543210',
      assigned: false,
    });
    const held = [];
    for await (const entry of tk.numbers.list('vobiz', { subAccountId: IDS.vobiz }))
      held.push(entry);
    expect(held.map((entry) => entry.number)).toEqual(['+912271263984']);
  });

  it('the cool-off answer of the spec becomes a CoolOffError through the facade', async () => {
    const error = await tk.numbers
      .unassign('vobiz', '+919876543210', { headers: { Prefer: 'code=409' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CoolOffError', retryAfterMs: 1_209_600_000 });
  });
});
