/** The state file (separate runs share tenants and credentials) and the seed (same seed, same run). */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../src/index.js';
import { call, REPO_SPECS } from './support/sandbox.js';

const dir = mkdtempSync(join(tmpdir(), 'tenantkit-sandbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function vobiz(sandbox: Sandbox, path = '', init: RequestInit = {}) {
  const { authId, authToken } = sandbox.credentials.vobiz ?? { authId: '', authToken: '' };
  return call(`${sandbox.urls.vobiz}/api/v1/accounts/${authId}/sub-accounts/${path}`, {
    ...init,
    headers: { 'x-auth-id': authId, 'x-auth-token': authToken, 'content-type': 'application/json' },
  });
}

async function createVobiz(sandbox: Sandbox, name: string): Promise<string> {
  const answer = await vobiz(sandbox, '', { method: 'POST', body: JSON.stringify({ name }) });
  return (answer.body as { sub_account: { auth_id: string } }).sub_account.auth_id;
}

const listedNames = async (sandbox: Sandbox) =>
  ((await vobiz(sandbox)).body as { sub_accounts: Array<{ name: string }> }).sub_accounts.map(
    (item) => item.name,
  );

describe('state file', () => {
  const file = join(dir, 'nested', 'sandbox-state.json');

  it('a second run sees the first run’s tenants and credentials, and makes no id twice', async () => {
    const first = await startSandbox({
      providers: ['vobiz', 'voximplant'],
      specs: REPO_SPECS,
      state: file,
    });
    const firstId = await createVobiz(first, 'From the first run');
    const credentials = first.credentials;
    await first.stop();
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const second = await startSandbox({
      providers: ['vobiz', 'voximplant'],
      specs: REPO_SPECS,
      state: file,
    });
    try {
      expect(second.credentials).toEqual(credentials);
      expect(await listedNames(second)).toEqual(['From the first run']);
      const secondId = await createVobiz(second, 'From the second run');
      expect(secondId).not.toBe(firstId);
      expect(await listedNames(second)).toEqual(['From the second run', 'From the first run']);
    } finally {
      await second.stop();
    }
  });

  it('a file that is not a sandbox state is refused with its name, never overwritten', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"not": "a state"}');
    await expect(
      startSandbox({ providers: ['vobiz'], specs: REPO_SPECS, state: broken }),
    ).rejects.toThrow(`sandbox: the state file ${broken} is not a version 1 sandbox state`);
    writeFileSync(broken, 'not json');
    await expect(
      startSandbox({ providers: ['vobiz'], specs: REPO_SPECS, state: broken }),
    ).rejects.toThrow('is not valid JSON');
  });
});

describe('seed', () => {
  /** Credentials, two ids, and which of 12 reads failed at a 50 % server-error rate. */
  async function run(seed: number) {
    const sandbox = await startSandbox({ providers: ['vobiz'], specs: REPO_SPECS, seed });
    try {
      const ids = [await createVobiz(sandbox, 'one'), await createVobiz(sandbox, 'two')];
      sandbox.setFaults('vobiz', { serverErrorRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await vobiz(sandbox)).status);
      return { credentials: sandbox.credentials, ids, statuses };
    } finally {
      await sandbox.stop();
    }
  }

  it('the same seed gives the same credentials, ids and faults; another seed does not', async () => {
    const [a, b, c] = [await run(5), await run(5), await run(6)];
    expect(b).toEqual(a);
    expect(a.statuses).toContain(500);
    expect(a.statuses).toContain(200);
    expect(c.credentials).not.toEqual(a.credentials);
    expect(c.ids).not.toEqual(a.ids);
    expect(c.statuses).not.toEqual(a.statuses);
  });
});
