/**
 * Regression tests for what an adversarial review of `tenantkit tenants` found (branch a14), each
 * named after the defect it pins. The CLI against the stateful sandbox, as a user runs it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from '@tenantkit/mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/index.js';
import { useSandboxFacade } from './support/sandbox.js';

const sandboxed = useSandboxFacade({ serve: ['vobiz', 'voximplant'], facade: ['vobiz'] });
const { dir } = sandboxed;
let sandbox: Sandbox;
beforeAll(() => {
  ({ sandbox } = sandboxed);
});
const tenantkit = sandboxed.cli;

const writes = (from: number) =>
  sandbox.exchanges.slice(from).filter((e) => !/^(get|list)/i.test(e.operationId ?? ''));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('tenantkit tenants, attacked', () => {
  it('a password written in the file: the error says what to write instead (not scrubbed away)', async () => {
    const path = file(
      'inline.yaml',
      'version: 1\nprefix: ca1-\ntenants:\n  acme:\n    vobiz: { password: "hunter2-Secret!" }\n',
    );
    const result = await tenantkit(['tenants', 'plan', '-f', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${path}:5:24: tenant acme, vobiz, field tenants.acme.vobiz.password — must be { env: NAME } or { generate: true } (a secret is never written in the file) (rule: oneOf)`,
    );
    expect(result.stderr).not.toContain('hunter2');
  });

  it('a YAML alias bomb: exit 2 with its line, nothing sent', async () => {
    const path = file(
      'bomb.yaml',
      `version: 1\nprefix: ca2-\ntenants:\n  acme:\n    xa: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n    xb: &b [${Array(10).fill('*a').join(', ')}]\n    xc: [${Array(10).fill('*b').join(', ')}]\n`,
    );
    const mark = sandbox.exchanges.length;
    const result = await tenantkit(['tenants', 'plan', '-f', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(`${path}:6:\\d+: field \\(file\\) — .*rule: yaml-aliases`),
    );
    expect(sandbox.exchanges.length).toBe(mark);
  });

  it('a refused apply (a variable not set) leaves no empty secrets file: the re-run may use the same path', async () => {
    const path = file(
      'env.yaml',
      'version: 1\nprefix: ca3-\ntenants:\n  acme:\n    vobiz: { password: { env: CA3_PASSWORD } }\n',
    );
    const secrets = join(dir, 'ca3-secrets.jsonl');
    const mark = sandbox.exchanges.length;
    const refused = await tenantkit(['tenants', 'apply', '-f', path, '--secrets-out', secrets]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('CA3_PASSWORD (tenant acme, vobiz, password)');
    expect(writes(mark)).toEqual([]);
    expect(existsSync(secrets)).toBe(false);

    // The password generated instead: the same path takes the secrets this time.
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('{ env: CA3_PASSWORD }', '{ generate: true }'),
    );
    const applied = await tenantkit(['tenants', 'apply', '-f', path, '--secrets-out', secrets]);
    expect(applied.code).toBe(0);
    expect(readFileSync(secrets, 'utf8')).toContain('"field":"authToken"');
  });

  it('--secrets-out where no file can be made: exit 2 naming the path, nothing sent', async () => {
    const path = file('one.yaml', 'version: 1\nprefix: ca4-\ntenants:\n  acme:\n    vobiz: {}\n');
    const notADirectory = file('plain-file', 'not a directory');
    const secrets = join(notADirectory, 'secrets.jsonl');
    const mark = sandbox.exchanges.length;
    const result = await tenantkit(['tenants', 'apply', '-f', path, '--secrets-out', secrets]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot create the secrets file ${secrets} (ENOTDIR)`);
    expect(writes(mark)).toEqual([]);
  });

  it('Ctrl-C mid-apply: those in flight finish, their secrets are kept, exit 130; the re-run finishes', async () => {
    const path = file(
      'interrupted.yaml',
      'version: 1\nprefix: ca5-\ntenants:\n  a: { vobiz: {} }\n  b: { vobiz: {} }\n  c: { vobiz: {} }\n',
    );
    const secrets = join(dir, 'ca5-secrets.jsonl');
    let interrupt: (() => void) | undefined;
    let stderr = '';
    const code = await runCli(
      ['--json', 'tenants', 'apply', '-f', path, '--secrets-out', secrets, '--concurrency', '2'],
      {
        // Ctrl-C as the first item is reported: the second create is in flight.
        stdout: (text) => {
          if (text.includes('"type":"item"')) interrupt?.();
        },
        stderr: (text) => {
          stderr += text;
        },
        env: sandbox.cliEnvironment(dir),
        onInterrupt(handler) {
          interrupt = () => {
            interrupt = undefined;
            handler();
          };
          return () => {
            interrupt = undefined;
          };
        },
      },
    );
    expect(code).toBe(130);
    expect(stderr).toContain('Interrupted: 1 item(s) not started; apply again to finish.');
    const kept = readFileSync(secrets, 'utf8').trim().split('\n');
    expect(kept.map((line) => JSON.parse(line).field).sort()).toEqual([
      'authId',
      'authId',
      'authToken',
      'authToken',
    ]);
    const again = await tenantkit([
      'tenants',
      'apply',
      '-f',
      path,
      '--secrets-out',
      `${secrets}.2`,
    ]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Converged: 1 created, 2 unchanged.');
  });

  it('--json --show-secrets: every line of stdout is still one JSON object, a secret too', async () => {
    const path = file('show.yaml', 'version: 1\nprefix: ca6-\ntenants:\n  acme: { vobiz: {} }\n');
    const result = await tenantkit(['--json', 'tenants', 'apply', '-f', path, '--show-secrets']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    const events = lines.map((line) => JSON.parse(line) as { type: string; field?: string });
    expect(events.map((event) => event.type)).toEqual(['start', 'secret', 'secret', 'item', 'end']);
    expect(events.filter((event) => event.type === 'secret').map((event) => event.field)).toEqual([
      'authId',
      'authToken',
    ]);
  });
});
