/**
 * Leak matrix: every secret kind (parent credentials, the Voximplant JWT and private key,
 * passwords sent, one-time credentials received, values sent in `extra`) × every error path
 * (4xx/5xx echoing the secrets as is, URL-encoded, base64 and HTML-escaped; a secret straddling
 * the message cut or the body cut; timeouts; resets; TLS and DNS failures; credential loading)
 * × every channel (message, stack, cause chain, JSON.stringify, util.inspect at depth 20, the
 * logger, the client's own inspection, and the CLI's stdout/stderr with and without --debug and
 * --json). Every probe looks for every encoding of the secret and every 16-character window of
 * it. Zero hits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { type ReceivedRequest, type Step, startScriptedServer } from '@tenantkit/test-support';
import type { Provider } from 'tenantkit';
import { runCli } from 'tenantkit/cli';
import { afterAll, describe, expect, it } from 'vitest';
import { CANARY, voximplantCredentials } from './support/adapters.js';
import type { LeakTarget } from './support/cell-kit.js';
import { CELLS, cellsOf, missingCells } from './support/cells.js';
import {
  type Encoding,
  encoders,
  errorChannels,
  LeakCounter,
  PASSWORD,
  recordingLogger,
} from './support/leaks.js';
import { tls } from './support/tls.js';

const server = await startScriptedServer();
const untrusted = await startScriptedServer({ tls });
const UNRESOLVABLE = 'http://tenantkit-leak-probe.invalid';
const counter = new LeakCounter();
let cellsRun = 0;
const tempDir = mkdtempSync(join(tmpdir(), 'tenantkit-leaks-'));
afterAll(async () => {
  await Promise.all([server.close(), untrusted.close()]);
  rmSync(tempDir, { recursive: true, force: true });
  console.log(
    `leak matrix: ${cellsRun} cells, ${counter.probes} probes, ${counter.hits.length} hits`,
  );
});

/** The bearer tokens the server saw: Voximplant's JWTs (Synthflow's is its API key). */
const jwtsIn = (requests: ReceivedRequest[]) =>
  requests
    .map((request) => request.headers.authorization?.replace(/^Bearer /, ''))
    .filter((token): token is string => token?.startsWith('eyJ') === true);

/** Each provider's `leak` cells (test/cells/<provider>.ts), in the registry's order. */
type Target = LeakTarget & { provider: Provider };
const targets: Target[] = CELLS.map((cells) => ({
  provider: cells.provider,
  ...cells.leak.target,
}));

it('the matrix covers every provider of the registry', () => {
  expect(missingCells(), 'providers without test/cells/<provider>.ts').toEqual([]);
});

const json = (status: number, body: unknown): Step => ({
  status,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

/**
 * Every secret the client knows when `request` arrives (its JWT included): only those can leak.
 * `primed`: the one-time credentials were handed out before; `sent`: the password went out.
 */
function known(target: Target, request: ReceivedRequest, primed: boolean, sent: boolean) {
  const jwts = Object.fromEntries(jwtsIn([request]).map((jwt) => ['JWT', jwt]));
  return {
    ...target.parent,
    ...(sent ? target.sent : {}),
    ...(primed ? target.received : {}),
    ...jwts,
  };
}

/** A header-safe secret to echo in a request-id header: the JWT, else the parent credential. */
const headerSecret = (secrets: Record<string, string>) =>
  secrets.JWT ?? Object.values(secrets).find((value) => /^[\x21-\x7e]+$/.test(value)) ?? '';

type Path =
  | { name: string; kind: 'echo'; status: 'client' | 'server'; encoding: Encoding }
  | { name: string; kind: 'straddle'; cut: 'message' | 'body'; secret: string }
  | { name: string; kind: 'timeout' | 'reset' | 'tls' | 'dns' };

function pathsFor(target: Target): Path[] {
  const names = [
    ...Object.keys(target.parent),
    ...Object.keys(target.sent),
    ...Object.keys(target.received),
    ...(target.signsJwt ? ['JWT'] : []),
  ];
  return [
    ...(['client', 'server'] as const).flatMap((status) =>
      (Object.keys(encoders) as Encoding[]).map((encoding) => ({
        name: `${status === 'client' ? '4xx' : '5xx'} echoing every secret ${encoding}`,
        kind: 'echo' as const,
        status,
        encoding,
      })),
    ),
    ...(['message', 'body'] as const).flatMap((cut) =>
      names.map((secret) => ({
        name: `${secret} straddling the ${cut} cut`,
        kind: 'straddle' as const,
        cut,
        secret,
      })),
    ),
    { name: 'timeout', kind: 'timeout' },
    { name: 'connection reset', kind: 'reset' },
    { name: 'TLS failure (untrusted certificate)', kind: 'tls' },
    { name: 'DNS failure', kind: 'dns' },
  ];
}

/** The scripted answer of the failing call: a function of its request, to echo its JWT. */
function failingStep(
  target: Target,
  path: Path,
  primed: boolean,
  sent: boolean,
): Step | ((r: ReceivedRequest) => Step) {
  if (path.kind === 'timeout') return { hang: 5_000, afterwards: { status: 200, body: '{}' } };
  if (path.kind === 'reset') return { reset: true };
  return (request) => {
    const secrets = known(target, request, primed, sent);
    if (path.kind === 'straddle') {
      const value = secrets[path.secret] ?? '';
      if (path.cut === 'message')
        return json(target.clientErrorStatus, target.errorBody(`${'m'.repeat(190)} ${value}`, {}));
      // A plain-text error page: the kept body is cut at 2,000 characters.
      return {
        status: 400,
        body: `${'b'.repeat(1_990)} ${value}`,
        headers: { 'content-type': 'text/plain' },
      };
    }
    if (path.kind !== 'echo') throw new Error(path.kind);
    const encode = encoders[path.encoding];
    const encoded = Object.fromEntries(
      Object.entries(secrets).map(([name, value]) => [name, encode(value)]),
    );
    const message = `rejected: ${Object.values(encoded).join(' | ')}`;
    const status = path.status === 'client' ? target.clientErrorStatus : 500;
    return {
      ...json(status, target.errorBody(message, encoded)),
      headers: {
        'content-type': 'application/json',
        'x-request-id': encode(headerSecret(secrets)),
      },
    };
  };
}

const sends = (target: Target, op: 'read' | 'create', primed: boolean) =>
  op === 'create' || (primed && target.primeSends);
const cells = targets.flatMap((target) =>
  pathsFor(target).flatMap((path) =>
    (['read', 'create'] as const)
      // A straddle of a password the client never sent would prove nothing: left out.
      .filter(
        (op) =>
          path.kind !== 'straddle' ||
          sends(target, op, true) ||
          !Object.hasOwn(target.sent, path.secret),
      )
      .map((op) => ({ target, path, op })),
  ),
);

describe('leak matrix: clients', () => {
  it.each(cells)('$target.provider $op: $path.name', async ({ target, path, op }) => {
    cellsRun++;
    const unreachable = path.kind === 'tls' || path.kind === 'dns';
    const baseUrl =
      path.kind === 'tls' ? untrusted.url : path.kind === 'dns' ? UNRESOLVABLE : server.url;
    const { logger, channels: loggerChannels } = recordingLogger();
    // Only the timeout path needs a short deadline; elsewhere a short one turned a slow start on
    // a loaded machine into a TimeoutError of the priming create (and a stray scripted answer).
    const timeoutMs = path.kind === 'timeout' ? 400 : 30_000;
    const calls = target.make({ baseUrl, logger, maxRetries: 0, timeoutMs });
    // First a create that hands out one-time credentials (the client must remember them).
    if (!unreachable) {
      server.script([json(200, target.primeAnswer)], { status: 500 });
      await calls.prime();
    }
    const sent = sends(target, op, !unreachable);
    server.script([failingStep(target, path, !unreachable, sent)], { status: 500 });

    const error = await calls[op]().then(
      () => new Error('the failing call resolved'),
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(Error);
    const secrets = {
      ...target.parent,
      ...(sent ? target.sent : {}),
      ...(unreachable ? {} : target.received),
      ...Object.fromEntries(jwtsIn(server.requests).map((jwt, index) => [`JWT ${index}`, jwt])),
    };
    const hits = counter.look(secrets, {
      ...errorChannels(error),
      ...loggerChannels(),
      'client inspection': `${inspect(calls.client, { depth: 20 })}${JSON.stringify(calls.client)}`,
    });
    expect(hits).toEqual([]);
  });
});

describe('leak matrix: credential loading', () => {
  const loaders = CELLS.flatMap((cells) => cells.leak.loaders(tempDir));

  it.each(loaders)('$name', ({ secret, load }) => {
    cellsRun++;
    let error: unknown;
    try {
      load();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Error);
    expect(counter.look({ secret }, errorChannels(error))).toEqual([]);
  });
});

describe('leak matrix: the CLI', () => {
  // Every provider's credentials (its `leak.cli.env`), and the base URL of the one under test.
  const credentials = Object.assign({}, ...CELLS.map((cells) => cells.leak.cli.env(tempDir)));
  const env = (provider: Provider, baseUrl: string): Record<string, string> => ({
    ...credentials,
    [`TENANTKIT_${provider.toUpperCase()}_BASE_URL`]: baseUrl,
  });
  const FLAGS = [[], ['--debug'], ['--json'], ['--debug', '--json']];
  const byProvider = Object.fromEntries(targets.map((target) => [target.provider, target]));

  type CliPath =
    | { name: string; op: 'read' | 'create'; step: 'echo'; encoding: Encoding }
    | { name: string; op: 'create'; step: 'server error' | 'reset' | 'success' | 'dns' };
  const paths: CliPath[] = [
    ...(['read', 'create'] as const).flatMap((op) =>
      (Object.keys(encoders) as Encoding[]).map((encoding) => ({
        name: `${op} answered 4xx echoing every secret ${encoding}`,
        op,
        step: 'echo' as const,
        encoding,
      })),
    ),
    { name: 'create answered 500 echoing every secret', op: 'create', step: 'server error' },
    { name: 'create, connection reset', op: 'create', step: 'reset' },
    {
      name: 'create succeeds, one-time credentials printed redacted',
      op: 'create',
      step: 'success',
    },
  ];
  const cliCells = targets.flatMap(({ provider }) =>
    paths.flatMap((path) => FLAGS.map((flags) => ({ provider, path, flags }))),
  );
  // A DNS failure is retried, with backoff: one flag set (the most verbose) keeps it short.
  const dnsCells = targets.map(({ provider }) => ({
    provider,
    path: { name: 'create, DNS failure', op: 'create', step: 'dns' } as CliPath,
    flags: ['--debug'],
  }));

  const run = async (argv: string[], environment: Record<string, string>) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      env: environment,
    });
    return { code, stdout, stderr };
  };

  const cliCell = async ({
    provider,
    path,
    flags,
  }: {
    provider: Provider;
    path: CliPath;
    flags: string[];
  }) => {
    cellsRun++;
    const target = byProvider[provider] as Target;
    const command = cellsOf(provider).leak.cli;
    const step: Step | ((r: ReceivedRequest) => Step) =
      path.step === 'success'
        ? json(200, target.primeAnswer)
        : path.step === 'reset'
          ? { reset: true }
          : (request) => {
              const secrets = {
                ...known(target, request, false, false),
                ...(path.op === 'create' ? command.sent : {}),
              };
              const encode = encoders[path.step === 'echo' ? path.encoding : 'plain'];
              const encoded = Object.fromEntries(
                Object.entries(secrets).map(([name, value]) => [name, encode(value)]),
              );
              const message = `rejected: ${Object.values(encoded).join(' | ')}`;
              return json(
                path.step === 'echo' ? target.clientErrorStatus : 500,
                target.errorBody(message, encoded),
              );
            };
    // A create whose answer is not the prime's (Voximplant: the subuser id; its prime is a key).
    const answer =
      path.step === 'success' && command.createAnswer !== undefined
        ? json(200, command.createAnswer)
        : step;
    const dns = path.step === 'dns';
    if (!dns) server.script([answer], { status: 500 });
    const result = await run(
      [...flags, ...command[path.op]],
      env(provider, dns ? UNRESOLVABLE : server.url),
    );

    expect(result.code).toBe(path.step === 'success' ? 0 : 1);
    const secrets = {
      ...target.parent,
      ...(path.op === 'create' ? command.sent : {}),
      ...(path.step === 'success' && command.createAnswer === undefined ? target.received : {}),
      ...(dns
        ? {}
        : Object.fromEntries(jwtsIn(server.requests).map((jwt, index) => [`JWT ${index}`, jwt]))),
    };
    const hits = counter.look(secrets, { stdout: result.stdout, stderr: result.stderr });
    expect(hits).toEqual([]);
  };

  it.each(cliCells)('$provider $path.name $flags', cliCell);
  // Retried with backoff (the request provably never left): run side by side to keep it short.
  it.concurrent.each(dnsCells)('$provider $path.name $flags', cliCell);

  it.each([
    ['as a flag', ['--voximplant-credentials', voximplantCredentials.private_key], {}],
    [
      'in VOXIMPLANT_CREDENTIALS as truncated JSON',
      [],
      { VOXIMPLANT_CREDENTIALS: JSON.stringify(voximplantCredentials).slice(0, -9) },
    ],
  ])(
    'credentials that cannot be loaded (%s) are never echoed',
    async (_name, flags, environment) => {
      cellsRun++;
      const result = await run([...flags, 'get', 'voximplant', '109', '--debug'], environment);
      expect(result.code).toBe(2);
      const secret = voximplantCredentials.private_key;
      expect(counter.look({ secret }, { stdout: result.stdout, stderr: result.stderr })).toEqual(
        [],
      );
    },
  );

  it.each([
    ['--vobiz-auth-tokn', CANARY.vobizAuthToken, 'a mistyped flag'],
    ['--synthflow-api-kye', CANARY.synthflowApiKey, 'a mistyped flag'],
    ['--password', PASSWORD, 'a value given where no command takes it'],
  ])('%s=… (%s) is never echoed', async (flag, secret) => {
    cellsRun++;
    const result = await run([`${flag}=${secret}`, 'get', 'vobiz', 'SA_ABCDEF12'], {});
    expect(result.code).toBe(2);
    expect(counter.look({ secret }, { stdout: result.stdout, stderr: result.stderr })).toEqual([]);
  });
});
