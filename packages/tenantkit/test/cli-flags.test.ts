/**
 * The CLI's global and secret flags, against a scripted Voximplant (issue 14 item 6). In process
 * (`runCli`), but for the one test of the binary's own stdin:
 * - input and usage errors exit 2 before any server starts, `--mock` included (it used to start
 *   Prism first, then refuse the input: seconds of waiting for nothing). A spy on
 *   `net.Server.prototype.listen` sees every server that starts listening.
 * - `--timeout` and `--max-retries` reach the client, and bad values name the flag and the rule.
 * - passwords from stdin or a named variable reach the provider and never the output.
 */
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cliInProcess, spawnCli } from './cli-runs.js';
import {
  json,
  type ScriptedVoximplant,
  scriptedVoximplant,
  subUserPage,
} from './scripted-voximplant.js';

/** Runs the CLI in process and says whether any server started listening meanwhile. */
async function probed(args: string[]) {
  const listen = vi.spyOn(net.Server.prototype, 'listen');
  try {
    const run = await cliInProcess(args, { env: {}, stdoutIsTTY: false });
    return { ...run, listened: listen.mock.calls.length > 0 };
  } finally {
    listen.mockRestore();
  }
}

let vox: ScriptedVoximplant;
beforeAll(async () => {
  vox = await scriptedVoximplant();
});
beforeEach(() => {
  vox.seen.length = 0;
});
afterAll(() => vox.close());

describe('input checked before anything starts', () => {
  it.each([
    ['a field the provider cannot honour', ['create', 'synthflow', '--name', 'Acme', '--disable']],
    ['an unknown provider', ['get', 'plivo', 'x']],
    ['a number that is not E.164', ['numbers', 'assign', 'vobiz', '09876543210', 'SA_XXXXXXXX']],
    ['a bad --timeout', ['--timeout', '0', 'list', 'vobiz']],
    ['an unset --password-env', ['create', 'vobiz', '--name', 'A', '--password-env', 'TK_UNSET']],
  ])('--mock with %s exits 2 and starts no server', async (_label, args) => {
    const run = await probed(['--mock', ...args]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.listened).toBe(false);
  });

  it('--mock with a valid call does start its mock (the spy sees it)', async () => {
    const run = await probed(['--mock', 'get', 'vobiz', 'SA_XXXXXXXX']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.listened).toBe(true);
    expect(run.stdout).toContain('id\tSA_XXXXXXXX');
  });
});

describe('--timeout and --max-retries', () => {
  it.each([
    [['--timeout', 'soon'], '--timeout', 'integer 1–2147483647'],
    [['--timeout', '0'], '--timeout', 'integer 1–2147483647'],
    [['--timeout', '2147483648'], '--timeout', 'integer 1–2147483647'],
    [['--max-retries=-1'], '--max-retries', 'integer 0–20'],
    [['--max-retries', '21'], '--max-retries', 'integer 0–20'],
    [['--max-retries', '1.5'], '--max-retries', 'integer 0–20'],
  ])('%j exits 2 naming the flag and the rule, sending nothing', async (flags, flag, rule) => {
    const run = await cliInProcess([...flags, 'list', 'voximplant'], { env: vox.env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${flag} must be a whole number`);
    expect(run.stderr).toContain(`(rule: ${rule})`);
    expect(vox.seen).toEqual([]);
  });

  it('--timeout ends a request the provider never answers (exit 1)', async () => {
    vox.answer = () => ({ hang: true }); // never answers; close() drops the connection
    const run = await cliInProcess(
      ['--timeout', '300', '--max-retries', '0', 'list', 'voximplant'],
      {
        env: vox.env,
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no response within 300 ms');
    expect(vox.seen).toHaveLength(1);
  });

  it.each([
    [0, 1],
    [1, 2],
  ])('--max-retries %i against a 503: %i request(s)', async (retries, requests) => {
    vox.answer = () => json(503, { error: { code: 503, msg: 'busy' } });
    const run = await cliInProcess(['--max-retries', String(retries), 'list', 'voximplant'], {
      env: vox.env,
    });
    expect(run.code).toBe(1);
    expect(vox.seen).toHaveLength(requests);
  });
});

describe('passwords from stdin or the environment', () => {
  const answerCreate = () => {
    vox.answer = ({ method }) =>
      method === 'AddSubUser'
        ? json(200, { result: { subuser_id: 7 } })
        : json(200, subUserPage([], 0));
  };
  const sentPassword = () =>
    vox.seen.find((seen) => seen.method === 'AddSubUser')?.params.get('new_subuser_password');

  it('--password-stdin: the password reaches the provider, one trailing line break dropped', async () => {
    answerCreate();
    const password = 'Stdin-Pa55word!';
    // The binary itself: its stdin is what is read.
    const run = await spawnCli(
      ['--debug', 'create', 'voximplant', '--name', 'acme_dental', '--password-stdin'],
      { env: vox.env, stdin: `${password}\n` },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(sentPassword()).toBe(password);
    expect(run.stdout).toContain('id\t7'); // a pipe: TSV
    expect(`${run.stdout}${run.stderr}`).not.toContain(password);
  });

  it('--password-env NAME: the password comes from that variable', async () => {
    answerCreate();
    const password = 'Env-Pa55word!';
    const run = await cliInProcess(
      ['--debug', 'create', 'voximplant', '--name', 'acme_dental', '--password-env', 'TK_PW'],
      { env: { ...vox.env, TK_PW: password } },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(sentPassword()).toBe(password);
    expect(`${run.stdout}${run.stderr}`).not.toContain(password);
  });

  it('a provider answer that echoes the password from stdin prints it redacted', async () => {
    const password = 'Echoed-Pa55word!';
    vox.answer = ({ method }) =>
      method === 'GetSubUsers'
        ? json(200, {
            result: [{ subuser_id: 7, subuser_name: 'acme_dental', description: `pw ${password}` }],
            count: 1,
            total_count: 1,
          })
        : json(200, { result: 1 });
    const run = await cliInProcess(
      ['update', 'voximplant', '7', '--password-stdin', '--current-password-env', 'TK_OLD'],
      { env: { ...vox.env, TK_OLD: 'Old-Pa55word!' }, stdin: password, stdoutIsTTY: false },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(vox.seen.map((seen) => seen.params.get('new_subuser_password'))).toContain(password);
    expect(run.stdout).toContain('description\tpw [REDACTED]');
    expect(`${run.stdout}${run.stderr}`).not.toContain(password);
  });

  it('a provider error that quotes the password from stdin prints it redacted', async () => {
    const password = 'Echoed-Pa55word!';
    vox.answer = () => json(200, { error: { code: 125, msg: `Password ${password} is too weak` } });
    const run = await cliInProcess(
      ['create', 'voximplant', '--name', 'acme_dental', '--password-stdin'],
      {
        env: vox.env,
        stdin: password,
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Password [REDACTED] is too weak');
    expect(`${run.stdout}${run.stderr}`).not.toContain(password);
  });

  it.each([
    [
      ['--password-env', 'TK_UNSET'],
      '',
      /--password-env names TK_UNSET, which is not set.*rule: set/,
    ],
    [['--password-stdin'], '', /--password-stdin read nothing from stdin.*rule: non-empty/],
    [['--password-stdin'], '\n', /--password-stdin read nothing from stdin/],
    [['--password', 'x', '--password-stdin'], 'y', /cannot be used with option '--password/],
    [
      ['--password-stdin', '--current-password-stdin'],
      'z',
      /--password-stdin, --current-password-stdin cannot all read stdin.*rule: one-stdin/,
    ],
  ])('%j exits 2 with a clear error, sending nothing', async (flags, stdin, message) => {
    const run = await cliInProcess(['update', 'voximplant', '7', ...flags], {
      env: vox.env,
      stdin,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(vox.seen).toEqual([]);
  });
});
