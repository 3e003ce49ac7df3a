/**
 * The CLI against the global-setup Prism mocks (and once with its own --mock). Most calls run it
 * in process (`runCli`, which the binary calls with argv, the environment and the standard
 * streams); the built binary itself is spawned where its wiring is what is tested (`spawned`:
 * the version, the environment, the exit codes 0, 1 and 2, `--mock`). A spawn costs ~0.4 s of
 * CPU (a Node start), an in-process call a few milliseconds.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { throwawayVoximplantKey } from '@tenantkit/mock';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { runCli } from '../src/cli/index.js';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const urls = inject('mockUrls');
const dir = mkdtempSync(join(tmpdir(), 'tenantkit-cli-'));
const credentialsFile = join(dir, 'voximplant.json');
writeFileSync(
  credentialsFile,
  JSON.stringify(throwawayVoximplantKey({ shared: true }).credentials),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SYNTHFLOW_KEY = 'cli-test-synthflow-key';
const VOBIZ_TOKEN = 'cli-test-vobiz-token';
const ENV = {
  PATH: process.env.PATH,
  SYNTHFLOW_API_KEY: SYNTHFLOW_KEY,
  VOBIZ_AUTH_ID: 'MA_XXXXXXXX',
  VOBIZ_AUTH_TOKEN: VOBIZ_TOKEN,
  VOXIMPLANT_CREDENTIALS: credentialsFile,
  TENANTKIT_SYNTHFLOW_BASE_URL: urls.synthflow,
  TENANTKIT_VOBIZ_BASE_URL: urls.vobiz,
  TENANTKIT_VOXIMPLANT_BASE_URL: urls.voximplant,
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The CLI in process, as the binary runs it (stdout and stderr are not terminals here either).
 * Whatever else the process prints meanwhile (a stray console call or stream write, which the
 * spawned binary would show) counts as the CLI's output too, so the secret checks still see it.
 */
async function tenantkit(
  args: string[],
  env: Record<string, string | undefined> = ENV,
): Promise<Run> {
  const run = { code: 1, stdout: '', stderr: '' };
  const to = (stream: 'stdout' | 'stderr') => (text: unknown) => {
    run[stream] += String(text);
    return true;
  };
  const stray = [
    vi.spyOn(process.stdout, 'write').mockImplementation(to('stdout')),
    vi.spyOn(process.stderr, 'write').mockImplementation(to('stderr')),
    ...(['log', 'info', 'debug'] as const).map((name) =>
      vi.spyOn(console, name).mockImplementation((...parts) => to('stdout')(format(...parts))),
    ),
    ...(['error', 'warn'] as const).map((name) =>
      vi.spyOn(console, name).mockImplementation((...parts) => to('stderr')(format(...parts))),
    ),
  ];
  try {
    run.code = await runCli(args, { stdout: to('stdout'), stderr: to('stderr'), env });
  } finally {
    for (const spy of stray) spy.mockRestore();
  }
  return run;
}

/** The built binary, as a child process. */
function spawned(args: string[], env: Record<string, string | undefined> = ENV): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: env as NodeJS.ProcessEnv },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** A response the spec's examples hand out once: the Prism example values of the secrets. */
function noSecretIn(run: Run, secrets: string[]) {
  for (const secret of secrets) {
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
  }
}

describe('tenantkit CLI', () => {
  it('--version prints the package version and exits 0', async () => {
    const run = await spawned(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(packageJson.version);
  });

  it('providers: a table of providers with spec provenance, and the capability matrix', async () => {
    const run = await tenantkit(['providers']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/│ synthflow\s+│ yes\s+│ \d+\.\d+\.\d+\s+│ [0-9a-f]{12}\s+│/);
    expect(run.stdout).toMatch(/│ paging\s+│ no: one answer/);
  });

  it('in a pipe the binary prints TSV: a header line per block, the same rows', async () => {
    const run = await spawned(['providers']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^provider\tconfigured\tspec version\tspec sha256$/m);
    expect(run.stdout).toMatch(/^synthflow\tyes\t\d+\.\d+\.\d+\t[0-9a-f]{12}$/m);
    expect(run.stdout).toMatch(/^paging\tno: one answer/m);
  });

  it('providers --json parses', async () => {
    const run = await tenantkit(['providers', '--json']);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<{ provider: string; configured: boolean }>;
    expect(rows.map((row) => row.provider)).toEqual(['synthflow', 'vobiz', 'voximplant', 'twilio']);
  });

  it('create prints the id and redacts the one-time credentials unless --show-secrets', async () => {
    const hidden = await tenantkit([
      'create',
      'vobiz',
      '--name',
      'Acme',
      '--limit',
      'rateLimit=50',
    ]);
    expect(hidden.code).toBe(0);
    expect(hidden.stdout).toMatch(/authToken\s+│ \[REDACTED\]/);
    expect(hidden.stderr).toContain('--show-secrets');
    const shown = await tenantkit([
      'create',
      'vobiz',
      '--name',
      'Acme',
      '--json',
      '--show-secrets',
    ]);
    expect(shown.code).toBe(0);
    const json = JSON.parse(shown.stdout) as { credentials: { authToken: string } };
    expect(json.credentials.authToken).not.toBe('[REDACTED]');
    // The token Prism handed out in the shown run never appears in the hidden one.
    noSecretIn(hidden, [json.credentials.authToken, VOBIZ_TOKEN]);
  });

  it('create --json without --show-secrets keeps credentials redacted', async () => {
    const run = await tenantkit([
      'create',
      'synthflow',
      '--name',
      'Acme',
      '--grant',
      'inbound',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { credentials: Record<string, string> };
    expect(Object.values(json.credentials).every((value) => value === '[REDACTED]')).toBe(true);
    noSecretIn(run, [SYNTHFLOW_KEY]);
  });

  it.each([
    [
      'synthflow',
      '1726005822670x239735712159542050',
      ['--name', 'Renamed', '--limit', 'maxMinutes=null'],
    ],
    ['vobiz', 'SA_XXXXXXXX', ['--description', 'Front desk', '--disable']],
    ['voximplant', '109', ['--description', 'Front desk', '--grant-role', 'Support']],
  ])('get, list, update and delete on %s exit 0', async (provider, id, patch) => {
    const get = await tenantkit(['get', provider, id]);
    expect(get.code, get.stderr).toBe(0);
    expect(get.stdout).toMatch(new RegExp(`│ provider\\s+│ ${provider}`));
    const list = await tenantkit(['list', provider, '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBeGreaterThan(0);
    const update = await tenantkit(['update', provider, id, ...patch]);
    expect(update.code, update.stderr).toBe(0);
    const remove = await tenantkit(['delete', provider, id, '--json']);
    expect(remove.code, remove.stderr).toBe(0);
    expect(JSON.parse(remove.stdout)).toMatchObject({ provider, id, deleted: true });
    noSecretIn(get, [SYNTHFLOW_KEY, VOBIZ_TOKEN]);
  });

  it('roles lists the Voximplant roles as a table', async () => {
    const run = await tenantkit(['roles']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/│ id\s+│ name\s+│ gui only/);
  });

  it('an input field the provider cannot honour exits 2 naming provider and field', async () => {
    const run = await tenantkit(['create', 'synthflow', '--name', 'Acme', '--disable']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'synthflow.subaccounts.create: enabled is not supported by synthflow',
    );
    expect(run.stderr).not.toContain('    at ');
  });

  it('usage errors exit 2', async () => {
    expect((await tenantkit(['get', 'plivo', 'x'])).code).toBe(2);
    expect((await tenantkit(['frobnicate'])).code).toBe(2);
    expect((await tenantkit(['get', 'vobiz', '42'])).code).toBe(2);
  });

  it('missing credentials exit 2 and say which variable to set', async () => {
    const run = await spawned(['list', 'vobiz'], { PATH: process.env.PATH });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('VOBIZ_AUTH_ID');
  });

  it('a provider error exits 1 with a clean message (stack only with --debug)', async () => {
    // Nothing listens on port 9 of the loopback: a connection error, not retried here.
    const env = { ...ENV, TENANTKIT_SYNTHFLOW_BASE_URL: 'http://127.0.0.1:9' };
    const run = await spawned(['list', 'synthflow'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^tenantkit: synthflow\.listSubaccounts/);
    expect(run.stderr).not.toContain('    at ');
    const debug = await tenantkit(['list', 'synthflow', '--debug'], env);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toContain('    at ');
    noSecretIn(debug, [SYNTHFLOW_KEY]);
  });

  // Issue 10: credentials given as text were taken for a path and quoted whole, key included.
  it('Voximplant credentials as JSON text (flag or variable) work like the file', async () => {
    const json = JSON.stringify(throwawayVoximplantKey({ shared: true }).credentials);
    const byFlag = await tenantkit(['roles', '--voximplant-credentials', json]);
    expect(byFlag.code).toBe(0);
    expect(byFlag.stdout).toMatch(/│ \d+\s+│/);
    const byEnv = await tenantkit(['roles'], { ...ENV, VOXIMPLANT_CREDENTIALS: json });
    expect(byEnv.code).toBe(0);
  });

  it('a bare PEM key as Voximplant credentials exits 2 with a clear message, quoting nothing', async () => {
    const { private_key } = throwawayVoximplantKey().credentials;
    const keyLine = private_key.split('\n')[3] ?? '';
    for (const run of [
      await tenantkit(['roles', '--voximplant-credentials', private_key]),
      await tenantkit(['roles', '--debug'], { ...ENV, VOXIMPLANT_CREDENTIALS: private_key }),
    ]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/holds a PEM key alone; it must be the whole credentials\.json/);
      noSecretIn(run, [keyLine, 'PRIVATE KEY']);
    }
  });

  it('numbers assign / list / unassign on Vobiz: tables, --json, exit 0', async () => {
    const assigned = await tenantkit([
      'numbers',
      'assign',
      'vobiz',
      '+919876543210',
      'SA_XXXXXXXX',
    ]);
    expect(assigned.code).toBe(0);
    expect(assigned.stdout).toMatch(/│ held by\s+│ SA_XXXXXXXX\s+│/);
    const listed = await tenantkit([
      'numbers',
      'list',
      'vobiz',
      '--sub-account',
      'SA_XXXXXXXX',
      '--json',
    ]);
    expect(listed.code).toBe(0);
    expect(
      (JSON.parse(listed.stdout) as Array<{ number: string; holder: string }>).map((n) => [
        n.number,
        n.holder,
      ]),
    ).toEqual([['+912271263984', 'SA_XXXXXXXX']]);
    const returned = await tenantkit(['numbers', 'unassign', 'vobiz', '+919876543210', '--force']);
    expect(returned.code).toBe(0);
    expect(returned.stdout).toMatch(/│ held by\s+│ the parent account\s+│/);
    noSecretIn(assigned, [VOBIZ_TOKEN]);
  });

  it('numbers on a provider without them exits 2 and names who has them', async () => {
    const run = await tenantkit([
      'numbers',
      'assign',
      'voximplant',
      '+919876543210',
      'SA_XXXXXXXX',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('does not support numbers');
    expect(run.stderr).toContain('supported by: vobiz');
  });

  it('numbers assign with a number that is not E.164 exits 2 before any request', async () => {
    const run = await tenantkit(['numbers', 'assign', 'vobiz', '09876543210', 'SA_XXXXXXXX']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/e164 must be an E\.164 phone number.*\(rule: e164\)/);
  });

  it('providers shows the numbers and child-account rows of the capability matrix', async () => {
    const run = await tenantkit(['providers']);
    expect(run.stdout).toMatch(/│ numbers\s+│ no: /);
    expect(run.stdout).toMatch(/│ child accounts\s+│ no: /);
  });

  it('--mock starts its own Prism, with no credentials at all', async () => {
    const run = await spawned(['--mock', 'list', 'voximplant', '--json'], {
      PATH: process.env.PATH,
    });
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as Array<{ provider: string }>)[0]?.provider).toBe('voximplant');
  });
});
