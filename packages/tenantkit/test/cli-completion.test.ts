/**
 * `tenantkit completion bash|zsh` (issue 14 item 6): the script the CLI prints is loaded into a
 * real bash, and its function is asked to complete, the way bash's programmable
 * completion calls it (COMP_WORDS, COMP_CWORD, then `fn command cur prev`).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../src/model.js';
import { cliInProcess } from './cli-runs.js';

const dir = mkdtempSync(join(tmpdir(), 'tenantkit-completion-'));
const script = join(dir, 'tenantkit.bash');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const run = await cliInProcess(['completion', 'bash'], { env: {} });
  expect(run.code, run.stderr).toBe(0);
  writeFileSync(script, run.stdout);
});

/** The candidates bash offers for the command line `words` (the last word is being completed). */
function complete(...words: string[]): Promise<string[]> {
  const probe = [
    'source "$1"; shift',
    'COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))',
    'fn=$(complete -p tenantkit | sed -E "s/.*-F ([^ ]+).*/\\1/")',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's own ${…}
    '"$fn" tenantkit "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's own ${…}
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      ['--norc', '--noprofile', '-c', probe, 'bash', script, 'tenantkit', ...words],
      { cwd: dir },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`${error.message}\n${stderr}`))
          : resolve(stdout.split('\n').filter(Boolean)),
    );
  });
}

describe('bash completion', () => {
  it('registers a completion for tenantkit and completes a command', async () => {
    expect(await complete('cre')).toEqual(['create']);
    expect(await complete('numbers', '')).toEqual(['list', 'assign', 'unassign']);
    expect(await complete('tenants', 'a')).toEqual(['apply']);
  });

  it('completes a provider name from the registry, after global flags and their values', async () => {
    expect(await complete('list', '')).toEqual([...PROVIDERS]);
    expect(await complete('create', 'vo')).toEqual(PROVIDERS.filter((p) => p.startsWith('vo')));
    expect(await complete('--json', '--timeout', '5000', 'get', 't')).toEqual(['twilio']);
    expect(await complete('numbers', 'assign', 'vob')).toEqual(['vobiz']);
    // The second argument of get is an id: nothing to offer.
    expect(await complete('get', 'vobiz', '')).toEqual([]);
  });

  it("completes a command's flags and the choices of a flag's value", async () => {
    expect(await complete('create', 'vobiz', '--pass')).toEqual([
      '--password',
      '--password-stdin',
      '--password-env',
    ]);
    expect(await complete('--output', '')).toEqual(['table', 'json', 'tsv']);
    expect(await complete('completion', '')).toEqual(['bash', 'zsh']);
  });

  it('completes file names for a flag that takes a path', async () => {
    writeFileSync(join(dir, 'tenants.yaml'), 'version: 1\n');
    expect(await complete('tenants', 'plan', '-f', 'tenants.')).toEqual(['tenants.yaml']);
  });
});

describe('zsh completion', () => {
  it('is the same completion, loaded through zsh bashcompinit', async () => {
    const bash = await cliInProcess(['completion', 'bash'], { env: {} });
    const zsh = await cliInProcess(['completion', 'zsh'], { env: {} });
    expect(zsh.code).toBe(0);
    expect(zsh.stdout).toContain('autoload -U +X bashcompinit && bashcompinit');
    expect(zsh.stdout.endsWith(bash.stdout)).toBe(true);
  });

  it('an unknown shell exits 2 naming the choices', async () => {
    const run = await cliInProcess(['completion', 'fish'], { env: {} });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/fish.*bash, zsh/s);
  });
});
