/**
 * The Synthflow → Twilio link under attack, against the stateful sandbox (adversarial pass a14c
 * of issue 14, scripts in the closing note). Each test failed on the code before its fix.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike, Tenantkit } from '../src/index.js';
import {
  isEmptyPlan,
  type TenantsFile,
  TenantsFileError,
  tenantSync,
} from '../src/tenants/index.js';
import { useSandboxFacade } from './support/sandbox.js';

/** Holds Twilio's create of one FriendlyName until released (a slow provider, by name). */
let hold: { name: string; reached(): void; released: Promise<void> } | undefined;
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
  return globalThis.fetch(request, init);
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
