/**
 * Regression: the CLI scrubbed its stdout of the credentials the user gave it, but not of the JWT
 * the Voximplant client signs from them (a bearer credential, valid up to an hour). A provider
 * answer that echoed it in an ordinary field (`subuser_name`) was printed as is, in the table and
 * in `--json`. Real HTTP: the CLI runs in process against a loopback server.
 */
import { throwawayVoximplantKey } from '@tenantkit/mock';
import { json, type ScriptedServer, startScriptedServer } from '@tenantkit/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../src/cli/index.js';

const credentials = JSON.stringify(throwawayVoximplantKey({ shared: true }).credentials);
const jwts = new Set<string>();
let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
  // Every answer echoes the bearer token the request carried, in ordinary fields.
  server.script([], (request) => {
    const jwt = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? 'no-token';
    jwts.add(jwt);
    return json(200, {
      result: [{ subuser_id: 7, subuser_name: jwt, description: `issued ${jwt}` }],
      count: 1,
      total_count: 1,
    });
  });
});
afterAll(() => server.close());

async function cli(...args: string[]) {
  let out = '';
  const code = await runCli(['--base-url', server.url, ...args], {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      out += text;
    },
    env: { VOXIMPLANT_CREDENTIALS: credentials },
  });
  return { code, out };
}

describe('CLI stdout and the JWT the client signed', () => {
  it.each([[[]], [['--json']], [['--debug']]])(
    '%j list voximplant: the echoed JWT is redacted',
    async (flags) => {
      jwts.clear();
      const { code, out } = await cli(...flags, 'list', 'voximplant');
      expect(code).toBe(EXIT.ok);
      expect(jwts.size).toBeGreaterThan(0);
      for (const jwt of jwts) expect(out).not.toContain(jwt);
      expect(out).toContain('[REDACTED]');
    },
  );

  it('--json stays valid JSON', async () => {
    const { out } = await cli('--json', 'list', 'voximplant');
    expect(() => JSON.parse(out)).not.toThrow();
  });
});
