/**
 * Regression: the CLI printed provider text raw. A numbers list whose `e164` held `ESC [2K CR`
 * could erase and rewrite the row on the user's terminal, and an error message could set the
 * window title or hide itself. Real HTTP: the CLI runs in process against a loopback server.
 */
import { json, type ScriptedServer, startScriptedServer } from '@tenantkit/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../src/cli/index.js';

/** ESC, CR, BEL, a C1 CSI and a right-to-left override: none may reach the terminal as such. */
const HOSTILE = ['\u001b', '\r', '\u0007', '\u009b', '\u202e'];
const hostileIn = (text: string) => HOSTILE.filter((char) => text.includes(char));

let answer: { status: number; body: unknown };
let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
  server.script([], () => json(answer.status, answer.body));
});
afterAll(() => server.close());

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--base-url', server.url, ...args], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: { VOBIZ_AUTH_ID: 'MA_PARENT01', VOBIZ_AUTH_TOKEN: 'parent-token-canary-6633' },
  });
  return { code, stdout, stderr };
}

describe('CLI output of provider text', () => {
  it('a table shows control characters and bidi overrides from the provider as visible escapes', async () => {
    answer = {
      status: 200,
      body: {
        items: [
          {
            id: '1',
            e164: '+919876543210\u001b[2K\r+910000000000',
            status: 'act\u202eevi',
            country: 'IN\u0007\u009b31m',
          },
        ],
        page: 1,
        per_page: 100,
        total: 1,
      },
    };
    const { code, stdout } = await cli('numbers', 'list', 'vobiz');
    expect(code).toBe(EXIT.ok);
    expect(hostileIn(stdout)).toEqual([]);
    expect(stdout).toContain('+919876543210\\u{1b}[2K\\u{d}+910000000000');
    expect(stdout).toContain('act\\u{202e}evi');
  });

  it('an error message quoting the provider cannot drive the terminal', async () => {
    answer = {
      status: 403,
      body: { status: 'error', message: 'denied\u001b]0;all good\u0007\r\u001b[2K' },
    };
    const { code, stderr } = await cli('numbers', 'unassign', 'vobiz', '+919876543210', '--force');
    expect(code).toBe(EXIT.providerError);
    expect(hostileIn(stderr)).toEqual([]);
    expect(stderr).toContain('denied\\u{1b}]0;all good');
  });

  it('with --debug, the stack and the request logs cannot drive the terminal either', async () => {
    // The first line was escaped, but the stack (which repeats the message) and the logged
    // body (JSON.stringify leaves C1 controls and bidi overrides as they are) went out raw.
    answer = {
      status: 400,
      body: { message: 'bad\u001b[2J\u001b]8;;http://evil.example\u0007here\u009b31m \u202eevil' },
    };
    const { code, stderr } = await cli('--debug', 'get', 'vobiz', 'SA_AAAAAAAA');
    expect(code).toBe(EXIT.providerError);
    expect(stderr).toContain('BadRequestError'); // the stack is there
    expect(stderr).toContain('tenantkit response'); // and the request log
    expect(hostileIn(stderr)).toEqual([]);
    expect(stderr).toContain('bad\\u{1b}[2J');
  });

  it('line breaks in a cell still wrap it (they are not escaped)', async () => {
    answer = {
      status: 200,
      body: {
        items: [{ id: '1', e164: '+919876543210', status: 'active\nported' }],
        page: 1,
        per_page: 100,
        total: 1,
      },
    };
    const { stdout } = await cli('numbers', 'list', 'vobiz');
    expect(stdout).not.toContain('\\u{a}');
    expect(stdout).toContain('ported');
  });
});
