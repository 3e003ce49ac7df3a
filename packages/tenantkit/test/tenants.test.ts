/**
 * Tenant sync against the stateful sandbox: plan and apply over HTTP, Prism checking every
 * request and answer. Each test uses its own prefix, so the others' records are unmanaged to it —
 * which is itself checked: nothing without the prefix is ever touched or reported.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from '@tenantkit/mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenantkit, type Provider, type SubAccount, type Tenantkit } from '../src/index.js';
import {
  type ApplyEvent,
  isEmptyPlan,
  MissingSecretsError,
  openSecretsFile,
  PlanError,
  parseTenantsFile,
  SecretsFileExistsError,
  StalePlanError,
  TENANTS_SCHEMA,
  type TenantSecret,
  type TenantsFile,
  TenantsFileError,
  tenantSync,
} from '../src/tenants/index.js';
import { useSandboxFacade } from './support/sandbox.js';

// Retries are the sync's job in these tests: a 5xx is seen at once.
const sandboxed = useSandboxFacade({ options: { maxRetries: 0 } });
const { dir } = sandboxed;
let sandbox: Sandbox;
let tk: Tenantkit;
beforeAll(() => {
  ({ sandbox, tk } = sandboxed);
});

/** A file of three tenants on every provider, under its own prefix. */
function tenantsFile(prefix: string): TenantsFile {
  return {
    version: 1,
    prefix,
    defaults: { synthflow: { limits: { maxMinutes: 600, concurrency: 2 } } },
    tenants: {
      acme: {
        synthflow: { email: 'owner@acme.example', permissions: { logs: true, widget: false } },
        vobiz: {
          email: 'ops@acme.example',
          description: 'Acme Dental',
          limits: { rateLimit: 50 },
          permissions: { calls: true, cdr: false },
        },
        voximplant: { description: 'Acme front desk', roles: ['Support'] },
      },
      globex: {
        synthflow: { limits: { maxMinutes: null } },
        vobiz: { enabled: false },
        voximplant: { roles: [] },
      },
      initech: { vobiz: { description: 'Initech' } },
    },
  };
}

const writes = (from: number) =>
  sandbox.exchanges
    .slice(from)
    .filter((exchange) => !/^(get|list)/i.test(exchange.operationId ?? ''));

async function records(provider: Provider, prefix: string): Promise<SubAccount[]> {
  const found: SubAccount[] = [];
  for await (const record of tk.subaccounts.list(provider))
    if (record.name.toLowerCase().startsWith(prefix)) found.push(record);
  return found;
}

const summary = (items: { tenant: string; provider: string; action: string }[]) =>
  items.map((item) => `${item.tenant}/${item.provider}: ${item.action}`).sort();

describe('the tenants file', () => {
  it('YAML: each problem names tenant, provider, field, rule, line and column; all are reported', () => {
    const text = [
      'version: 1',
      'prefix: tk-',
      'tenants:',
      '  acme:',
      '    vobiz:',
      '      enabled: yes please',
      '      colour: blue',
      '    synthflow:',
      '      permissions: { logs: true, teleport: true }',
      '  Bad_Key:',
      '    vobiz: {}',
      '  a-very-long-tenant-key:',
      '    voximplant: {}',
    ].join('\n');
    const error = (() => {
      try {
        parseTenantsFile(text, { source: 'tenants.yaml' });
      } catch (caught) {
        return caught as TenantsFileError;
      }
      throw new Error('the file was accepted');
    })();
    expect(error).toBeInstanceOf(TenantsFileError);
    const issues = error.issues.map(({ tenant, provider, field, rule, line, column }) => ({
      tenant,
      provider,
      field,
      rule,
      line,
      column,
    }));
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          tenant: 'acme',
          provider: 'vobiz',
          field: 'tenants.acme.vobiz.enabled',
          rule: 'type',
          line: 6,
          column: 16,
        },
        {
          tenant: 'acme',
          provider: 'vobiz',
          field: 'tenants.acme.vobiz.colour',
          rule: 'additionalProperties',
          line: 7,
          column: 7,
        },
        {
          tenant: 'acme',
          provider: 'synthflow',
          field: 'tenants.acme.synthflow.permissions.teleport',
          rule: 'propertyNames',
          line: 9,
          column: 34,
        },
        {
          tenant: 'Bad_Key',
          provider: undefined,
          field: 'tenants.Bad_Key',
          rule: 'propertyNames',
          line: 10,
          column: 3,
        },
      ]),
    );
    expect(error.message).toContain(
      'tenants.yaml:6:16: tenant acme, vobiz, field tenants.acme.vobiz.enabled — must be boolean (rule: type)',
    );
    expect(error.message).toContain('nothing was sent');
  });

  it('a derived Voximplant login outside its rules is refused before anything is sent', () => {
    expect(() =>
      parseTenantsFile(
        'version: 1\nprefix: tk-\ntenants:\n  a-very-long-tenant-key:\n    voximplant: {}\n',
      ),
    ).toThrow(
      /tenants file:4:3: tenant a-very-long-tenant-key, voximplant, .*25 characters.*5 to 20 \(rule: provider-name\)/,
    );
    expect(() =>
      parseTenantsFile('version: 1\nprefix: t\ntenants:\n  ab:\n    voximplant: {}\n'),
    ).toThrow(/3 characters/);
  });

  it('YAML syntax errors and duplicate keys carry their line and column', () => {
    expect(() => parseTenantsFile('version: 1\ntenants: [\n')).toThrow(
      /tenants file:\d+:\d+: .*yaml-syntax/,
    );
    expect(() =>
      parseTenantsFile('version: 1\nprefix: tk-\ntenants:\n  acme: {}\n  acme: {}\n'),
    ).toThrow(/tenants file:5:3: .*unique-keys/);
  });

  it('JSON is read too, and a secret written in clear is refused (only references)', () => {
    const json = JSON.stringify(
      { version: 1, prefix: 'tk-', tenants: { acme: { vobiz: { password: 'hunter2' } } } },
      null,
      2,
    );
    expect(() => parseTenantsFile(json, { source: 'tenants.json' })).toThrow(
      'tenants.json: 1 problem; nothing was sent\n  tenants.json:7:21: tenant acme, vobiz, field tenants.acme.vobiz.password — must be { env: NAME } or { generate: true } (a secret is never written in the file) (rule: oneOf)',
    );
    expect(
      parseTenantsFile(json.replace('"hunter2"', '{ "env": "ACME_PASSWORD" }')).tenants.acme,
    ).toEqual({ vobiz: { password: { env: 'ACME_PASSWORD' } } });
  });

  it('the published JSON Schema is the one the code checks with', () => {
    const published = readFileSync(new URL('../tenants.schema.json', import.meta.url), 'utf8');
    expect(JSON.parse(published)).toEqual(TENANTS_SCHEMA);
  });

  it('plan refuses a file whose provider is not configured, before any request', async () => {
    const only = createTenantkit({
      vobiz: { authId: 'MA_X', authToken: 'x', baseUrl: 'http://127.0.0.1:9' },
    });
    await expect(tenantSync(only).plan(tenantsFile('tk0-'))).rejects.toThrow(
      new PlanError('synthflow is declared by tenants acme, globex but is not configured'),
    );
  });
});

describe('plan and apply against the sandbox', () => {
  it('converges from empty; the second plan is empty and a second apply sends no write', async () => {
    const sync = tenantSync(tk);
    const file = tenantsFile('tk1-');
    const first = await sync.plan(file);
    expect(summary(first.items)).toEqual([
      'acme/synthflow: create',
      'acme/vobiz: create',
      'acme/voximplant: create',
      'globex/synthflow: create',
      'globex/vobiz: create',
      'globex/voximplant: create',
      'initech/vobiz: create',
    ]);
    const secrets: TenantSecret[] = [];
    const result = await sync.apply(first, { onSecret: (secret) => secrets.push(secret) });
    expect(result).toMatchObject({ converged: true, counts: { created: 7, failed: 0 } });
    // Voximplant passwords generated (2), Synthflow api keys (2) + a sign-in link, Vobiz id+token (3×2).
    expect(secrets.map((s) => `${s.tenant}/${s.provider}/${s.field}/${s.origin}`).sort()).toEqual([
      'acme/synthflow/apiKey/handed-out',
      'acme/synthflow/signInLink/handed-out',
      'acme/vobiz/authId/handed-out',
      'acme/vobiz/authToken/handed-out',
      'acme/voximplant/password/generated',
      'globex/synthflow/apiKey/handed-out',
      'globex/vobiz/authId/handed-out',
      'globex/vobiz/authToken/handed-out',
      'globex/voximplant/password/generated',
      'initech/vobiz/authId/handed-out',
      'initech/vobiz/authToken/handed-out',
    ]);

    const second = await sync.plan(file);
    expect(isEmptyPlan(second)).toBe(true);
    // Synthflow cannot read back the invited email nor concurrency: shown, never a change.
    expect(
      second.items.find((i) => i.tenant === 'acme' && i.provider === 'synthflow'),
    ).toMatchObject({
      action: 'unchanged',
      notComparable: ['email', 'limits.concurrency'],
    });
    const mark = sandbox.exchanges.length;
    const again = await sync.apply(file);
    expect(again.counts).toMatchObject({ unchanged: 7, created: 0, updated: 0 });
    expect(writes(mark)).toEqual([]);

    // What the providers hold is what the file says.
    const [vox] = await records('voximplant', 'tk1-acme');
    expect(vox).toMatchObject({ name: 'tk1-acme', description: 'Acme front desk' });
    expect(vox?.roles?.map((role) => role.role_name)).toEqual(['Support']);
  });

  it('converges from partial and drifted states: each drifted field is shown current → desired', async () => {
    const sync = tenantSync(tk);
    const file = tenantsFile('tk2-');
    await sync.apply(file);
    const [acmeVobiz] = await records('vobiz', 'tk2-acme');
    const [acmeVox] = await records('voximplant', 'tk2-acme');
    const [globexSynthflow] = await records('synthflow', 'tk2-globex');
    // Drift made behind the file's back, and one record lost.
    await tk.subaccounts.update('vobiz', acmeVobiz?.id ?? '', {
      enabled: false,
      limits: { rateLimit: 7 },
    });
    await tk.subaccounts.update('voximplant', acmeVox?.id ?? '', {
      roles: { grant: ['Accountant'], revoke: ['Support'] },
    });
    await tk.subaccounts.update('synthflow', globexSynthflow?.id ?? '', {
      limits: { maxMinutes: 5 },
    });
    const [initech] = await records('vobiz', 'tk2-initech');
    await tk.subaccounts.delete('vobiz', initech?.id ?? '');

    const plan = await sync.plan(file);
    const changed = plan.items.filter((item) => item.action !== 'unchanged');
    expect(changed.map((item) => [item.tenant, item.provider, item.action, item.changes])).toEqual([
      [
        'globex',
        'synthflow',
        'update',
        [{ field: 'limits.maxMinutes', current: 5, desired: null }],
      ],
      // `enabled` drifted too, but acme's file entry does not manage it: not shown, not changed.
      ['acme', 'vobiz', 'update', [{ field: 'limits.rateLimit', current: 7, desired: 50 }]],
      ['initech', 'vobiz', 'create', []],
      [
        'acme',
        'voximplant',
        'update',
        [{ field: 'roles', current: ['Accountant'], desired: ['Support'] }],
      ],
    ]);
    const result = await sync.apply(plan);
    expect(result.counts).toMatchObject({ updated: 3, created: 1, failed: 0 });
    expect(isEmptyPlan(await sync.plan(file))).toBe(true);
    expect((await records('vobiz', 'tk2-acme'))[0]).toMatchObject({ enabled: false });
  });
});

describe('only managed records, and deletes only with prune', () => {
  it('records without the prefix are never read as managed; orphans are kept unless pruned', async () => {
    const sync = tenantSync(tk);
    const file = tenantsFile('tk3-');
    await sync.apply(file);
    // Someone else's records, one of them a near miss of the prefix.
    const foreign = await tk.subaccounts.create('vobiz', { name: 'tk3acme' });
    const foreignVox = await tk.subaccounts.create('voximplant', {
      name: 'tk3_acme',
      password: 'Str0ng!Pass',
    });
    const { globex: _, ...rest } = file.tenants;
    const smaller = { ...file, tenants: rest };

    const plan = await sync.plan(smaller);
    expect(summary(plan.items.filter((item) => item.action !== 'unchanged'))).toEqual([
      'globex/synthflow: orphan',
      'globex/vobiz: orphan',
      'globex/voximplant: orphan',
    ]);
    const mark = sandbox.exchanges.length;
    const kept = await sync.apply(plan);
    expect(kept).toMatchObject({ converged: true, counts: { kept: 3, deleted: 0 } });
    expect(writes(mark)).toEqual([]);

    const pruned = await sync.apply(smaller, { prune: true });
    expect(pruned.counts).toMatchObject({ deleted: 3, failed: 0 });
    expect(await records('vobiz', 'tk3-globex')).toEqual([]);
    expect(await tk.subaccounts.get('vobiz', foreign.id)).toMatchObject({ name: 'tk3acme' });
    expect(await tk.subaccounts.get('voximplant', foreignVox.id)).toMatchObject({
      name: 'tk3_acme',
    });
    expect(isEmptyPlan(await sync.plan(smaller), { prune: true })).toBe(true);
  });

  it('two records with one managed name stop that tenant (never a guess); the others converge', async () => {
    const sync = tenantSync(tk);
    const first = await tk.subaccounts.create('vobiz', { name: 'tk4-acme' });
    const second = await tk.subaccounts.create('vobiz', { name: 'tk4-acme' }); // Vobiz allows it
    const plan = await sync.plan(tenantsFile('tk4-'));
    expect(
      plan.items.find((item) => item.tenant === 'acme' && item.provider === 'vobiz'),
    ).toMatchObject({
      action: 'conflict',
      ids: expect.arrayContaining([first.id, second.id]),
    });
    const result = await sync.apply(plan);
    expect(result.converged).toBe(false);
    expect(result.counts).toMatchObject({ failed: 1, created: 6 });
    expect(result.items.find((item) => item.outcome === 'failed')?.message).toMatch(
      /2 records at vobiz are named tk4-acme .* none was touched/,
    );
    for (const id of [first.id, second.id]) {
      const untouched = await tk.subaccounts.get('vobiz', id);
      expect(untouched.name).toBe('tk4-acme');
      expect(untouched.email).toBeUndefined(); // the file's email was not sent to either
    }
  });
});

describe('hostile providers', () => {
  it('creates whose connection is reset after the tenant was made are adopted, never made twice', async () => {
    sandbox.setFaults('vobiz', { resetAfterCreateRate: 1 });
    sandbox.setFaults('synthflow', { resetAfterCreateRate: 1 });
    sandbox.setFaults('voximplant', { resetAfterCreateRate: 1 });
    const sync = tenantSync(tk);
    const file = tenantsFile('tk5-');
    const secrets: TenantSecret[] = [];
    const result = await sync.apply(file, { onSecret: (secret) => secrets.push(secret) });
    expect(result).toMatchObject({ converged: true, counts: { adopted: 7, created: 0 } });
    expect(result.items[0]?.message).toMatch(/one-time credentials .* cannot be recovered/);
    for (const provider of ['synthflow', 'vobiz', 'voximplant'] as const) {
      const names = (await records(provider, 'tk5-')).map((record) => record.name).sort();
      expect(names).toEqual([...new Set(names)]);
    }
    expect((await records('vobiz', 'tk5-')).length).toBe(3);
    // The generated Voximplant passwords were sent with the create that was made: handed over.
    expect(secrets.map((s) => `${s.tenant}/${s.provider}/${s.field}`).sort()).toEqual([
      'acme/voximplant/password',
      'globex/voximplant/password',
    ]);
    sandbox.setFaults('vobiz', undefined);
    sandbox.setFaults('synthflow', undefined);
    sandbox.setFaults('voximplant', undefined);
    expect(isEmptyPlan(await sync.plan(file))).toBe(true);
  });

  it('5xx on creates mid-apply: looked up, created once; failures reported, a re-run converges', async () => {
    sandbox.setFaults('vobiz', { serverErrorRate: 0.5 });
    const sync = tenantSync(tk);
    const file: TenantsFile = {
      version: 1,
      prefix: 'tk6-',
      tenants: Object.fromEntries(
        Array.from({ length: 12 }, (_, index) => [
          `t${index}`,
          { vobiz: { description: `T${index}` } },
        ]),
      ),
    };
    const first = await sync.apply(file);
    // Reads fail too (the lookup after an unknown outcome, the reads of updates): each reported.
    expect(first.counts.created + first.counts.failed).toBe(12);
    for (const item of first.items.filter((entry) => entry.outcome === 'failed'))
      expect(item.message).toMatch(/vobiz\./);
    sandbox.setFaults('vobiz', undefined);
    const second = await sync.apply(file);
    expect(second.converged).toBe(true);
    const names = (await records('vobiz', 'tk6-')).map((record) => record.name);
    expect(names.length).toBe(12);
    expect(new Set(names).size).toBe(12);
    expect(isEmptyPlan(await sync.plan(file))).toBe(true);
  });

  it('a provider refusing one tenant does not stop the others', async () => {
    const sync = tenantSync(tk);
    const file = tenantsFile('tk7-');
    (file.tenants.acme as { voximplant: { roles: string[] } }).voximplant.roles = ['No Such Role'];
    const result = await sync.apply(file);
    expect(result.converged).toBe(false);
    expect(result.counts).toMatchObject({ failed: 1, created: 6 });
    expect(result.items.find((item) => item.outcome === 'failed')).toMatchObject({
      tenant: 'acme',
      provider: 'voximplant',
      message: expect.stringMatching(/voximplant\.AddSubUser/),
    });
  });

  it('a saved plan is refused when the providers changed since; nothing is sent', async () => {
    const sync = tenantSync(tk);
    const file = tenantsFile('tk8-');
    await sync.apply(file);
    const saved = JSON.parse(JSON.stringify(await sync.plan(file)));
    const [acme] = await records('vobiz', 'tk8-acme');
    await tk.subaccounts.update('vobiz', acme?.id ?? '', { description: 'changed by hand' });
    const mark = sandbox.exchanges.length;
    await expect(sync.apply(saved)).rejects.toThrow(StalePlanError);
    await expect(sync.apply(saved)).rejects.toThrow(/acme on vobiz/);
    expect(writes(mark)).toEqual([]);
  });

  it('a secret the file references from a missing variable stops apply before any write', async () => {
    const sync = tenantSync(tk);
    const file: TenantsFile = {
      version: 1,
      prefix: 'tk9-',
      tenants: {
        acme: { vobiz: { password: { env: 'TK9_ACME_PASSWORD' } } },
        globex: { voximplant: { password: { env: 'TK9_GLOBEX_PASSWORD' } } },
      },
    };
    const mark = sandbox.exchanges.length;
    await expect(sync.apply(file, { env: { TK9_ACME_PASSWORD: 'Str0ng!Pass' } })).rejects.toThrow(
      new MissingSecretsError([
        {
          tenant: 'globex',
          provider: 'voximplant',
          field: 'password',
          variable: 'TK9_GLOBEX_PASSWORD',
        },
      ]),
    );
    expect(writes(mark)).toEqual([]);
    const env = { TK9_ACME_PASSWORD: 'Str0ng!Pass1', TK9_GLOBEX_PASSWORD: 'Str0ng!Pass2' };
    const secrets: TenantSecret[] = [];
    expect((await sync.apply(file, { env, onSecret: (s) => secrets.push(s) })).converged).toBe(
      true,
    );
    // A password the user gave is theirs already: only the provider's one-time values come back.
    expect(secrets.map((s) => s.field).sort()).toEqual(['authId', 'authToken']);
  });
});

describe('secrets', () => {
  it('are never in a plan, an event, a result or an error; the file sink is 0600 and never overwritten', async () => {
    const sync = tenantSync(tk);
    const file = tenantsFile('tk10-');
    file.tenants.acme = { ...file.tenants.acme, vobiz: { password: { env: 'TK10_PASSWORD' } } };
    const env = { TK10_PASSWORD: 'Pl41n-T3xt-Passw0rd!' };
    const out = join(dir, 'secrets.jsonl');
    const sink = openSecretsFile(out);
    const events: ApplyEvent[] = [];
    const revealed: string[] = [env.TK10_PASSWORD];
    const plan = await sync.plan(file);
    const result = await sync.apply(plan, {
      env,
      onProgress: (event) => events.push(event),
      onSecret: (secret) => {
        revealed.push(secret.value.reveal());
        sink.write(secret);
      },
    });
    sink.close();
    expect(result.converged).toBe(true);
    expect(sink.count).toBe(revealed.length - 1);
    const printed = JSON.stringify([plan, events, result]) + events.map(String).join();
    // Vobiz's auth id is handed over with its token, but it is also the record's id: not secret.
    const ids = new Set(result.items.map((item) => item.id));
    for (const secret of revealed.filter((value) => !ids.has(value)))
      expect(printed).not.toContain(secret);

    expect(statSync(out).mode & 0o777).toBe(0o600);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.value).sort()).toEqual(revealed.slice(1).sort());
    expect(() => openSecretsFile(out)).toThrow(SecretsFileExistsError);
    writeFileSync(join(dir, 'untouched'), 'keep me');
    expect(() => openSecretsFile(join(dir, 'untouched'))).toThrow(/already exists/);
    expect(readFileSync(join(dir, 'untouched'), 'utf8')).toBe('keep me');
  });
});
