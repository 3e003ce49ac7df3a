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
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import type { CoreOptions } from '@tenantkit/core';
import { throwawayVoximplantKey } from '@tenantkit/mock';
import { createSynthflowClient } from '@tenantkit/synthflow';
import { createTwilioClient } from '@tenantkit/twilio';
import { createVobizClient } from '@tenantkit/vobiz';
import { createVoximplantClient } from '@tenantkit/voximplant';
import { PROVIDERS, type Provider } from 'tenantkit';
import { runCli } from 'tenantkit/cli';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CANARY,
  TWILIO_SID,
  twilioAccount,
  twilioBasicPair,
  voximplantCredentials,
} from './support/adapters.js';
import {
  type Encoding,
  EXTRA_SECRET,
  encoders,
  errorChannels,
  LeakCounter,
  PASSWORD,
  recordingLogger,
} from './support/leaks.js';
import { type ReceivedRequest, type Step, startScriptedServer } from './support/server.js';
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

const SYNTHFLOW_ID = '1726005822670x239735712159542050';
const ISSUED = {
  synthflowApiKey: 'sf-issued-api-key-7d3e9b21c4',
  signInToken: '1739402199888x447700112233445500',
  vobizToken: 'vobiz-issued-token-2b8d51e7',
  vobizAccess: 'vobiz-access-token-a91c3f07e2',
  vobizRefresh: 'vobiz-refresh-token-5e27b0d4c1',
  voximplantKey: throwawayVoximplantKey().credentials.private_key,
  twilioToken: 'twilio-issued-token-0c5e8f1a93',
};
const SIGN_IN_LINK = `https://fine-tuner.ai/invite/${ISSUED.signInToken}`;

/** The bearer tokens the server saw: Voximplant's JWTs (Synthflow's is its API key). */
const jwtsIn = (requests: ReceivedRequest[]) =>
  requests
    .map((request) => request.headers.authorization?.replace(/^Bearer /, ''))
    .filter((token): token is string => token?.startsWith('eyJ') === true);

interface Target {
  provider: Provider;
  /** Known to the client from the start. */
  parent: Record<string, string>;
  /** Sent by `create`, and by `prime` when `primeSends`. */
  sent: Record<string, string>;
  primeSends: boolean;
  /** Handed out by the answer to `prime`. */
  received: Record<string, string>;
  primeAnswer: unknown;
  make(options: CoreOptions & { baseUrl: string }): {
    client: object;
    prime(): Promise<unknown>;
    read(): Promise<unknown>;
    create(): Promise<unknown>;
  };
  /** An error body in the provider's shape: `message` where its message goes, `fields` beside it. */
  errorBody(message: string, fields: Record<string, string>): unknown;
  /** The status of a "client error" answer (Voximplant reports them inside a 200). */
  clientErrorStatus: number;
}

const targets: Target[] = [
  {
    provider: 'synthflow',
    parent: { 'parent API key': CANARY.synthflowApiKey },
    sent: { 'twilio_auth_token sent': PASSWORD },
    primeSends: true,
    received: {
      'new api_key': ISSUED.synthflowApiKey,
      'new sign_in_link': SIGN_IN_LINK,
      'sign_in_link token': ISSUED.signInToken,
    },
    primeAnswer: {
      status: 'ok',
      response: {
        subaccount_id: SYNTHFLOW_ID,
        api_key: ISSUED.synthflowApiKey,
        sign_in_link: SIGN_IN_LINK,
      },
    },
    make(options) {
      const client = createSynthflowClient({ apiKey: CANARY.synthflowApiKey, ...options });
      const create = () =>
        client.subaccounts.create({
          subaccount_name: 'Acme Dental',
          twilio_account_sid: 'AC0000',
          twilio_auth_token: PASSWORD,
        });
      return { client, prime: create, create, read: () => client.subaccounts.get(SYNTHFLOW_ID) };
    },
    errorBody: (message, fields) => ({ status: 'error', detail: message, echo: fields }),
    clientErrorStatus: 400,
  },
  {
    provider: 'vobiz',
    parent: { 'parent auth token': CANARY.vobizAuthToken },
    sent: { 'password sent': PASSWORD },
    primeSends: true,
    received: {
      'new auth_token': ISSUED.vobizToken,
      'new access_token': ISSUED.vobizAccess,
      'new refresh_token': ISSUED.vobizRefresh,
    },
    primeAnswer: {
      message: 'created',
      sub_account: { auth_id: 'SA_NEW00001', name: 'Acme Dental' },
      auth_credentials: { auth_id: 'SA_NEW00001', auth_token: ISSUED.vobizToken },
      tokens: { access_token: ISSUED.vobizAccess, refresh_token: ISSUED.vobizRefresh },
    },
    make(options) {
      const client = createVobizClient({
        authId: 'MA_CANARY01',
        authToken: CANARY.vobizAuthToken,
        ...options,
      });
      const create = () => client.subAccounts.create({ name: 'Acme Dental', password: PASSWORD });
      return { client, prime: create, create, read: () => client.subAccounts.get('SA_ABCDEF12') };
    },
    errorBody: (message, fields) => ({
      status: 'error',
      error: { code: 'BAD_REQUEST', message },
      echo: fields,
    }),
    clientErrorStatus: 422,
  },
  {
    provider: 'voximplant',
    parent: { 'parent private key': voximplantCredentials.private_key },
    sent: { 'new_subuser_password sent': PASSWORD },
    primeSends: false,
    received: { 'new key private_key': ISSUED.voximplantKey },
    primeAnswer: {
      result: {
        key_id: 'new-key-0001',
        account_id: 4242,
        account_email: 'owner@example.com',
        private_key: ISSUED.voximplantKey,
      },
    },
    make(options) {
      const client = createVoximplantClient({ credentials: voximplantCredentials, ...options });
      return {
        client,
        prime: () => client.keys.create(),
        create: () =>
          client.subUsers.add({ new_subuser_name: 'alice_acme', new_subuser_password: PASSWORD }),
        read: () => client.subUsers.list({ subuser_id: 109 }),
      };
    },
    errorBody: (message, fields) => ({ error: { code: 101, msg: message }, echo: fields }),
    clientErrorStatus: 200,
  },
  {
    provider: 'twilio',
    parent: { 'parent auth token': CANARY.twilioAuthToken, 'Basic pair': twilioBasicPair },
    // A create sends only the FriendlyName: nothing secret goes out.
    sent: {},
    primeSends: true,
    // Twilio hands the sub-account's token out in every answer about it.
    received: { 'new auth_token': ISSUED.twilioToken },
    primeAnswer: twilioAccount(TWILIO_SID.sub, ISSUED.twilioToken),
    make(options) {
      const client = createTwilioClient({
        accountSid: TWILIO_SID.main,
        authToken: CANARY.twilioAuthToken,
        ...options,
      });
      const create = () => client.subaccounts.create({ FriendlyName: 'Acme Dental' });
      return { client, prime: create, create, read: () => client.subaccounts.get(TWILIO_SID.sub) };
    },
    errorBody: (message, fields) => ({
      code: 21480,
      message,
      more_info: 'https://www.twilio.com/docs/errors/21480',
      status: 400,
      echo: fields,
    }),
    clientErrorStatus: 400,
  },
];

it('the matrix covers every provider of the registry', () => {
  expect(targets.map((target) => target.provider)).toEqual([...PROVIDERS]);
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
    ...(target.provider === 'voximplant' ? ['JWT'] : []),
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
  const corruptKey = voximplantCredentials.private_key.replace(/\n[A-Za-z0-9+/]{20}/, '\n!!!!');
  const file = join(tempDir, 'broken-credentials.json');
  writeFileSync(file, JSON.stringify({ ...voximplantCredentials, private_key: corruptKey }));
  const loaders = [
    {
      name: 'synthflow apiKey with a control character',
      secret: CANARY.synthflowApiKey,
      load: () => createSynthflowClient({ apiKey: `${CANARY.synthflowApiKey}\u0007x` }),
    },
    {
      name: 'vobiz authToken with a line break inside',
      secret: CANARY.vobizAuthToken,
      load: () =>
        createVobizClient({ authId: 'MA_CANARY01', authToken: `${CANARY.vobizAuthToken}\nx` }),
    },
    {
      name: 'voximplant credentials object with a corrupt private key',
      secret: corruptKey,
      load: () =>
        createVoximplantClient({
          credentials: { ...voximplantCredentials, private_key: corruptKey },
        }),
    },
    {
      name: 'voximplant credentials file with a corrupt private key',
      secret: corruptKey,
      load: () => createVoximplantClient({ credentials: file }),
    },
    // The JSON text a secret manager hands out, and bare PEM text (issue 10 fault 2, fixed by issue 11).
    {
      name: 'voximplant credentials as JSON text with a corrupt private key',
      secret: corruptKey,
      load: () =>
        createVoximplantClient({
          credentials: JSON.stringify({ ...voximplantCredentials, private_key: corruptKey }),
        }),
    },
    {
      name: 'voximplant credentials as truncated JSON text',
      secret: voximplantCredentials.private_key,
      load: () =>
        createVoximplantClient({ credentials: JSON.stringify(voximplantCredentials).slice(0, -9) }),
    },
    {
      name: 'voximplant credentials given as bare PEM text',
      secret: voximplantCredentials.private_key,
      load: () => createVoximplantClient({ credentials: voximplantCredentials.private_key }),
    },
    {
      name: 'twilio authToken with a line break inside',
      secret: CANARY.twilioAuthToken,
      load: () =>
        createTwilioClient({
          accountSid: TWILIO_SID.main,
          authToken: `${CANARY.twilioAuthToken}\nx`,
        }),
    },
    {
      name: 'twilio auth token given as the account SID',
      secret: CANARY.twilioAuthToken,
      load: () =>
        createTwilioClient({
          accountSid: CANARY.twilioAuthToken,
          authToken: CANARY.twilioAuthToken,
        }),
    },
  ];

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
  const credentialsFile = join(tempDir, 'credentials.json');
  writeFileSync(credentialsFile, JSON.stringify(voximplantCredentials));
  const env = (provider: Provider, baseUrl: string): Record<string, string> => ({
    SYNTHFLOW_API_KEY: CANARY.synthflowApiKey,
    VOBIZ_AUTH_ID: 'MA_CANARY01',
    VOBIZ_AUTH_TOKEN: CANARY.vobizAuthToken,
    VOXIMPLANT_CREDENTIALS: credentialsFile,
    TWILIO_ACCOUNT_SID: TWILIO_SID.main,
    TWILIO_AUTH_TOKEN: CANARY.twilioAuthToken,
    [`TENANTKIT_${provider.toUpperCase()}_BASE_URL`]: baseUrl,
  });
  const commands: Record<
    Provider,
    { read: string[]; create: string[]; sent: Record<string, string> }
  > = {
    synthflow: {
      read: ['get', 'synthflow', SYNTHFLOW_ID],
      create: [
        'create',
        'synthflow',
        '--name',
        'Acme',
        '--extra',
        `twilio_auth_token=${EXTRA_SECRET}`,
      ],
      sent: { 'extra value': EXTRA_SECRET },
    },
    vobiz: {
      read: ['get', 'vobiz', 'SA_ABCDEF12'],
      create: ['create', 'vobiz', '--name', 'Acme', '--password', PASSWORD],
      sent: { password: PASSWORD },
    },
    voximplant: {
      read: ['get', 'voximplant', '109'],
      create: ['create', 'voximplant', '--name', 'alice_acme', '--password', PASSWORD],
      sent: { password: PASSWORD },
    },
    twilio: {
      read: ['get', 'twilio', TWILIO_SID.sub],
      create: ['create', 'twilio', '--name', 'Acme'],
      sent: {},
    },
  };
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
    const command = commands[provider];
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
    // Voximplant's create answers the subuser id; its success prime is the key create.
    const answer =
      path.step === 'success' && provider === 'voximplant'
        ? json(200, { result: { subuser_id: 7 } })
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
      ...(path.step === 'success' && provider !== 'voximplant' ? target.received : {}),
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
