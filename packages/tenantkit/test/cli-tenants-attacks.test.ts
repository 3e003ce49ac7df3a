/**
 * Regression tests for what an adversarial review of `tenantkit tenants` found (branch a14), each
 * named after the defect it pins. The CLI against the stateful sandbox, as a user runs it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from '@tenantkit/mock';
import { beforeAll, describe, expect, it } from 'vitest';
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
});
