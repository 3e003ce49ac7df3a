/**
 * The facade and the CLI against the stateful sandbox: what one call creates, the next one sees.
 * Prism validates every request and answer; any violation fails the test.
 */
import { CoolOffError, NotFoundError, type Secret } from '@tenantkit/core';
import type { Sandbox } from '@tenantkit/mock';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Provider, SubAccount, Tenantkit } from '../src/index.js';
import { useSandboxFacade } from './support/sandbox.js';

const sandboxed = useSandboxFacade();
let sandbox: Sandbox;
let tk: Tenantkit;
beforeAll(() => {
  ({ sandbox, tk } = sandboxed);
});

/** Per provider: a create, an update, and what the update must show afterwards. */
const STORY = {
  synthflow: {
    create: {
      name: 'Acme Dental',
      email: 'owner@acme.example',
      limits: { maxMinutes: 1000, concurrency: 5 },
      permissions: { grant: ['logs'], revoke: ['widget'] },
    },
    update: { name: 'Acme Dental Group', limits: { maxMinutes: null } },
    changed: { name: 'Acme Dental Group', limits: { maxMinutes: null } },
    credentials: ['apiKey', 'signInLink'],
  },
  vobiz: {
    create: {
      name: 'Acme Dental',
      email: 'owner@acme.example',
      limits: { rateLimit: 100 },
      permissions: { calls: true, cdr: true },
    },
    update: { enabled: false, description: 'Paused by billing' },
    changed: { name: 'Acme Dental', enabled: false, description: 'Paused by billing' },
    credentials: ['authId', 'authToken'],
  },
  voximplant: {
    create: { name: 'acme_dental', password: 'Str0ng!Pass', roles: { grant: ['Support'] } },
    update: {
      description: 'Front desk and billing',
      roles: { grant: ['Accountant'], revoke: ['Support'] },
    },
    changed: {
      description: 'Front desk and billing',
      roles: [{ role_id: 7, role_name: 'Accountant', gui_only: true }],
    },
    credentials: [],
  },
} as const;

const ids = async (provider: Provider) => {
  const found: string[] = [];
  for await (const account of tk.subaccounts.list(provider)) found.push(account.id);
  return found;
};

// Twilio's story differs (delete closes, and a closed sub-account stays readable): twilio.test.ts.
describe.each(Object.keys(STORY) as Array<keyof typeof STORY>)(
  '%s through the facade: one true story',
  (provider) => {
    it('create → get the same record → list it → update and see the change → delete and see it gone', async () => {
      const story = STORY[provider];
      const created = await tk.subaccounts.create(provider, story.create as never);
      expect(Object.keys(created.credentials).sort()).toEqual([...story.credentials].sort());
      for (const secret of Object.values(created.credentials) as Secret[])
        expect(secret.reveal()).not.toBe('');

      const got: SubAccount = await tk.subaccounts.get(provider, created.id);
      expect(got).toMatchObject({ provider, id: created.id, name: story.create.name });
      expect(await ids(provider)).toContain(created.id);

      const updated = await tk.subaccounts.update(provider, created.id, story.update as never);
      expect(updated).toMatchObject({ id: created.id, ...story.changed });
      expect(await tk.subaccounts.get(provider, created.id)).toMatchObject(story.changed);

      await tk.subaccounts.delete(provider, created.id);
      await expect(tk.subaccounts.get(provider, created.id)).rejects.toBeInstanceOf(NotFoundError);
      expect(await ids(provider)).not.toContain(created.id);
    });
  },
);

describe('facade paging against the sandbox', () => {
  it.each(['vobiz', 'voximplant'] as const)(
    '%s: every page, in the provider’s order, with pageSize 10',
    async (provider) => {
      const made: string[] = [];
      for (let index = 0; index < 23; index++) {
        const input =
          provider === 'vobiz'
            ? { name: `Paged ${index}` }
            : { name: `paged_${index}`, password: 'Str0ng!Pass' };
        made.push((await tk.subaccounts.create(provider, input as never)).id);
      }
      const mark = sandbox.exchanges.length;
      const listed: string[] = [];
      for await (const account of tk.subaccounts.list(provider, { pageSize: 10 }))
        listed.push(account.id);
      // Vobiz lists newest first; Voximplant by id.
      expect(listed).toEqual(provider === 'vobiz' ? [...made].reverse() : made);
      expect(sandbox.exchanges.slice(mark)).toHaveLength(3);
      for (const id of made) await tk.subaccounts.delete(provider, id);
    },
  );
});

describe('facade numbers against the sandbox', () => {
  const numbersOf = async (subAccountId?: string) => {
    const found: string[] = [];
    for await (const entry of tk.numbers.list('vobiz', subAccountId ? { subAccountId } : {}))
      found.push(entry.number);
    return found;
  };

  it('a number moves to a sub-account, is listed there, comes back; the cool-off is a CoolOffError', async () => {
    const { id } = await tk.subaccounts.create('vobiz', { name: 'Numbers' });
    const [recent, quiet] = await numbersOf();
    expect(await tk.numbers.assign('vobiz', quiet ?? '', id)).toMatchObject({
      subAccountId: id,
      assigned: true,
    });
    expect(await numbersOf(id)).toEqual([quiet]);
    expect(await tk.numbers.unassign('vobiz', quiet ?? '')).toMatchObject({ assigned: false });
    expect(await numbersOf(id)).toEqual([]);

    await tk.numbers.assign('vobiz', recent ?? '', id); // it carried a call three days ago
    await expect(tk.numbers.unassign('vobiz', recent ?? '')).rejects.toBeInstanceOf(CoolOffError);
    await tk.subaccounts.delete('vobiz', id); // its numbers go back to the parent
    expect(await numbersOf(id)).toEqual([]);
  });
});

describe('the CLI against the sandbox (credentials from the environment it prints)', () => {
  const tenantkit = sandboxed.cli;

  it.each(['synthflow', 'vobiz', 'voximplant'] as const)(
    '%s: a create is visible to the next command, a delete too',
    async (provider) => {
      const fields =
        provider === 'voximplant'
          ? ['--name', 'cli_tenant', '--password', 'Str0ng!Pass']
          : ['--name', 'CLI tenant'];
      const created = await tenantkit(['--json', 'create', provider, ...fields]);
      expect(created.code).toBe(0);
      const { id } = JSON.parse(created.stdout) as { id: string };

      const got = await tenantkit(['--json', 'get', provider, id]);
      expect(got.code).toBe(0);
      expect(JSON.parse(got.stdout)).toMatchObject({
        id,
        name: provider === 'voximplant' ? 'cli_tenant' : 'CLI tenant',
      });

      expect((await tenantkit(['delete', provider, id])).code).toBe(0);
      const gone = await tenantkit(['get', provider, id]);
      expect(gone.code).toBe(1);
      expect(gone.stderr).toMatch(/404|not found|no sub-account/i);
    },
  );
});
