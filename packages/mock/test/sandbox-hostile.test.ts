/**
 * The sandbox against careless and hostile callers: malformed URLs, oversized bodies, faults that
 * must only hit what they claim to, and state files that are broken or shared by two sandboxes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../src/index.js';
import {
  call,
  REPO_SPECS,
  vobizHeaders,
  vobizSubAccounts,
  voximplantBearer,
  withSandbox,
} from './support/sandbox.js';

const dir = mkdtempSync(join(tmpdir(), 'tenantkit-sandbox-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function createVobiz(sandbox: Sandbox, name: string): Promise<string> {
  const answer = await call(vobizSubAccounts(sandbox), {
    method: 'POST',
    headers: vobizHeaders(sandbox),
    body: JSON.stringify({ name }),
  });
  expect(answer.status).toBe(201);
  return (answer.body as { sub_account: { auth_id: string } }).sub_account.auth_id;
}

async function listVobizNames(sandbox: Sandbox): Promise<string[]> {
  const answer = await call(vobizSubAccounts(sandbox), { headers: vobizHeaders(sandbox) });
  return (answer.body as { sub_accounts: Array<{ name: string }> }).sub_accounts.map(
    (item) => item.name,
  );
}

/** Whether this machine can listen on IPv6 loopback at all (some CI containers cannot). */
const ipv6Loopback = await new Promise<boolean>((resolve) => {
  const probe = createServer();
  probe.once('error', () => resolve(false));
  probe.listen(0, '::1', () => probe.close(() => resolve(true)));
});

describe('listen address', () => {
  it.each(['0.0.0.0', '::', '192.168.1.10', 'example.com'])(
    'refuses %s: only loopback, nothing another machine can reach',
    async (host) => {
      await expect(
        startSandbox({ providers: ['synthflow'], specs: REPO_SPECS, host }),
      ).rejects.toThrow(`sandbox: host ${host} is not a loopback address`);
    },
  );

  it.runIf(ipv6Loopback)('on ::1 its URL is one a client can call (brackets)', async () => {
    await withSandbox(
      {
        providers: ['synthflow'],
        host: '::1',
      },
      async (sandbox) => {
        expect(sandbox.urls.synthflow).toMatch(/^http:\/\/\[::1\]:\d+$/);
        const answer = await call(`${sandbox.urls.synthflow}/subaccounts/`, {
          headers: { authorization: `Bearer ${sandbox.credentials.synthflow?.apiKey}` },
        });
        expect(answer.status).toBe(200);
      },
    );
  });
});

describe('malformed requests', () => {
  it('a request with no credential gets the challenge as a header, not inside the problem body', async () => {
    await withSandbox({ providers: ['synthflow'] }, async (sandbox) => {
      const answer = await call(`${sandbox.urls.synthflow}/subaccounts/`);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      expect(answer.body).not.toHaveProperty('headers');
    });
  });

  it('a path with broken percent-encoding is the caller’s 400, recorded, not a sandbox crash', async () => {
    await withSandbox({ providers: ['synthflow'] }, async (sandbox) => {
      const answer = await call(`${sandbox.urls.synthflow}/subaccounts/%E0%A4%A`, {
        headers: { authorization: `Bearer ${sandbox.credentials.synthflow?.apiKey}` },
      });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(answer.body).toMatchObject({ status: 400, detail: expect.stringMatching(/percent/) });
      expect(sandbox.violations).toMatchObject([{ side: 'request', status: 400 }]);
      expect(sandbox.exchanges.at(-1)).toMatchObject({ status: 400, method: 'GET' });
    });
  });

  it('a body over 1 MiB is refused with 413 before it is parsed, and creates nothing', async () => {
    await withSandbox({ providers: ['vobiz'] }, async (sandbox) => {
      const body = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });
      const status = await new Promise<number>((resolve, reject) => {
        const sent = request(
          vobizSubAccounts(sandbox),
          { method: 'POST', headers: { ...vobizHeaders(sandbox), 'content-length': body.length } },
          (reply) => {
            reply.resume();
            resolve(reply.statusCode ?? 0);
          },
        );
        sent.on('error', reject);
        sent.end(body);
      });
      expect(status).toBe(413);
      expect(sandbox.violations).toMatchObject([{ side: 'request', status: 413 }]);
      expect(await listVobizNames(sandbox)).toEqual([]);
      // A body within the limit still goes through.
      await createVobiz(sandbox, 'y'.repeat(1000));
      expect(await listVobizNames(sandbox)).toHaveLength(1);
    });
  });
});

describe('faults hit only what they claim to', () => {
  it('a Voximplant create refused inside HTTP 200 made nothing, so its connection is not reset', async () => {
    await withSandbox(
      {
        providers: ['voximplant'],
        faults: { voximplant: { resetAfterCreateRate: 1 } },
      },
      async (sandbox) => {
        const authorization = voximplantBearer(sandbox);
        const add = () =>
          fetch(
            `${sandbox.urls.voximplant}/AddSubUser?new_subuser_name=alice1&new_subuser_password=Passw0rd!x`,
            { method: 'POST', headers: { authorization } },
          );
        // The first one made alice1: processed, then reset (what the fault promises).
        await expect(add()).rejects.toThrow();
        // The second is refused (436, login taken): nothing was made, the answer must arrive.
        const refused = await add();
        expect(refused.status).toBe(200);
        expect(await refused.json()).toEqual({
          error: { code: 436, msg: 'Sub user login is not unique.' },
        });
        expect(sandbox.exchanges.map((exchange) => exchange.fault)).toEqual(['reset', undefined]);
      },
    );
  });
});

describe('state file', () => {
  it('a second sandbox on a state file in use is refused, so neither loses the other’s tenants', async () => {
    const file = join(dir, 'shared.json');
    const first = await startSandbox({ providers: ['vobiz'], specs: REPO_SPECS, state: file });
    try {
      await expect(
        startSandbox({ providers: ['vobiz'], specs: REPO_SPECS, state: file }),
      ).rejects.toThrow(`sandbox: the state file ${file} is in use by process ${process.pid}`);
      await createVobiz(first, 'From the first');
    } finally {
      await first.stop();
    }
    // Once the first stopped, the file is free again and holds its tenant.
    const second = await startSandbox({ providers: ['vobiz'], specs: REPO_SPECS, state: file });
    try {
      expect(await listVobizNames(second)).toEqual(['From the first']);
      // Stopping the first again must not free the file the second now holds.
      await first.stop();
      await expect(
        startSandbox({ providers: ['vobiz'], specs: REPO_SPECS, state: file }),
      ).rejects.toThrow('is in use by process');
    } finally {
      await second.stop();
    }
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('a lock left by a process that is gone is taken over', async () => {
    const file = join(dir, 'stale.json');
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(`${file}.lock`, `${gone}\n`);
    await withSandbox({ providers: ['vobiz'], state: file }, async () => {
      expect(readFileSync(`${file}.lock`, 'utf8').trim()).toBe(String(process.pid));
    });
  });

  it.each([
    ['"garbage"', 'providers.vobiz must be an object'],
    ['{}', 'providers.vobiz.parent must be an object'],
    [
      '{"randomState":1,"parent":{"authId":"MA_X","authToken":"t","accountId":"1","signInToken":"s"},"nextId":1,"subAccounts":null,"numbers":[]}',
      'providers.vobiz.subAccounts must be an array',
    ],
  ])(
    'a state file whose provider state is broken (%s) is refused at start, naming the field',
    async (stored, message) => {
      const file = join(dir, 'broken-provider.json');
      writeFileSync(file, `{"version":1,"providers":{"vobiz":${stored}}}`);
      await expect(
        startSandbox({ providers: ['vobiz'], specs: REPO_SPECS, state: file }),
      ).rejects.toThrow(`sandbox: the state file ${file} is not a sandbox state: ${message}`);
      // Refused means untouched, and no lock left behind.
      expect(readFileSync(file, 'utf8')).toBe(`{"version":1,"providers":{"vobiz":${stored}}}`);
      expect(existsSync(`${file}.lock`)).toBe(false);
    },
  );

  it('secrets land in files only their owner can read, even over a file that was readable by all', async () => {
    const file = join(dir, 'loose.json');
    const credentials = join(dir, 'voximplant-credentials.json');
    // Left behind readable by everyone (an older run, a copy, an umask of 022).
    writeFileSync(credentials, '{}', { mode: 0o644 });
    writeFileSync(`${file}.${process.pid}.tmp`, '{}', { mode: 0o644 });
    await withSandbox({ state: file }, async (sandbox) => {
      const env = sandbox.cliEnvironment(dir);
      expect(env.VOXIMPLANT_CREDENTIALS).toBe(credentials);
      expect(readFileSync(credentials, 'utf8')).toContain('PRIVATE KEY');
      expect(statSync(credentials).mode & 0o777).toBe(0o600);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    });
  });
});
