/**
 * The sandbox's own limits, each pinned by the bug it fixed: the violations list is bounded (the last 100), a
 * refused caller uses up no rate limit, stop() lets requests in flight finish (for a bounded time),
 * and GetAccountInfo names the sandbox's own address, not whatever Host the caller sent.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index.js';
import {
  call,
  REPO_SPECS,
  vobizHeaders,
  vobizSubAccounts,
  voximplantBearer,
  withSandbox,
} from './support/sandbox.js';

const dir = mkdtempSync(join(tmpdir(), 'tenantkit-sandbox-bounds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Polls (bounded) until the state file holds `text`: the handler has run, the answer is pending. */
async function untilStored(file: string, text: string): Promise<void> {
  for (let tries = 0; tries < 400; tries++) {
    if (existsSync(file) && readFileSync(file, 'utf8').includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the state file never held ${text}`);
}

describe('violations', () => {
  it('keeps the last 100 only: a long run of bad requests cannot grow it without end', async () => {
    await withSandbox({ providers: ['synthflow'] }, async (sandbox) => {
      const broken = `${sandbox.urls.synthflow}/subaccounts/%E0%A4%A`;
      for (let batch = 0; batch < 6; batch++)
        await Promise.all(Array.from({ length: 20 }, () => call(broken)));
      expect(sandbox.exchanges).toHaveLength(120);
      expect(sandbox.violations).toHaveLength(100);
      expect(sandbox.violations.every((violation) => violation.status === 400)).toBe(true);
    });
  });
});

describe('rate limit', () => {
  it('requests refused for their credentials do not use it up', async () => {
    await withSandbox(
      {
        providers: ['vobiz'],
        faults: { vobiz: { rateLimitPerSecond: 1 } },
      },
      async (sandbox) => {
        const url = vobizSubAccounts(sandbox);
        for (let index = 0; index < 3; index++) {
          const refused = await call(url, {
            headers: { 'x-auth-id': 'MA_NOBODY', 'x-auth-token': 'x' },
          });
          expect(refused.status).toBe(401);
        }
        const served = await call(url, { headers: vobizHeaders(sandbox) });
        expect(served.status).toBe(200);
        expect(sandbox.exchanges.filter((exchange) => exchange.fault)).toEqual([]);
      },
    );
  });
});

describe('stop()', () => {
  /** A Vobiz create the sandbox has stored but not yet answered (its latency holds the answer). */
  async function createInFlight(name: string, latencyMs: number) {
    const file = join(dir, `${name.replaceAll(' ', '-').toLowerCase()}.json`);
    const sandbox = await startSandbox({
      providers: ['vobiz'],
      specs: REPO_SPECS,
      state: file,
      faults: { vobiz: { latencyMs } },
    });
    const created = call(vobizSubAccounts(sandbox), {
      method: 'POST',
      headers: vobizHeaders(sandbox),
      body: JSON.stringify({ name }),
    });
    await untilStored(file, name);
    return { sandbox, created };
  }

  it('lets a request in flight finish: the create that was made is answered, not cut', async () => {
    const { sandbox, created } = await createInFlight('In flight', 500);
    await sandbox.stop();
    expect(await created).toMatchObject({
      status: 201,
      body: { sub_account: { name: 'In flight' } },
    });
    await expect(call(vobizSubAccounts(sandbox))).rejects.toThrow();
  });

  it('waits a bounded time: a request still in flight after the drain time is cut', async () => {
    const { sandbox, created } = await createInFlight('Stuck', 120_000);
    await sandbox.stop();
    await expect(created).rejects.toThrow();
    // Recorded as cut (status 0), like a reset: the sub-account exists, the caller cannot know.
    expect(sandbox.exchanges).toMatchObject([{ operationId: 'createSubAccount', status: 0 }]);
  });
});

describe('GetAccountInfo', () => {
  it('names the address the sandbox serves on, whatever Host header the caller sent', async () => {
    await withSandbox({ providers: ['voximplant'] }, async (sandbox) => {
      const authorization = voximplantBearer(sandbox);
      const url = new URL(`${sandbox.urls.voximplant}/GetAccountInfo`);
      const body = await new Promise<string>((resolve, reject) => {
        const sent = request(
          url,
          {
            method: 'POST',
            headers: { host: 'api.attacker.example', authorization },
          },
          (reply) => {
            let text = '';
            reply.setEncoding('utf8');
            reply.on('data', (chunk: string) => {
              text += chunk;
            });
            reply.on('end', () => resolve(text));
          },
        );
        sent.on('error', reject);
        sent.end();
      });
      expect(JSON.parse(body)).toMatchObject({ api_address: url.host });
    });
  });
});
