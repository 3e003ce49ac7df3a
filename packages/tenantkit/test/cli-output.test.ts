/**
 * The CLI's output forms against a scripted Voximplant (in process; the binary spawned where its
 * own wiring is tested: stdout a pipe, stdout closed early): `list` prints
 * each page as it arrives (issue 14 item 6: it buffered every page and printed at the end), TSV
 * when stdout is not a terminal, `--output table|json|tsv`, `--json` as `--output json`, and
 * provider text escaped in every form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess, spawnCli } from './cli-runs.js';
import {
  json,
  type ScriptedVoximplant,
  scriptedVoximplant,
  subUserPage,
} from './scripted-voximplant.js';

let vox: ScriptedVoximplant;
beforeAll(async () => {
  vox = await scriptedVoximplant();
});
afterAll(() => vox.close());

/** If the CLI never prints page 1 on its own, page 2 is let go after this (and the test fails). */
const FALLBACK_MS = 15_000;

describe('list prints each page as it arrives', () => {
  it.each([
    ['tsv (stdout is a pipe)', [], 'first-page-user'],
    ['--output table', ['--output', 'table'], '│ 1  │ first-page-user'],
    ['--output json', ['--output', 'json'], '"name": "first-page-user"'],
  ])('%s: page 1 is on stdout while page 2 is held', async (_label, flags, page1Text) => {
    const events: string[] = [];
    let release: (why: string) => void = () => {};
    const page2 = new Promise<string>((resolve) => {
      release = resolve;
    });
    vox.answer = async ({ method, params }) => {
      if (method !== 'GetSubUsers') return json(404, {});
      const offset = Number(params.get('offset') ?? 0);
      if (offset === 0) return json(200, subUserPage([{ id: 1, name: 'first-page-user' }], 2));
      // Voximplant's walk ends on a short page.
      if (offset > 1) return json(200, subUserPage([], 2));
      events.push('page 2 requested');
      const timer = setTimeout(() => release('fallback'), FALLBACK_MS);
      events.push(`page 2 released by ${await page2}`);
      clearTimeout(timer);
      return json(200, subUserPage([{ id: 2, name: 'second-page-user' }], 2));
    };
    const run = await cliInProcess([...flags, 'list', 'voximplant', '--page-size', '1'], {
      env: vox.env,
      stdoutIsTTY: false,
      onStdout(stdout) {
        if (stdout.includes(page1Text) && !events.includes('page 1 on stdout')) {
          events.push('page 1 on stdout');
          release('the test');
        }
      },
    });
    expect(run.code, run.stderr).toBe(0);
    // Page 1 reached stdout before page 2 was answered (not by the fallback), whichever of
    // "page 1 printed" and "page 2 asked for" came first.
    expect([...events].sort()).toEqual([
      'page 1 on stdout',
      'page 2 released by the test',
      'page 2 requested',
    ]);
    expect(events.at(-1)).toBe('page 2 released by the test');
    expect(run.stdout).toContain('second-page'); // a table may wrap it within page 1's widths
  });

  it('the streamed forms are whole: one JSON array, one table, one TSV header', async () => {
    const users = [1, 2, 3].map((id) => ({ id, name: `user-${id}` }));
    vox.answer = ({ params }) => {
      const offset = Number(params.get('offset') ?? 0);
      return json(200, subUserPage(users.slice(offset, offset + 1), users.length));
    };
    const asJson = await cliInProcess(['list', 'voximplant', '--page-size', '1', '--json'], {
      env: vox.env,
    });
    const parsed = JSON.parse(asJson.stdout) as Array<{ id: string }>;
    expect(parsed.map((account) => account.id)).toEqual(['1', '2', '3']);
    // Byte for byte what printing the whole list at once gives.
    expect(asJson.stdout).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    const table = await cliInProcess(['-o', 'table', 'list', 'voximplant', '--page-size', '1'], {
      env: vox.env,
    });
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('┌'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('└'))).toHaveLength(1);
    expect(lines.at(-1)).toBe('3 sub-account(s) on voximplant');
    // One column width for every page.
    expect(new Set(lines.slice(0, -1).map((line) => line.length)).size).toBe(1);
    const tsv = await cliInProcess(['list', 'voximplant', '--page-size', '1'], {
      env: vox.env,
      stdoutIsTTY: false,
    });
    expect(tsv.stdout.split('\n').filter((line) => line.startsWith('id\t'))).toHaveLength(1);
    expect(tsv.stdout.trimEnd().split('\n')).toHaveLength(4);
  });
});

describe('a reader that stops early', () => {
  it('list | head: the CLI stops quietly when stdout is closed (exit 0, no EPIPE stack)', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    vox.answer = async ({ params }) => {
      const offset = Number(params.get('offset') ?? 0);
      if (offset > 0) await held; // until the reader has gone
      return json(
        200,
        subUserPage(offset < 2 ? [{ id: offset + 1, name: `user-${offset}` }] : [], 2),
      );
    };
    const run = await spawnCli(['list', 'voximplant', '--page-size', '1'], {
      env: vox.env,
      onStdout(stdout, close) {
        if (!stdout.includes('user-0')) return;
        close();
        release();
      },
    });
    expect(run.stderr).not.toContain('EPIPE');
    expect(run.code).toBe(0);
  });
});

describe('output forms', () => {
  const hostile = 'tab\there\nnew line\u001b[2K\rback\\slash';
  const answerHostile = () => {
    vox.answer = ({ method }) =>
      method === 'GetSubUsers'
        ? json(200, subUserPage([{ id: 7, name: hostile }], 1))
        : json(404, {});
  };

  it('TSV in a pipe: a header line, one line per row, tabs and line breaks escaped', async () => {
    answerHostile();
    const run = await spawnCli(['list', 'voximplant'], { env: vox.env });
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('id\tname\temail\tenabled\tlimits\tcreatedAt');
    expect(lines[1]?.split('\t')).toEqual([
      '7',
      'tab\\there\\nnew line\\u{1b}[2K\\rback\\\\slash',
      '',
      '',
      '',
      '',
    ]);
    expect(lines.slice(2)).toEqual(['']);
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).not.toContain('\r');
  });

  it('get in TSV (stdout not a terminal): field and value per line; --output table gives the table', async () => {
    vox.answer = ({ method }) =>
      method === 'GetSubUsers'
        ? json(200, subUserPage([{ id: 7, name: 'front_desk' }], 1))
        : json(404, {});
    const tsv = await cliInProcess(['get', 'voximplant', '7'], {
      env: vox.env,
      stdoutIsTTY: false,
    });
    expect(tsv.code, tsv.stderr).toBe(0);
    expect(tsv.stdout).toContain('provider\tvoximplant\nid\t7\nname\tfront_desk\n');
    const table = await cliInProcess(['get', 'voximplant', '7', '--output', 'table'], {
      env: vox.env,
    });
    expect(table.stdout).toMatch(/│ name\s+│ front_desk\s+│/);
  });

  it('--json and --output json print the same; an unknown format exits 2 naming the choices', async () => {
    answerHostile();
    const alias = await cliInProcess(['list', 'voximplant', '--json'], { env: vox.env });
    const named = await cliInProcess(['list', 'voximplant', '--output', 'json'], { env: vox.env });
    expect(alias.code).toBe(0);
    expect(alias.stdout).toBe(named.stdout);
    expect((JSON.parse(alias.stdout) as Array<{ name: string }>)[0]?.name).toBe(hostile);
    const bad = await cliInProcess(['list', 'voximplant', '--output', 'yaml'], { env: vox.env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--output.*yaml.*table, json, tsv/s);
  });

  it('a table escapes control characters from the provider (the existing rule)', async () => {
    answerHostile();
    const run = await cliInProcess(['list', 'voximplant', '-o', 'table'], { env: vox.env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('\\u{1b}[2K');
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).not.toContain('\r');
  });
});
