/**
 * Regression: the CLI scrubbed its stdout of the credentials the user gave it, but not of the JWT
 * the Voximplant client signs from them (a bearer credential, valid up to an hour). A provider
 * answer that echoed it in an ordinary field (`subuser_name`) was printed as is, in the table and
 * in `--json`. Real HTTP: the CLI runs in process against a loopback server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { throwawayVoximplantKey } from '@tenantkit/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../src/cli/index.js';

const credentials = JSON.stringify(throwawayVoximplantKey().credentials);
const jwts = new Set<string>();
let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    const jwt = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? 'no-token';
    jwts.add(jwt);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        result: [{ subuser_id: 7, subuser_name: jwt, description: `issued ${jwt}` }],
        count: 1,
        total_count: 1,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function cli(...args: string[]) {
  let out = '';
  const code = await runCli(['--base-url', baseUrl, ...args], {
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
