/**
 * Input edges, in the clients, the facade and the CLI: each bad input gets a clear error naming
 * the field (a ValidationError or ConfigurationError; exit 2 in the CLI), or is handled
 * correctly; nothing is silently dropped, nothing replaces a credential, nothing is echoed.
 */
import { ConfigurationError, type FetchLike, ValidationError } from '@tenantkit/core';
import { createSynthflowClient, type SynthflowRegion } from '@tenantkit/synthflow';
import { startScriptedServer } from '@tenantkit/test-support';
import { createVobizClient } from '@tenantkit/vobiz';
import { createVoximplantClient } from '@tenantkit/voximplant';
import { runCli } from 'tenantkit/cli';
import { afterAll, describe, expect, it } from 'vitest';
import { CANARY, voximplantCredentials } from './support/adapters.js';
import { facadeAt } from './support/facade.js';

const server = await startScriptedServer();
let cases = 0;
let clear = 0;
afterAll(async () => {
  await server.close();
  console.log(
    `input edges: ${cases} bad-input cases, ${clear} with a clear error or correct behaviour`,
  );
});

/** Counts a case; `clear` once its assertions passed. */
async function edge(check: () => unknown): Promise<void> {
  cases++;
  await check();
  clear++;
}

/** A fetch that must not be called: bad input is refused before anything is sent. */
const sent: Request[] = [];
const noFetch: FetchLike = async (request) => {
  sent.push(request);
  return Response.json({});
};

const synthflow = () =>
  createSynthflowClient({
    apiKey: CANARY.synthflowApiKey,
    baseUrl: 'https://s.test',
    fetch: noFetch,
  });
const vobiz = () =>
  createVobizClient({
    authId: 'MA_CANARY01',
    authToken: CANARY.vobizAuthToken,
    baseUrl: 'https://v.test',
    fetch: noFetch,
  });
const voximplant = () =>
  createVoximplantClient({
    credentials: voximplantCredentials,
    baseUrl: 'https://x.test',
    fetch: noFetch,
  });

async function refused(call: () => unknown, field: string | RegExp, rule?: string) {
  sent.length = 0;
  let error: unknown;
  try {
    await call();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).field).toMatch(field);
  if (rule) expect((error as ValidationError).rule).toBe(rule);
  expect(sent).toEqual([]);
}

describe('clients', () => {
  it.each(['constructor', '__proto__', 'toString', 'mars', 'hasOwnProperty'])(
    'synthflow region %s is a ConfigurationError naming region',
    (region) =>
      edge(() => {
        expect(() =>
          createSynthflowClient({ apiKey: 'sk-1234567890', region: region as SynthflowRegion }),
        ).toThrow(ConfigurationError);
        expect(() =>
          createSynthflowClient({ apiKey: 'sk-1234567890', region: region as SynthflowRegion }),
        ).toThrow(/`region` must be one of global, us, eu/);
      }),
  );

  it.each([
    ['synthflow', 'Authorization', () => synthflow()],
    ['synthflow', 'authorization', () => synthflow()],
    ['vobiz', 'X-Auth-Token', () => vobiz()],
    ['vobiz', 'x-auth-id', () => vobiz()],
    ['voximplant', 'AUTHORIZATION', () => voximplant()],
  ] as const)('%s: a per-call %s header cannot replace authentication', (provider, name, make) =>
    edge(async () => {
      const client = make();
      const headers = { [name]: 'Bearer intruder' };
      const call =
        provider === 'synthflow'
          ? () => (client as ReturnType<typeof synthflow>).subaccounts.list({ headers })
          : provider === 'vobiz'
            ? () => (client as ReturnType<typeof vobiz>).subAccounts.list(undefined, { headers })
            : () => (client as ReturnType<typeof voximplant>).roles.groups({ headers });
      await refused(call, `options.headers.${name}`, 'reserved-header');
    }),
  );

  it.each([
    ['a header value with a line break', { headers: { 'X-Trace': 'a\r\nX-Evil: 1' } }, 'headers'],
    ['a header name with a space', { headers: { 'X Trace': 'a' } }, 'headers'],
    ['headers that are a string', { headers: 'X-Trace: a' }, 'headers'],
    ['a signal that is a string', { signal: 'nope' }, 'abort-signal'],
    ['options that are a string', 'nope', 'object'],
  ])('call options: %s is a ValidationError', (_name, options, rule) =>
    edge(() =>
      refused(() => vobiz().subAccounts.get('SA_ABCDEF12', options as never), /^options/, rule),
    ),
  );

  it.each(['__proto__', 'constructor', 'prototype'])(
    'vobiz permissions with a %s key are refused, never sent',
    (key) =>
      edge(() =>
        refused(
          () =>
            vobiz().subAccounts.create({
              name: 'Acme',
              permissions: JSON.parse(`{"calls": true, "${key}": true}`),
            }),
          `permissions.${key}`,
          'safe-key',
        ),
      ),
  );

  it('vobiz permissions given a prototype through a literal __proto__ are refused', () =>
    edge(() =>
      refused(
        () =>
          vobiz().subAccounts.create({
            name: 'Acme',
            // A literal __proto__ sets the prototype: no field, it would vanish silently.
            permissions: { __proto__: { x: 1 } } as never,
          }),
        'permissions',
        'plain-object',
      ),
    ));
});

describe('facade', () => {
  const answering = (body: unknown) =>
    server.script([], {
      status: 200,
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });

  it('list(provider, null) lists, like no options', () =>
    edge(async () => {
      answering({
        status: 'ok',
        response: { subaccounts: [{ subaccount_id: 'sa_1', name: 'A' }] },
      });
      const items = [];
      for await (const item of facadeAt('synthflow', server.url).subaccounts.list(
        'synthflow',
        null as never,
      ))
        items.push(item.id);
      expect(items).toEqual(['sa_1']);
    }));

  it.each([
    ['a string', 'nope', 'options'],
    ['a signal that is a string', { signal: 'nope' }, 'options.signal'],
    ['a limit that is a string', { limit: '3' }, 'limit'],
  ])('list(provider, %s) is a ValidationError', (_name, options, field) =>
    edge(async () => {
      answering({ result: [] });
      const walk = async () => {
        for await (const _ of facadeAt('voximplant', server.url).subaccounts.list(
          'voximplant',
          options as never,
        ));
      };
      const error = await walk().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe(field);
    }),
  );

  it('voximplant update with currentPassword alone is a ValidationError, nothing sent', () =>
    edge(async () => {
      answering({ result: 1 });
      const error = await facadeAt('voximplant', server.url)
        .subaccounts.update('voximplant', '7', { currentPassword: 'Old_pass1!' })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ field: 'password', rule: 'required-with' });
      expect(server.requests).toEqual([]);
    }));

  it('voximplant update with an empty roles change is a ValidationError, nothing sent', () =>
    edge(async () => {
      answering({ result: 1 });
      const error = await facadeAt('voximplant', server.url)
        .subaccounts.update('voximplant', '7', { roles: {} })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ field: 'roles', rule: 'non-empty' });
      expect(server.requests).toEqual([]);
    }));

  it.each([
    [
      'synthflow',
      { status: 'ok', response: { answer: 'deleted', api_key: 'sf-deleted-key-91b2c3' } },
    ],
    ['vobiz', { message: 'deleted', auth_token: 'vobiz-deleted-token-77e1' }],
  ] as const)('%s delete answers raw with its secrets redacted', (provider, body) =>
    edge(async () => {
      answering(body);
      const id = provider === 'synthflow' ? 'sa_1' : 'SA_ABCDEF12';
      const result = await facadeAt(provider, server.url).subaccounts.delete(provider, id);
      expect(JSON.stringify(result)).not.toMatch(/sf-deleted-key|vobiz-deleted-token/);
      expect(JSON.stringify(result.raw)).toContain('[REDACTED]');
    }),
  );
});

describe('CLI', () => {
  const run = async (argv: string[], env: Record<string, string> = {}) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      env,
    });
    return { code, stdout, stderr };
  };
  const synthflowEnv = () => ({
    SYNTHFLOW_API_KEY: CANARY.synthflowApiKey,
    TENANTKIT_SYNTHFLOW_BASE_URL: server.url,
  });
  const vobizEnv = () => ({
    VOBIZ_AUTH_ID: 'MA_CANARY01',
    VOBIZ_AUTH_TOKEN: CANARY.vobizAuthToken,
    TENANTKIT_VOBIZ_BASE_URL: server.url,
  });

  it.each([
    ['--limit', ['update', 'synthflow', 'sa_1', '--limit', '__proto__=1'], synthflowEnv],
    ['--limit', ['update', 'synthflow', 'sa_1', '--limit', 'constructor=1'], synthflowEnv],
    [
      '--extra',
      ['create', 'synthflow', '--name', 'A', '--extra', '__proto__={"x":1}'],
      synthflowEnv,
    ],
    ['--extra', ['create', 'synthflow', '--name', 'A', '--extra', 'constructor=1'], synthflowEnv],
    [
      '--permission',
      ['create', 'vobiz', '--name', 'A', '--permission', '__proto__=true'],
      vobizEnv,
    ],
    [
      '--permission',
      ['create', 'vobiz', '--name', 'A', '--permission', 'constructor=true'],
      vobizEnv,
    ],
  ])('%s with a prototype name exits 2 naming the flag, nothing sent (%s)', (flag, argv, env) =>
    edge(async () => {
      server.script([], { status: 500 });
      const result = await run(argv, env());
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(flag);
      expect(server.requests).toEqual([]);
    }),
  );

  it.each(['mars', 'constructor', 'toString'])(
    '--synthflow-region %s exits 2 naming region',
    (region) =>
      edge(async () => {
        const result = await run(
          ['--synthflow-region', region, 'get', 'synthflow', 'sa_1'],
          synthflowEnv(),
        );
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/`region` must be one of/);
      }),
  );

  it('update voximplant 7 --current-password x alone exits 2 naming password', () =>
    edge(async () => {
      const { throwawayVoximplantKey } = await import('@tenantkit/mock');
      const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { tmpdir } = await import('node:os');
      const dir = mkdtempSync(join(tmpdir(), 'tenantkit-edges-'));
      try {
        const file = join(dir, 'credentials.json');
        writeFileSync(file, JSON.stringify(throwawayVoximplantKey({ shared: true }).credentials));
        server.script([], { status: 500 });
        const result = await run(
          ['update', 'voximplant', '7', '--current-password', 'Old_pass1!'],
          {
            VOXIMPLANT_CREDENTIALS: file,
            TENANTKIT_VOXIMPLANT_BASE_URL: server.url,
          },
        );
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/password .*required with currentPassword/);
        expect(result.stderr).not.toContain('Old_pass1!');
        expect(server.requests).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }));

  it('a mistyped credential flag exits 2 without echoing its value', () =>
    edge(async () => {
      const result = await run([
        `--vobiz-auth-tokn=${CANARY.vobizAuthToken}`,
        'get',
        'vobiz',
        'SA_X',
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/unknown option '--vobiz-auth-tokn=\[REDACTED\]'/);
      expect(result.stderr).not.toContain(CANARY.vobizAuthToken);
    }));

  it('--json delete prints raw with its secrets redacted', () =>
    edge(async () => {
      server.script([], {
        status: 200,
        body: JSON.stringify({
          status: 'ok',
          response: { answer: 'deleted', api_key: 'sf-deleted-key-91b2c3' },
        }),
        headers: { 'content-type': 'application/json' },
      });
      const result = await run(['--json', 'delete', 'synthflow', 'sa_1'], synthflowEnv());
      expect(result.code).toBe(0);
      expect(result.stdout).not.toContain('sf-deleted-key-91b2c3');
      expect(JSON.parse(result.stdout)).toMatchObject({
        raw: { api_key: '[REDACTED]' },
      });
    }));
});
