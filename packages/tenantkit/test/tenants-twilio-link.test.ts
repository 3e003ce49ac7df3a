/**
 * The Synthflow → Twilio link is remembered, against the stateful sandbox. Synthflow cannot read
 * the link back, so once it was sent the Twilio sub-account is renamed `<prefix><key> [synthflow]`;
 * until then every plan shows the link still to send. Regression tests for the adversarial pass
 * of issue 14 (`/work/wt/adv/a4.mts`): a link whose Synthflow update failed once, or whose apply
 * was aborted between the two items, was never sent again (the next plan was empty), and a link
 * declared for two records that already existed was never sent at all.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox, SandboxExchange, SandboxProvider } from '@tenantkit/mock';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike, SubAccount, Tenantkit } from '../src/index.js';
import {
  checkTenantsFile,
  isEmptyPlan,
  type TenantPlan,
  type TenantsFile,
  TenantsFileError,
  tenantKeyOf,
  tenantSync,
} from '../src/tenants/index.js';
import { useSandboxFacade } from './support/sandbox.js';

/** Synthflow's writes (the link is in their bodies; Synthflow cannot read it back). */
const synthflowWrites: Array<{ method: string; body: Record<string, unknown> }> = [];
const recordingFetch: FetchLike = async (request, init) => {
  const text = await request.clone().text();
  if (text) synthflowWrites.push({ method: request.method, body: JSON.parse(text) });
  return globalThis.fetch(request, init);
};

/**
 * One real 500 from the sandbox: once a request matching `after` was served, the next request to
 * `provider` is answered 500 without being processed (the sandbox's own fault), then faults end.
 */
let failNext: { after(exchange: SandboxExchange): boolean; provider: SandboxProvider } | undefined;
let armed = false;
const sandboxed = useSandboxFacade({
  facade: ['synthflow', 'twilio'],
  options: { maxRetries: 0, synthflow: { fetch: recordingFetch } },
  onExchange(exchange) {
    if (!failNext) return;
    if (armed && exchange.provider === failNext.provider && exchange.fault === 'server-error') {
      sandbox.setFaults(failNext.provider, undefined);
      failNext = undefined;
      armed = false;
    } else if (!armed && failNext.after(exchange)) {
      sandbox.setFaults(failNext.provider, { serverErrorRate: 1 });
      armed = true;
    }
  },
});
let sandbox: Sandbox;
let tk: Tenantkit;
beforeAll(() => {
  ({ sandbox, tk } = sandboxed);
});

async function twilioRecords(prefix: string): Promise<SubAccount[]> {
  const found: SubAccount[] = [];
  for await (const record of tk.subaccounts.list('twilio'))
    if (record.name.startsWith(prefix) && (record.raw as { status?: string }).status !== 'closed')
      found.push(record);
  return found;
}

const linked = (prefix: string): TenantsFile => ({
  version: 1,
  prefix,
  tenants: { acme: { twilio: {}, synthflow: { twilio: true } } },
});
const synthflowItem = (plan: TenantPlan) => plan.items.find((i) => i.provider === 'synthflow');
const twilioItem = (plan: TenantPlan) => plan.items.find((i) => i.provider === 'twilio');
const linkChange = (prefix: string) => ({
  action: 'update',
  changes: [{ field: 'twilio', current: null, desired: `${prefix}acme` }],
});

/** Sends the link that is still due and checks it went to Synthflow with the live SID. */
async function sendsTheLinkThenConverges(file: TenantsFile): Promise<void> {
  const sync = tenantSync(tk);
  const plan = await sync.plan(file);
  expect(synthflowItem(plan)).toMatchObject(linkChange(file.prefix));
  synthflowWrites.length = 0;
  expect(await sync.apply(plan)).toMatchObject({ converged: true });
  const [twilio] = await twilioRecords(file.prefix);
  expect(synthflowWrites).toEqual([
    { method: 'PUT', body: expect.objectContaining({ twilio_account_sid: twilio?.id }) },
  ]);
  expect(twilio?.name).toBe(`${file.prefix}acme [synthflow]`);
  expect(isEmptyPlan(await sync.plan(file))).toBe(true);
}

describe('a link not yet sent stays in the plan until Synthflow has it', () => {
  it('the Synthflow update that re-links a re-made Twilio sub-account fails once: the next plan still sends the link', async () => {
    const sync = tenantSync(tk);
    const file = linked('ln1-');
    await sync.apply(file);
    const [first] = await twilioRecords('ln1-');
    // Closed out of band: apply makes a new Twilio sub-account and must re-send the link.
    await tk.subaccounts.delete('twilio', (first as SubAccount).id);
    failNext = {
      provider: 'synthflow',
      after: (e) => e.provider === 'synthflow' && e.method === 'GET' && e.path !== '/subaccounts',
    };
    const result = await sync.apply(file);
    expect(result.converged).toBe(false);
    expect(result.items.find((i) => i.provider === 'synthflow')).toMatchObject({
      outcome: 'failed',
    });
    // The defect: this plan was empty, and Synthflow kept the closed sub-account's credentials.
    expect(synthflowItem(await sync.plan(file))).toMatchObject(linkChange('ln1-'));
    // The new Twilio sub-account is not marked: Synthflow never accepted its credentials.
    expect((await twilioRecords('ln1-')).map((r) => r.name)).toEqual(['ln1-acme']);
    expect(first?.name).toBe('ln1-acme [synthflow]');
    await sendsTheLinkThenConverges(file);
  });

  it('an apply aborted after the Twilio create and before the link: the next plan sends it', async () => {
    const sync = tenantSync(tk);
    const file = linked('ln2-');
    await sync.apply({ version: 1, prefix: 'ln2-', tenants: { acme: { synthflow: {} } } });
    const abort = new AbortController();
    synthflowWrites.length = 0;
    const result = await sync.apply(file, {
      signal: abort.signal,
      onProgress: (event) => {
        if (event.type === 'item' && event.provider === 'twilio') abort.abort();
      },
    });
    expect(result.converged).toBe(false);
    expect(synthflowWrites).toEqual([]);
    expect((await twilioRecords('ln2-')).map((r) => r.name)).toEqual(['ln2-acme']);
    await sendsTheLinkThenConverges(file);
  });

  it('`twilio: true` added to records that both exist already: the plan shows the link and apply sends it', async () => {
    const sync = tenantSync(tk);
    const unlinked: TenantsFile = {
      version: 1,
      prefix: 'ln3-',
      tenants: { acme: { twilio: {}, synthflow: {} } },
    };
    await sync.apply(unlinked);
    expect(isEmptyPlan(await sync.plan(unlinked))).toBe(true);
    await sendsTheLinkThenConverges(linked('ln3-'));
  });

  it('recording the link in the Twilio name fails: the item fails, and the next apply sends the link again', async () => {
    const sync = tenantSync(tk);
    await sync.apply({ version: 1, prefix: 'ln4-', tenants: { acme: { synthflow: {} } } });
    failNext = {
      provider: 'twilio',
      after: (e) => e.provider === 'synthflow' && e.method === 'PUT' && e.status < 300,
    };
    const result = await sync.apply(linked('ln4-'));
    expect(result.converged).toBe(false);
    const item = result.items.find((i) => i.provider === 'synthflow');
    expect(item).toMatchObject({ outcome: 'failed' });
    expect(item?.message).toMatch(
      /the twilio link was sent, but renaming twilio AC\w+ to "ln4-acme \[synthflow\]" to record it failed \(.*500.*\); the next apply sends the link again/,
    );
    await sendsTheLinkThenConverges(linked('ln4-'));
  });
});

describe('the link mark', () => {
  it('a link the file no longer declares: the Twilio sub-account gets its plain name back, and a link declared again is sent again', async () => {
    const sync = tenantSync(tk);
    await sync.apply(linked('ln5-'));
    const unlinked: TenantsFile = {
      version: 1,
      prefix: 'ln5-',
      tenants: { acme: { twilio: {}, synthflow: {} } },
    };
    const plan = await sync.plan(unlinked);
    expect(twilioItem(plan)).toMatchObject({
      action: 'update',
      linkSent: true,
      changes: [{ field: 'name', current: 'ln5-acme [synthflow]', desired: 'ln5-acme' }],
    });
    expect(synthflowItem(plan)).toMatchObject({ action: 'unchanged' });
    expect(await sync.apply(plan)).toMatchObject({ converged: true, counts: { updated: 1 } });
    expect((await twilioRecords('ln5-')).map((r) => r.name)).toEqual(['ln5-acme']);
    expect(isEmptyPlan(await sync.plan(unlinked))).toBe(true);
    await sendsTheLinkThenConverges(linked('ln5-'));
  });

  it('a Synthflow sub-account deleted out of band is created again with the link; the marked Twilio one is not renamed', async () => {
    const sync = tenantSync(tk);
    const file = linked('ln7-');
    await sync.apply(file);
    const [twilio] = await twilioRecords('ln7-');
    for await (const record of tk.subaccounts.list('synthflow'))
      if (record.name === 'ln7-acme') await tk.subaccounts.delete('synthflow', record.id);
    const plan = await sync.plan(file);
    expect(twilioItem(plan)).toMatchObject({ action: 'unchanged', linkSent: true });
    expect(synthflowItem(plan)).toMatchObject({ action: 'create' });
    synthflowWrites.length = 0;
    const from = sandbox.exchanges.length;
    expect(await sync.apply(plan)).toMatchObject({ converged: true, counts: { created: 1 } });
    expect(synthflowWrites).toEqual([
      { method: 'POST', body: expect.objectContaining({ twilio_account_sid: twilio?.id }) },
    ]);
    const twilioWrites = sandbox.exchanges
      .slice(from)
      .filter((e) => e.provider === 'twilio' && e.method === 'POST');
    expect(twilioWrites).toEqual([]);
    expect((await twilioRecords('ln7-')).map((r) => r.name)).toEqual(['ln7-acme [synthflow]']);
    expect(isEmptyPlan(await sync.plan(file))).toBe(true);
  });

  it('a plain and a marked Twilio sub-account for one tenant: a conflict; neither is touched, nothing is sent to Synthflow', async () => {
    const sync = tenantSync(tk);
    await sync.apply(linked('ln6-'));
    await tk.subaccounts.create('twilio', { name: 'ln6-acme' });
    const plan = await sync.plan(linked('ln6-'));
    expect(twilioItem(plan)).toMatchObject({ action: 'conflict' });
    expect(twilioItem(plan)?.ids).toHaveLength(2);
    synthflowWrites.length = 0;
    const result = await sync.apply(plan);
    expect(result.converged).toBe(false);
    expect(result.items.map((i) => `${i.provider} ${i.outcome}`).sort()).toEqual([
      'synthflow unchanged',
      'twilio failed',
    ]);
    expect(synthflowWrites).toEqual([]);
    expect((await twilioRecords('ln6-')).map((r) => r.name).sort()).toEqual([
      'ln6-acme',
      'ln6-acme [synthflow]',
    ]);
  });

  it('the mark belongs to Twilio records of a Synthflow link only; the marked name must fit 64 characters', () => {
    expect(tenantKeyOf('twilio', 'tk-', 'tk-acme [synthflow]')).toBe('acme');
    expect(tenantKeyOf('twilio', 'tk-', 'tk-acme [vobiz]')).toBe('acme [vobiz]');
    expect(tenantKeyOf('vobiz', 'tk-', 'tk-acme [synthflow]')).toBe('acme [synthflow]');
    expect(tenantKeyOf('twilio', 'tk-', 'tk- [synthflow]')).toBeUndefined();
    // 3 + 55 = 58 characters fit Twilio's 64; with " [synthflow]" (12 more) they do not.
    const key = 'k'.repeat(55);
    const file = (synthflow: { twilio?: boolean }): TenantsFile => ({
      version: 1,
      prefix: 'tk-',
      tenants: { [key]: { twilio: {}, synthflow } },
    });
    const problems = (candidate: TenantsFile) => {
      try {
        checkTenantsFile(candidate);
        return [];
      } catch (error) {
        if (!(error instanceof TenantsFileError)) throw error;
        return error.issues;
      }
    };
    expect(problems(file({}))).toEqual([]);
    const issues = problems(file({ twilio: true }));
    expect(issues).toEqual([
      expect.objectContaining({ tenant: key, provider: 'twilio', rule: 'provider-name' }),
    ]);
    expect(issues[0]?.message).toMatch(
      /"tk-k+ \[synthflow\]" \(70 characters\), which takes 1 to 64 \(its name once the synthflow link is sent\)/,
    );
  });
});

describe('from the CLI', () => {
  it('`tenants plan` shows a link declared later, `apply` sends it, the next plan is empty; no token printed', async () => {
    const file = join(sandboxed.dir, 'ln9.yaml');
    const write = (synthflow: string) =>
      writeFileSync(
        file,
        `version: 1\nprefix: ln9-\ntenants:\n  acme:\n    twilio: {}\n    synthflow: ${synthflow}\n`,
      );
    write('{}');
    const secrets = join(sandboxed.dir, 'ln9-secrets.jsonl');
    expect(
      (await sandboxed.cli(['tenants', 'apply', '-f', file, '--secrets-out', secrets])).code,
    ).toBe(0);
    write('{ twilio: true }');
    const plan = await sandboxed.cli(['tenants', 'plan', '-f', file]);
    expect(plan.stdout).toContain('~ acme  synthflow  twilio: null → "ln9-acme"');
    expect(plan.stdout).toContain('Plan: 0 to create, 1 to update');
    const applied = await sandboxed.cli(['tenants', 'apply', '-f', file]);
    expect(applied.code).toBe(0);
    const [twilio] = await twilioRecords('ln9-');
    expect(twilio?.name).toBe('ln9-acme [synthflow]');
    const token = (await tk.twilio.subaccounts.get(twilio?.id as string)).auth_token as string;
    expect(token.length).toBeGreaterThan(0);
    for (const output of [plan.stdout, plan.stderr, applied.stdout, applied.stderr])
      expect(output).not.toContain(token);
    const again = await sandboxed.cli(['tenants', 'plan', '-f', file]);
    expect(again.stdout).toContain(
      'Plan: 0 to create, 0 to update, 0 to keep (orphans), 2 unchanged.',
    );
  });
});
