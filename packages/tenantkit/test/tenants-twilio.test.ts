/**
 * Twilio in tenant sync, against the stateful sandbox (Prism checking every request and answer):
 * the sub-account named `<prefix><key>`, active or suspended; closed sub-accounts are gone, not
 * managed; an outcome-unknown create is looked up by name, never made twice; prune closes managed
 * orphans only. And the Synthflow ↔ Twilio link (`synthflow: { twilio: true }`) in dependency
 * order: Twilio first, its SID and token into Synthflow's create, tenant by tenant.
 */
import type { Sandbox } from '@tenantkit/mock';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike, Provider, SubAccount, Tenantkit } from '../src/index.js';
import {
  isEmptyPlan,
  parseTenantsFile,
  type TenantsFile,
  TenantsFileError,
  tenantSync,
} from '../src/tenants/index.js';
import { useSandboxFacade } from './support/sandbox.js';

/** Synthflow's request bodies (the link is in them; Synthflow cannot read it back). */
const synthflowBodies: Array<{ method: string; body: Record<string, unknown> }> = [];
const recordingFetch: FetchLike = async (request, init) => {
  const text = await request.clone().text();
  if (text) synthflowBodies.push({ method: request.method, body: JSON.parse(text) });
  return globalThis.fetch(request, init);
};

const sandboxed = useSandboxFacade({
  facade: ['synthflow', 'twilio'],
  options: { maxRetries: 0, synthflow: { fetch: recordingFetch } },
});
let sandbox: Sandbox;
let tk: Tenantkit;
beforeAll(() => {
  ({ sandbox, tk } = sandboxed);
});

async function records(provider: Provider, prefix: string): Promise<SubAccount[]> {
  const found: SubAccount[] = [];
  for await (const record of tk.subaccounts.list(provider))
    if (record.name.startsWith(prefix)) found.push(record);
  return found;
}

const statusOf = (record: SubAccount) => (record.raw as { status?: string }).status;
const summary = (items: { tenant: string; provider: string; action: string }[]) =>
  items.map((item) => `${item.tenant}/${item.provider}: ${item.action}`).sort();
const twilioWrites = (from: number) =>
  sandbox.exchanges
    .slice(from)
    .filter((exchange) => exchange.provider === 'twilio' && exchange.method === 'POST');

describe('Twilio sub-accounts in the tenants file', () => {
  it('converges from empty (a suspended one is suspended after its create); the second plan is empty; drift is shown and undone', async () => {
    const sync = tenantSync(tk);
    const file: TenantsFile = {
      version: 1,
      prefix: 'tw1-',
      tenants: { acme: { twilio: { enabled: true } }, globex: { twilio: { enabled: false } } },
    };
    const plan = await sync.plan(file);
    expect(summary(plan.items)).toEqual(['acme/twilio: create', 'globex/twilio: create']);
    const result = await sync.apply(plan);
    expect(result).toMatchObject({ converged: true, counts: { created: 2 } });
    const made = await records('twilio', 'tw1-');
    expect(made.map((r) => [r.name, statusOf(r)]).sort()).toEqual([
      ['tw1-acme', 'active'],
      ['tw1-globex', 'suspended'],
    ]);
    expect(isEmptyPlan(await sync.plan(file))).toBe(true);

    const acme = made.find((r) => r.name === 'tw1-acme') as SubAccount;
    await tk.subaccounts.update('twilio', acme.id, { enabled: false });
    const drifted = await sync.plan(file);
    expect(drifted.items.find((item) => item.tenant === 'acme')).toMatchObject({
      action: 'update',
      changes: [{ field: 'enabled', current: false, desired: true }],
    });
    expect((await sync.apply(drifted)).counts.updated).toBe(1);
    expect(isEmptyPlan(await sync.plan(file))).toBe(true);
  });

  it('a closed sub-account is gone, not the tenant: a new one is made, and the plan stays empty after', async () => {
    const sync = tenantSync(tk);
    const file: TenantsFile = { version: 1, prefix: 'tw2-', tenants: { acme: { twilio: {} } } };
    await sync.apply(file);
    const [first] = await records('twilio', 'tw2-');
    await tk.subaccounts.delete('twilio', (first as SubAccount).id);
    // Twilio keeps listing the closed account; reading it as the tenant's would be a record
    // that can never be activated again (21479), and the new one a "conflict" of two names.
    expect(summary((await sync.plan(file)).items)).toEqual(['acme/twilio: create']);
    expect((await sync.apply(file)).counts.created).toBe(1);
    const all = await records('twilio', 'tw2-');
    expect(all.map(statusOf).sort()).toEqual(['active', 'closed']);
    expect(isEmptyPlan(await sync.plan(file))).toBe(true);
  });

  it('creates whose connection is reset after the sub-account was made are adopted, never made twice', async () => {
    sandbox.setFaults('twilio', { resetAfterCreateRate: 1 });
    const sync = tenantSync(tk);
    const file: TenantsFile = {
      version: 1,
      prefix: 'tw3-',
      tenants: { acme: { twilio: {} }, globex: { twilio: { enabled: false } } },
    };
    const from = sandbox.exchanges.length;
    const result = await sync.apply(file);
    expect(result).toMatchObject({ converged: true, counts: { adopted: 2, created: 0 } });
    // One create each (reset after it was made), then the lookup, then the adopted one updated.
    expect(twilioWrites(from).filter((e) => e.path.endsWith('/Accounts.json'))).toHaveLength(2);
    sandbox.setFaults('twilio', undefined);
    const names = (await records('twilio', 'tw3-')).map((r) => `${r.name} ${statusOf(r)}`);
    expect(names.sort()).toEqual(['tw3-acme active', 'tw3-globex suspended']);
    expect(isEmptyPlan(await sync.plan(file))).toBe(true);
  });

  it('prune closes managed orphans only; a record without the prefix is never touched', async () => {
    const sync = tenantSync(tk);
    await tk.subaccounts.create('twilio', { name: 'not-managed-tw4' });
    await sync.apply({
      version: 1,
      prefix: 'tw4-',
      tenants: { acme: { twilio: {} }, gone: { twilio: {} } },
    });
    const file: TenantsFile = { version: 1, prefix: 'tw4-', tenants: { acme: { twilio: {} } } };
    const kept = await sync.apply(file);
    expect(kept.counts).toMatchObject({ kept: 1, deleted: 0 });
    const pruned = await sync.apply(file, { prune: true });
    expect(pruned.counts).toMatchObject({ deleted: 1 });
    const byName = Object.fromEntries(
      (await records('twilio', '')).map((r) => [r.name, statusOf(r)]),
    );
    expect(byName).toMatchObject({
      'tw4-acme': 'active',
      'tw4-gone': 'closed',
      'not-managed-tw4': 'active',
    });
    expect(isEmptyPlan(await sync.plan(file), { prune: true })).toBe(true);
  });
});

describe('the Synthflow ↔ Twilio link', () => {
  it('Twilio is made first; Synthflow is created with that sub-account SID and token', async () => {
    const sync = tenantSync(tk);
    const file: TenantsFile = {
      version: 1,
      prefix: 'tw5-',
      tenants: {
        acme: { twilio: {}, synthflow: { twilio: true } },
        globex: { twilio: {}, synthflow: { twilio: true } },
        initech: { synthflow: {} },
      },
    };
    synthflowBodies.length = 0;
    const from = sandbox.exchanges.length;
    const result = await sync.apply(file);
    expect(result).toMatchObject({ converged: true, counts: { created: 5 } });
    const twilio = await records('twilio', 'tw5-');
    // Once Synthflow has the link, the Twilio name records it (Synthflow cannot read it back).
    expect(twilio.map((r) => r.name).sort()).toEqual([
      'tw5-acme [synthflow]',
      'tw5-globex [synthflow]',
    ]);
    const sidOf = (name: string) => twilio.find((r) => r.name === `${name} [synthflow]`)?.id;
    const creates = synthflowBodies.filter((b) => b.method === 'POST').map((b) => b.body);
    const byName = Object.fromEntries(creates.map((body) => [body.subaccount_name, body]));
    expect(byName['tw5-acme']).toMatchObject({ twilio_account_sid: sidOf('tw5-acme') });
    expect(byName['tw5-globex']).toMatchObject({ twilio_account_sid: sidOf('tw5-globex') });
    expect(typeof byName['tw5-acme']?.twilio_auth_token).toBe('string');
    expect(byName['tw5-initech']).not.toHaveProperty('twilio_account_sid');
    // Dependency order, tenant by tenant: each linked Synthflow create after its Twilio create.
    const order = sandbox.exchanges
      .slice(from)
      .filter((e) => e.method === 'POST')
      .map((e) => e.provider);
    expect(order.indexOf('twilio')).toBeLessThan(order.indexOf('synthflow'));
    expect(isEmptyPlan(await sync.plan(file))).toBe(true);
  });

  it('a Synthflow sub-account made before its Twilio one is linked when the Twilio one is made', async () => {
    const sync = tenantSync(tk);
    await sync.apply({ version: 1, prefix: 'tw6-', tenants: { acme: { synthflow: {} } } });
    const file: TenantsFile = {
      version: 1,
      prefix: 'tw6-',
      tenants: { acme: { synthflow: { twilio: true }, twilio: {} } },
    };
    const plan = await sync.plan(file);
    expect(plan.items.find((item) => item.provider === 'synthflow')).toMatchObject({
      action: 'update',
      changes: [{ field: 'twilio', current: null, desired: 'tw6-acme' }],
    });
    synthflowBodies.length = 0;
    expect(await sync.apply(plan)).toMatchObject({ converged: true });
    const [twilio] = await records('twilio', 'tw6-');
    const update = synthflowBodies.find((b) => b.method === 'PUT');
    expect(update?.body).toMatchObject({ twilio_account_sid: twilio?.id });
    expect(isEmptyPlan(await sync.plan(file))).toBe(true);
  });

  it('when the Twilio sub-account fails, its Synthflow one fails too and nothing is sent for it', async () => {
    // Two Twilio records with a managed name: a conflict, never a guess — so it fails.
    for (const name of ['tw7-acme', 'tw7-acme', 'tw7-hooli', 'tw7-hooli'])
      await tk.subaccounts.create('twilio', { name });
    // Hooli's Synthflow sub-account exists: it sends nothing, so it waits for nothing.
    await tk.subaccounts.create('synthflow', { name: 'tw7-hooli' });
    const sync = tenantSync(tk);
    const file: TenantsFile = {
      version: 1,
      prefix: 'tw7-',
      tenants: {
        acme: { twilio: {}, synthflow: { twilio: true } },
        globex: { synthflow: {} },
        hooli: { twilio: {}, synthflow: { twilio: true } },
      },
    };
    synthflowBodies.length = 0;
    const result = await sync.apply(file);
    expect(result.converged).toBe(false);
    const acme = result.items.find((i) => i.tenant === 'acme' && i.provider === 'synthflow');
    expect(acme).toMatchObject({ outcome: 'failed' });
    expect(acme?.message).toMatch(
      /waits for tenant acme's twilio sub-account, which failed \(2 records/,
    );
    expect(result.items.find((i) => i.tenant === 'globex')).toMatchObject({ outcome: 'created' });
    expect(
      result.items.find((i) => i.tenant === 'hooli' && i.provider === 'synthflow'),
    ).toMatchObject({ outcome: 'unchanged' });
    expect(synthflowBodies.map((b) => b.body.subaccount_name)).toEqual(['tw7-globex']);
  });

  it('a link to a provider the tenant does not declare is a file error with its line and column', () => {
    const text = [
      'version: 1',
      'prefix: tw8-',
      'tenants:',
      '  acme:',
      '    synthflow:',
      '      twilio: true',
      '',
    ].join('\n');
    const error = (() => {
      try {
        parseTenantsFile(text, { source: 'tenants.yaml' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(TenantsFileError);
    expect((error as TenantsFileError).issues).toEqual([
      expect.objectContaining({
        tenant: 'acme',
        provider: 'synthflow',
        field: 'tenants.acme.synthflow.twilio',
        rule: 'linked-record',
        line: 6,
        column: 7,
      }),
    ]);
  });
});
