/**
 * Fault matrix: every provider client × a read and a create × each way a provider or the network
 * can fail, against a loopback server that counts requests. Each cell states the outcome (success
 * after a retry, or the typed error and `outcomeUnknown`) and the exact number of requests, which
 * proves a create is never sent twice unless the provider provably did not process it.
 */
import { inspect } from 'node:util';
import {
  ApiError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  type CoreOptions,
  InvalidResponseError,
  RateLimitError,
  type RequestError,
  ServerError,
  TimeoutError,
} from '@tenantkit/core';
import {
  closedPortUrl,
  type ScriptedServer,
  type Step,
  startScriptedServer,
} from '@tenantkit/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters, CANARY, type ClientAdapter } from './support/adapters.js';

type ErrorClass = abstract new (...args: never[]) => RequestError;

type Expected =
  | { ok: true; requests: number }
  | { error: ErrorClass; outcomeUnknown: boolean; requests: number; attempts?: number };

interface Fault {
  name: string;
  /** What the server answers first, in order; afterwards it answers (default: success). */
  steps: (adapter: ClientAdapter) => Step[];
  afterwards?: (adapter: ClientAdapter) => Step;
  read: Expected;
  create: Expected;
  /** Client options beyond the fast defaults of this suite. */
  options?: CoreOptions;
  /** Talk to a port nothing listens on instead of the scripted server. */
  refused?: boolean;
  /** Rows for one provider's own failure modes. */
  only?: ClientAdapter['provider'];
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Step => ({
  status,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});
const failure = (status: number, headers?: Record<string, string>) => (adapter: ClientAdapter) =>
  json(status, adapter.errorBody(`provider failure ${status}`), headers);
const HTML = `<!doctype html><html><body><h1>Bad gateway</h1><!-- password=${CANARY.bodySecret} --></body></html>`;

const ok = (requests: number): Expected => ({ ok: true, requests });
const fails = (error: ErrorClass, outcomeUnknown: boolean, requests: number, attempts?: number) =>
  attempts === undefined
    ? { error, outcomeUnknown, requests }
    : { error, outcomeUnknown, requests, attempts };

/** Default maxRetries is 2: a persistent failure of a read costs 3 requests. */
const faults: Fault[] = [
  {
    name: '429 with Retry-After, once',
    steps: (a) => [failure(429, { 'retry-after': '0' })(a)],
    read: ok(2),
    create: ok(2),
  },
  {
    name: '429 with Retry-After, every time',
    steps: () => [],
    afterwards: failure(429, { 'retry-after': '0' }),
    read: fails(RateLimitError, false, 3),
    create: fails(RateLimitError, false, 3),
  },
  {
    name: '500, once',
    steps: (a) => [failure(500)(a)],
    read: ok(2),
    create: fails(ServerError, true, 1),
  },
  {
    name: '500, every time',
    steps: () => [],
    afterwards: failure(500),
    read: fails(ServerError, false, 3),
    create: fails(ServerError, true, 1),
  },
  {
    name: '502 (HTML error page), once',
    steps: () => [{ status: 502, body: HTML, headers: { 'content-type': 'text/html' } }],
    read: ok(2),
    create: fails(ServerError, true, 1),
  },
  {
    name: '503 without Retry-After, once',
    steps: (a) => [failure(503)(a)],
    read: ok(2),
    create: fails(ServerError, true, 1),
  },
  {
    name: '503 with Retry-After, once',
    steps: (a) => [failure(503, { 'retry-after': '0' })(a)],
    read: ok(2),
    create: ok(2),
  },
  {
    name: '503 with Retry-After, every time',
    steps: () => [],
    afterwards: failure(503, { 'retry-after': '0' }),
    read: fails(ServerError, false, 3),
    create: fails(ServerError, false, 3),
  },
  {
    name: 'connection reset, once',
    steps: () => [{ reset: true }],
    read: ok(2),
    create: fails(ConnectionError, true, 1),
  },
  {
    name: 'connection reset, every time',
    steps: () => [],
    afterwards: () => ({ reset: true }),
    read: fails(ConnectionError, false, 3),
    create: fails(ConnectionError, true, 1),
  },
  {
    name: 'connection refused (nothing listening)',
    steps: () => [],
    refused: true,
    read: fails(ConnectionError, false, 0, 3),
    create: fails(ConnectionError, false, 0, 3),
  },
  {
    name: 'slow response past the timeout, once',
    steps: (a) => [{ hang: 10_000, afterwards: json(200, a.readOk) }],
    options: { timeoutMs: 400 },
    read: ok(2),
    create: fails(TimeoutError, true, 1),
  },
  {
    name: '200 with malformed JSON',
    steps: () => [],
    afterwards: () => ({
      status: 200,
      body: `{"api_key": "${CANARY.bodySecret}", "subaccount_id": `,
      headers: { 'content-type': 'application/json' },
    }),
    read: fails(InvalidResponseError, false, 1),
    create: fails(InvalidResponseError, true, 1),
  },
  {
    name: '200 with an HTML body',
    steps: () => [],
    afterwards: () => ({ status: 200, body: HTML, headers: { 'content-type': 'text/html' } }),
    read: fails(InvalidResponseError, false, 1),
    create: fails(InvalidResponseError, true, 1),
  },
  {
    name: '200 with an empty body',
    steps: () => [],
    afterwards: () => ({ status: 200, body: '', headers: { 'content-type': 'application/json' } }),
    read: fails(InvalidResponseError, false, 1),
    create: fails(InvalidResponseError, true, 1),
  },
  // Voximplant reports most errors inside HTTP 200: the code decides the class and the retry.
  {
    name: '200 with error 340 (rate limit), once',
    only: 'voximplant',
    steps: () => [json(200, { error: { code: 340, msg: 'Too many requests' } })],
    read: ok(2),
    create: ok(2),
  },
  {
    name: '200 with error 1 (internal error), once',
    only: 'voximplant',
    steps: () => [
      json(200, { error: { code: 1, msg: `Internal error password=${CANARY.bodySecret}` } }),
    ],
    read: ok(2),
    create: fails(ServerError, true, 1),
  },
  {
    name: '200 with error 436 (login taken)',
    only: 'voximplant',
    steps: () => [],
    afterwards: () => json(200, { error: { code: 436, msg: 'Sub user login is not unique.' } }),
    read: fails(ConflictError, false, 1),
    create: fails(ConflictError, false, 1),
  },
  {
    name: '200 with error 100 (authorization failed)',
    only: 'voximplant',
    steps: () => [],
    afterwards: () => json(200, { error: { code: 100, msg: 'Authorization failed' } }),
    read: fails(AuthenticationError, false, 1),
    create: fails(AuthenticationError, false, 1),
  },
];

let server: ScriptedServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  server = await startScriptedServer();
});

afterAll(async () => {
  await server.close();
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

/** The headers that carry credentials; whatever the server saw in them must not leak either. */
const AUTH_HEADERS = ['authorization', 'x-auth-token'];

function expectNoSecrets(adapter: ClientAdapter, texts: string[]): void {
  const sent = server.requests.flatMap((request) =>
    AUTH_HEADERS.map((name) => request.headers[name]).filter((value) => typeof value === 'string'),
  );
  const secrets = [
    ...adapter.secrets,
    ...sent.map((value) => value.replace(/^(Bearer|Basic) /, '')),
    CANARY.inputSecret,
    CANARY.bodySecret,
    CANARY.bodyJwt,
  ];
  for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
}

const cells = adapters.flatMap((adapter) =>
  faults
    .filter((fault) => fault.only === undefined || fault.only === adapter.provider)
    .flatMap((fault) =>
      (['read', 'create'] as const).map((op) => ({
        label: `${adapter.provider} ${op}: ${fault.name}`,
        adapter,
        fault,
        op,
      })),
    ),
);

describe('fault matrix', () => {
  it.each(cells)('$label', async ({ adapter, fault, op }) => {
    const expected = fault[op];
    const success = json(200, op === 'read' ? adapter.readOk : adapter.createOk);
    server.script(fault.steps(adapter), fault.afterwards?.(adapter) ?? success);
    const records: unknown[] = [];
    const { client, ...calls } = adapter.make({
      baseUrl: fault.refused ? await closedPortUrl() : server.url,
      retryDelay: { initialMs: 1, maxMs: 5 },
      timeoutMs: 5_000,
      logger: { debug: (message, details) => records.push({ message, details }) },
      ...fault.options,
    });

    const settled = await calls[op]().then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );

    expect(server.requests).toHaveLength(expected.requests);
    const texts = [
      inspect(client, { depth: 10 }),
      JSON.stringify(records),
      inspect(records, { depth: 10 }),
    ];
    if ('ok' in expected) {
      expect(settled).toHaveProperty('value');
      expectNoSecrets(adapter, texts);
      return;
    }
    expect(settled).toHaveProperty('error');
    const error = (settled as { error: RequestError }).error;
    expect(error).toBeInstanceOf(expected.error);
    expect(error.outcomeUnknown).toBe(expected.outcomeUnknown);
    expect(error.attempts).toBe(expected.attempts ?? expected.requests);
    expect(error.provider).toBe(adapter.provider);
    if (expected.outcomeUnknown)
      expect(error.message).toMatch(/may or may not have been processed/);
    if (error instanceof ApiError) expect(error.status).toBeGreaterThanOrEqual(200);
    expectNoSecrets(adapter, [
      ...texts,
      error.message,
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      String(error.stack),
    ]);
  });
});
