/**
 * The Synthflow → Twilio link under attack, against the stateful sandbox (adversarial pass a14c
 * of issue 14, scripts in the closing note). Each test failed on the code before its fix.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike, SubAccount, Tenantkit } from '../src/index.js';
import {
  isEmptyPlan,
  StalePlanError,
  type TenantsFile,
  TenantsFileError,
  tenantSync,
} from '../src/tenants/index.js';
import { useSandboxFacade } from './support/sandbox.js';

/** Holds Twilio's create of one FriendlyName until released (a slow provider, by name). */
let hold: { name: string; reached(): void; released: Promise<void> } | undefined;
/** The next Twilio write whose body matches is processed, then its connection is reset. */
let resetAfter: ((body: string) => boolean) | undefined;
/** Every write the facade sent (method, provider host order kept), to prove nothing was sent. */
const writes: string[] = [];
const holdingFetch: FetchLike = async (request, init) => {
  const body = request.method === 'GET' ? '' : await request.clone().text();
  if (request.method !== 'GET') writes.push(`twilio ${request.method} ${body}`);
  if (hold && new URLSearchParams(body).get('FriendlyName') === hold.name) {
    const { reached, released } = hold;
    hold = undefined;
    reached();
    await released;
  }
  const answer = await globalThis.fetch(request, init);
  if (resetAfter?.(body)) {
    resetAfter = undefined;
    // Processed, then the connection drops: the caller cannot tell.
    throw new TypeError('fetch failed', {
      cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    });
  }
  return answer;
};
const recordingFetch: FetchLike = async (request, init) => {
  if (request.method !== 'GET') writes.push(`synthflow ${request.method}`);
  return globalThis.fetch(request, init);
};

const sandboxed = useSandboxFacade({
  facade: ['synthflow', 'twilio'],
  options: { synthflow: { fetch: recordingFetch }, twilio: { fetch: holdingFetch } },
});
let tk: Tenantkit;
beforeAll(() => {
  ({ tk } = sandboxed);
});

describe('a gentle stop while a linked item waits', () => {
  it('the Synthflow item waits for a Twilio item that never starts: apply ends, nothing sent for it, the next apply converges', async () => {
    const sync = tenantSync(tk);
    // One Twilio create at a time: tenant b's waits behind a's, which is held; Synthflow's item
    // for b has started and waits for b's Twilio sub-account when the stop comes.
    const file: TenantsFile = {
      version: 1,
      prefix: 'st1-',
      tenants: { a: { twilio: {} }, b: { twilio: {}, synthflow: { twilio: true } } },
    };
    let release = () => {};
    const reachedHold = new Promise<void>((reached) => {
      hold = {
        name: 'st1-a',
        reached,
        released: new Promise<void>((resolve) => {
          release = resolve;
        }),
      };
    });
    const stop = new AbortController();
    writes.length = 0;
    const applying = sync.apply(file, { concurrency: 1, stop: stop.signal, onSecret: () => {} });
    await reachedHold;
    stop.abort();
    release();
    // The defect: this never settled (the Synthflow item waited for ever), so the CLI's first
    // Ctrl-C hung instead of printing the summary.
    const result = await applying;
    expect(result.converged).toBe(false);
    expect(result.items.find((i) => i.tenant === 'a' && i.provider === 'twilio')).toMatchObject({
      outcome: 'created',
    });
    expect(result.items.find((i) => i.tenant === 'b' && i.provider === 'synthflow')).toMatchObject({
      outcome: 'failed',
      message: expect.stringContaining('nothing was sent'),
    });
    expect(writes.filter((w) => w.startsWith('synthflow'))).toEqual([]);
    expect(writes.filter((w) => w.includes('st1-b'))).toEqual([]);
    expect(await sync.apply(file, { onSecret: () => {} })).toMatchObject({ converged: true });
    expect(isEmptyPlan(await sync.plan(file))).toBe(true);
  });
});

describe('the link named twice', () => {
  it('`twilio: true` beside `extra.twilio_account_sid` is a file error: nothing sent, no Twilio sub-account made', async () => {
    const sync = tenantSync(tk);
    const file: TenantsFile = {
      version: 1,
      prefix: 'tw2-',
      defaults: { synthflow: { extra: { twilio_account_sid: `AC${'1'.repeat(32)}` } } },
      tenants: { a: { twilio: {}, synthflow: { twilio: true } } },
    };
    writes.length = 0;
    // The defect: the plan was accepted and apply created the Twilio sub-account, then Synthflow's
    // create failed on the facade's own check.
    const error = await sync.apply(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TenantsFileError);
    expect((error as TenantsFileError).issues).toEqual([
      expect.objectContaining({
        tenant: 'a',
        provider: 'synthflow',
        field: 'tenants.a.synthflow.extra.twilio_account_sid',
        rule: 'at-most-one',
      }),
    ]);
    expect(writes).toEqual([]);
  });
});

describe('prune never closes a Twilio sub-account a declared Synthflow one calls through', () => {
  it('a marked orphan whose tenant still declares Synthflow, and one a Synthflow entry names by SID, are kept; a plain orphan is closed', async () => {
    const sync = tenantSync(tk);
    const linkedPair = { twilio: {}, synthflow: { twilio: true } };
    await sync.apply(
      { version: 1, prefix: 'pr3-', tenants: { a: linkedPair, b: linkedPair, c: { twilio: {} } } },
      { onSecret: () => {} },
    );
    const twilio = async () => {
      const found: SubAccount[] = [];
      for await (const record of tk.subaccounts.list('twilio'))
        if (record.name.startsWith('pr3-')) found.push(record);
      return found;
    };
    const sidOf = async (name: string) => (await twilio()).find((r) => r.name === name)?.id;
    const sidB = (await sidOf('pr3-b [synthflow]')) as string;
    // a drops its Twilio entry but keeps Synthflow (still calling through it); b names it by SID;
    // c is gone from the file.
    const file: TenantsFile = {
      version: 1,
      prefix: 'pr3-',
      tenants: {
        a: { synthflow: {} },
        b: {
          synthflow: {
            extra: { twilio_account_sid: sidB, twilio_auth_token: { env: 'PR3_TOKEN' } },
          },
        },
      },
    };
    const path = join(sandboxed.dir, 'pr3-tenants.json');
    writeFileSync(path, JSON.stringify(file));
    const shown = await sandboxed.cli(['tenants', 'plan', '-f', path, '--prune']);
    expect(shown.stdout).toContain('- a  twilio  orphan pr3-a [synthflow]');
    expect(shown.stdout).toContain(
      "in use, kept even with --prune: tenant b's synthflow entry names its id",
    );
    expect(shown.stdout).toContain('- c  twilio  delete pr3-c');
    expect(shown.stdout).toContain('1 to delete');
    // The defect: both linked sub-accounts were closed (irreversibly), Synthflow kept their SIDs.
    const result = await sync.apply(file, { prune: true });
    expect(result.converged).toBe(true);
    expect(
      result.items.filter((i) => i.provider === 'twilio').map((i) => [i.tenant, i.outcome]),
    ).toEqual([
      ['a', 'kept'],
      ['b', 'kept'],
      ['c', 'deleted'],
    ]);
    const status = (record: SubAccount) => (record.raw as { status?: string }).status;
    expect((await twilio()).map((r) => [r.name, status(r)]).sort()).toEqual([
      ['pr3-a [synthflow]', 'active'],
      ['pr3-b [synthflow]', 'active'],
      ['pr3-c', 'closed'],
    ]);
    // Pruning again changes nothing.
    expect(isEmptyPlan(await sync.plan(file), { prune: true })).toBe(true);
  });
});

describe('the rename that records the link', () => {
  it('processed, then its answer lost: read back, the item succeeds and apply is converged', async () => {
    const sync = tenantSync(tk);
    const file: TenantsFile = {
      version: 1,
      prefix: 'rn4-',
      tenants: { a: { twilio: {}, synthflow: { twilio: true } } },
    };
    resetAfter = (body) => new URLSearchParams(body).get('FriendlyName') === 'rn4-a [synthflow]';
    // No retries: the rename's lost answer reaches the sync.
    const result = await sync.apply(file, { maxRetries: 0, onSecret: () => {} });
    expect(resetAfter).toBeUndefined();
    // The defect: the item failed ("the next apply sends the link again", which it did not).
    expect(result.items.find((i) => i.provider === 'synthflow')).toMatchObject({
      outcome: 'created',
    });
    expect(result.converged).toBe(true);
    expect(isEmptyPlan(await sync.plan(file))).toBe(true);
  });
});

describe('a saved plan that kept an in-use orphan', () => {
  it('the orphan renamed to its plain name since: the saved plan is stale, nothing closed', async () => {
    const sync = tenantSync(tk);
    await sync.apply(
      { version: 1, prefix: 'sv5-', tenants: { a: { twilio: {}, synthflow: { twilio: true } } } },
      { onSecret: () => {} },
    );
    const file: TenantsFile = { version: 1, prefix: 'sv5-', tenants: { a: { synthflow: {} } } };
    const saved = JSON.parse(JSON.stringify(await sync.plan(file)));
    const orphan = saved.items.find((i: { provider: string }) => i.provider === 'twilio');
    expect(orphan).toMatchObject({ action: 'orphan', inUse: expect.any(String) });
    await tk.subaccounts.update('twilio', orphan.id, { name: 'sv5-a' });
    // The defect: the saved plan (which kept it) was applied and closed it.
    await expect(sync.apply(saved, { prune: true })).rejects.toBeInstanceOf(StalePlanError);
    expect((await tk.subaccounts.get('twilio', orphan.id)).raw).toMatchObject({ status: 'active' });
  });
});
