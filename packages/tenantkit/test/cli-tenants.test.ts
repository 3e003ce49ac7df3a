/**
 * `tenantkit tenants plan|apply` against the stateful sandbox: exit codes, output forms, and that
 * no secret reaches stdout or stderr unless asked for.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from '@tenantkit/mock';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tenantkit } from '../src/index.js';
import { useSandboxFacade } from './support/sandbox.js';

const sandboxed = useSandboxFacade();
const { dir } = sandboxed;
let sandbox: Sandbox;
let tk: Tenantkit;
beforeAll(() => {
  ({ sandbox, tk } = sandboxed);
});
const tenantkit = sandboxed.cli;

function tenantsFile(prefix: string, extra = ''): string {
  const path = join(dir, `${prefix}tenants.yaml`);
  writeFileSync(
    path,
    `version: 1
prefix: ${prefix}
tenants:
  acme:
    synthflow: { email: owner@acme.example, limits: { maxMinutes: 60 } }
    vobiz: { description: Acme, limits: { rateLimit: 30 } }
    voximplant: { description: Acme desk, roles: [Support] }
${extra}`,
  );
  return path;
}

const writes = (from: number) =>
  sandbox.exchanges.slice(from).filter((e) => !/^(get|list)/i.test(e.operationId ?? ''));

describe('tenantkit tenants', () => {
  it('a bad file: exit 2, every problem with its line and column, no request at all', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      'version: 1\nprefix: tk-\ntenants:\n  acme:\n    vobiz: { enabled: maybe }\n',
    );
    const mark = sandbox.exchanges.length;
    const result = await tenantkit(['tenants', 'plan', '-f', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${file}:5:23: tenant acme, vobiz, field tenants.acme.vobiz.enabled — must be boolean (rule: type)`,
    );
    expect(sandbox.exchanges.length).toBe(mark);
  });

  it('plan, apply with --secrets-out, plan again: empty; no secret on stdout or stderr', async () => {
    const file = tenantsFile('cli1-');
    const plan = await tenantkit(['tenants', 'plan', '-f', file]);
    expect(plan).toMatchObject({ code: 0 });
    expect(plan.stdout).toContain('Plan: 3 to create, 0 to update');

    const mark = sandbox.exchanges.length;
    const refused = await tenantkit(['tenants', 'apply', '-f', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/keep them. Add --secrets-out FILE .*nothing was changed/);
    expect(writes(mark)).toEqual([]);

    const secretsPath = join(dir, 'cli1-secrets.jsonl');
    const applied = await tenantkit(['tenants', 'apply', '-f', file, '--secrets-out', secretsPath]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Converged: 3 created.');
    expect(statSync(secretsPath).mode & 0o777).toBe(0o600);
    const secrets = readFileSync(secretsPath, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(secrets.map((s) => `${s.provider}/${s.field}`).sort()).toEqual([
      'synthflow/apiKey',
      'synthflow/signInLink',
      'vobiz/authId',
      'vobiz/authToken',
      'voximplant/password',
    ]);
    for (const secret of secrets.filter((s) => s.field !== 'authId')) {
      expect(applied.stdout).not.toContain(secret.value);
      expect(applied.stderr).not.toContain(secret.value);
    }
    // Never written over: the secrets already there would be lost.
    const again = await tenantkit(['tenants', 'apply', '-f', file, '--secrets-out', secretsPath]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');

    const after = await tenantkit(['tenants', 'plan', '-f', file, '--verbose']);
    expect(after.stdout).toContain(
      'Plan: 0 to create, 0 to update, 0 to keep (orphans), 3 unchanged.',
    );
    expect(after.stdout).toContain('not comparable (sent on create only): email');
  });

  it('--json: the plan as data; apply prints one JSON event per line', async () => {
    const file = tenantsFile('cli2-');
    const plan = await tenantkit(['--json', 'tenants', 'plan', '-f', file]);
    expect(JSON.parse(plan.stdout)).toMatchObject({ version: 1, items: expect.any(Array) });
    const applied = await tenantkit([
      '--json',
      'tenants',
      'apply',
      '-f',
      file,
      '--secrets-out',
      join(dir, 'cli2.jsonl'),
    ]);
    const events = applied.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events[0]).toEqual({ type: 'start', total: 3 });
    expect(events.filter((event) => event.type === 'item')).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({ type: 'end', result: { converged: true } });
  });

  it('--show-secrets prints them (asked for)', async () => {
    const file = tenantsFile('cli3-');
    const applied = await tenantkit(['tenants', 'apply', '-f', file, '--show-secrets']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/secret acme vobiz authToken: \S{8,}/);
    expect(applied.stdout).not.toMatch(/authToken: \[REDACTED\]/);
  });

  it('--prune needs --yes (or a terminal to ask); only managed orphans go', async () => {
    const file = tenantsFile('cli4-', '  globex:\n    vobiz: {}\n');
    await tenantkit(['tenants', 'apply', '-f', file, '--secrets-out', join(dir, 'cli4.jsonl')]);
    const unmanaged = await tk.subaccounts.create('vobiz', { name: 'cli4 globex (by hand)' });
    const smaller = tenantsFile('cli4-');
    const mark = sandbox.exchanges.length;
    const unconfirmed = await tenantkit(['tenants', 'apply', '-f', smaller, '--prune']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(
      /--prune would delete 1 managed record\(s\): vobiz cli4-globex .*Add --yes/,
    );
    expect(writes(mark)).toEqual([]);
    const pruned = await tenantkit(['tenants', 'apply', '-f', smaller, '--prune', '--yes']);
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toMatch(/globex .* deleted/);
    expect(await tk.subaccounts.get('vobiz', unmanaged.id)).toMatchObject({
      name: 'cli4 globex (by hand)',
    });
  });

  it('a saved plan the providers moved away from: exit 1, nothing changed', async () => {
    const file = tenantsFile('cli5-');
    const saved = join(dir, 'cli5-plan.json');
    expect((await tenantkit(['tenants', 'plan', '-f', file, '--out', saved])).code).toBe(0);
    expect(existsSync(saved)).toBe(true);
    await tk.subaccounts.create('vobiz', { name: 'cli5-acme' }); // made meanwhile
    const mark = sandbox.exchanges.length;
    const stale = await tenantkit([
      'tenants',
      'apply',
      '--plan',
      saved,
      '--secrets-out',
      join(dir, 'cli5.jsonl'),
    ]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(
      /the providers changed since the plan was made \(acme on vobiz\); plan again/,
    );
    expect(writes(mark)).toEqual([]);
  });

  it('a tenant the provider refuses: exit 1, the others done, the failure in the summary', async () => {
    const file = join(dir, 'cli6.yaml');
    writeFileSync(
      file,
      'version: 1\nprefix: cli6-\ntenants:\n  acme:\n    voximplant: { roles: [No Such Role] }\n  globex:\n    voximplant: {}\n',
    );
    const result = await tenantkit([
      'tenants',
      'apply',
      '-f',
      file,
      '--secrets-out',
      join(dir, 'cli6.jsonl'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/acme .* failed .*voximplant\.AddSubUser/);
    expect(result.stdout).toContain('Not converged: 1 created, 1 failed.');
  });

  it('--mock is refused: a tenant sync needs a provider that keeps state', async () => {
    const result = await tenantkit(['--mock', 'tenants', 'plan', '-f', tenantsFile('cli7-')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pnpm mock --sandbox');
  });
});
