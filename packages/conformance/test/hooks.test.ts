/**
 * Hooks (`beforeRequest`, `afterResponse`, `beforeRetry`) on every client and through the facade,
 * against a loopback server: what they may change reaches the wire, what they are handed for
 * logging holds no secret, and a hook that throws (even quoting the credentials it was handed)
 * ends the call with a scrubbed `HookError`.
 */
import { inspect } from 'node:util';
import {
  AbortedError,
  type BeforeRequestHook,
  ConfigurationError,
  type CoreOptions,
  HookError,
  type Hooks,
  type RequestEvent,
  type ResponseEvent,
  type RetryEvent,
  ServerError,
} from '@tenantkit/core';
import {
  json,
  type ReceivedRequest,
  type ScriptedServer,
  startScriptedServer,
} from '@tenantkit/test-support';
import { PROVIDERS } from 'tenantkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters, CANARY, type ClientAdapter } from './support/adapters.js';
import { FACADE_IDS, facadeAt } from './support/facade.js';
import { errorChannels, LeakCounter } from './support/leaks.js';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const fast: CoreOptions = {
  maxRetries: 1,
  retryDelay: { initialMs: 0, maxMs: 0 },
  timeoutMs: 5_000,
};

/** The credential headers a request carried on the wire (Authorization, X-Auth-Token, …). */
function wireCredentials(request: ReceivedRequest | Headers): Record<string, string> {
  const found: Record<string, string> = {};
  const entries =
    request instanceof Headers ? [...request.entries()] : Object.entries(request.headers);
  for (const [name, value] of entries) {
    if (/^(authorization|x-auth-token)$/i.test(name) && typeof value === 'string')
      found[name] = value.replace(/^(Bearer|Basic) /, '');
  }
  return found;
}

function secretsOf(adapter: ClientAdapter, wire: Record<string, string>): Record<string, string> {
  return {
    ...Object.fromEntries(
      adapter.secrets.map((secret, index) => [`client secret ${index}`, secret]),
    ),
    ...wire,
    'input secret': CANARY.inputSecret,
    'body secret': CANARY.bodySecret,
  };
}

/** Records every hook event, and adds a trace header to each request. */
function recordingHooks() {
  const seen = {
    requests: [] as RequestEvent[],
    responses: [] as ResponseEvent[],
    retries: [] as RetryEvent[],
  };
  const hooks: Hooks = {
    beforeRequest: [
      (request, event) => {
        request.headers.set('traceparent', `00-trace-${event.attempt}`);
        seen.requests.push(event);
      },
    ],
    afterResponse: [(event) => void seen.responses.push(event)],
    beforeRetry: [(event) => void seen.retries.push(event)],
  };
  return { hooks, seen };
}

describe.each(adapters)('$provider client: hooks', (adapter) => {
  /** What the client's call ends with (its error) when made with these hooks. */
  const outcome = (hooks: Hooks, call: 'read' | 'create' = 'read') =>
    adapter
      .make({ baseUrl: server.url, ...fast, hooks })
      [call]()
      .catch((caught: unknown) => caught);
  /** A 503 the client would retry, then success. */
  const busyThenOk = () =>
    server.script(
      [json(503, adapter.errorBody('busy'), { 'retry-after': '0' })],
      json(200, adapter.readOk),
    );

  it('beforeRequest adds a header on the wire; each hook gets redacted records, in order', async () => {
    busyThenOk();
    const { hooks, seen } = recordingHooks();
    await adapter.make({ baseUrl: server.url, ...fast, hooks }).read();

    expect(server.requests.map((request) => request.headers.traceparent)).toEqual([
      '00-trace-1',
      '00-trace-2',
    ]);
    expect(seen.requests.map((event) => event.attempt)).toEqual([1, 2]);
    expect(seen.requests[0]).toMatchObject({ provider: adapter.provider, attempt: 1 });
    expect(seen.responses.map((event) => [event.attempt, event.status])).toEqual([
      [1, 503],
      [2, 200],
    ]);
    expect(seen.retries).toHaveLength(1);
    expect(seen.retries[0]).toMatchObject({ attempt: 1, reason: 'HTTP 503', delayMs: 0 });
    expect(seen.retries[0]?.error).toBeInstanceOf(ServerError);

    const wire = wireCredentials(server.requests[0] as ReceivedRequest);
    expect(Object.keys(wire).length).toBeGreaterThan(0);
    const leaks = new LeakCounter().look(secretsOf(adapter, wire), {
      'events (JSON)': JSON.stringify(seen),
      'events (inspect)': inspect(seen, { depth: 20 }),
    });
    expect(leaks).toEqual([]);
  });

  it('a beforeRequest hook that throws, quoting the credentials, fails the call scrubbed and sends nothing', async () => {
    server.script([], json(200, adapter.readOk));
    let quoted: Record<string, string> = {};
    const error = await outcome({
      beforeRequest: [
        (request) => {
          quoted = wireCredentials(request.headers);
          throw new Error(`refusing ${JSON.stringify([...request.headers.entries()])}`);
        },
      ],
    });

    expect(error).toBeInstanceOf(HookError);
    expect(error).toMatchObject({ hook: 'beforeRequest', outcomeUnknown: false, attempts: 1 });
    expect(server.requests).toHaveLength(0);
    expect(Object.keys(quoted).length).toBeGreaterThan(0);
    expect(new LeakCounter().look(secretsOf(adapter, quoted), errorChannels(error))).toEqual([]);
  });

  it('an afterResponse hook that throws after a create was answered: HookError, outcome unknown, not sent again', async () => {
    server.script([], json(200, adapter.createOk));
    const error = await outcome(
      {
        afterResponse: [
          () => {
            throw new Error(`metrics down; password=${CANARY.inputSecret}`);
          },
        ],
      },
      'create',
    );

    expect(error).toBeInstanceOf(HookError);
    expect(error).toMatchObject({ hook: 'afterResponse', outcomeUnknown: true });
    expect(server.requests).toHaveLength(1);
    const wire = wireCredentials(server.requests[0] as ReceivedRequest);
    expect(new LeakCounter().look(secretsOf(adapter, wire), errorChannels(error))).toEqual([]);
  });

  it('a beforeRetry hook that throws ends the call before the retry', async () => {
    busyThenOk();
    const error = await outcome({
      beforeRetry: [
        (event) => {
          throw new Error(`no retries today (${event.reason})`);
        },
      ],
    });

    expect(error).toBeInstanceOf(HookError);
    expect(error).toMatchObject({ hook: 'beforeRetry', attempts: 1 });
    expect((error as Error).message).toContain('no retries today (HTTP 503)');
    expect(server.requests).toHaveLength(1);
  });

  it('a beforeRetry hook that throws keeps the provider error it interrupted (providerError)', async () => {
    busyThenOk();
    const error = await outcome({
      beforeRetry: [
        () => {
          throw new Error('no retries today');
        },
      ],
    });

    expect(error).toBeInstanceOf(HookError);
    const { providerError } = error as HookError;
    expect(providerError).toBeInstanceOf(ServerError);
    expect(providerError).toMatchObject({ status: 503, outcomeUnknown: false });
    expect(server.requests).toHaveLength(1);
  });
});

describe.each(adapters)('$provider client: a hook that never settles', (adapter) => {
  const never = () => new Promise<void>(() => {});

  /** The hook aborts the call, then never settles; the request before it was answered. */
  it.each([
    ['beforeRetry', [json(503, adapter.errorBody('busy'), { 'retry-after': '0' })]],
    ['afterResponse', []],
  ] as const)(
    'the caller aborting during a hanging %s hook ends the call (AbortedError)',
    async (list, steps) => {
      server.script(steps, json(200, adapter.readOk));
      const controller = new AbortController();
      const hooks: Hooks = {
        [list]: [
          () => {
            controller.abort();
            return never();
          },
        ],
      };
      const error = await adapter
        .make({ baseUrl: server.url, ...fast, hooks })
        .read({ signal: controller.signal })
        .catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(AbortedError);
      expect(server.requests).toHaveLength(1);
    },
  );
});

describe('hooks: order and checks', () => {
  const [adapter] = adapters as [ClientAdapter];

  it('runs each list in the order given, awaiting each, with the lists copied at creation', async () => {
    server.script([], json(200, adapter.readOk));
    const order: string[] = [];
    const beforeRequest: BeforeRequestHook[] = [
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push('first');
      },
      () => void order.push('second'),
    ];
    const client = adapter.make({ baseUrl: server.url, ...fast, hooks: { beforeRequest } });
    beforeRequest.push(() => void order.push('added later'));
    await client.read();
    expect(order).toEqual(['first', 'second']);
  });

  it.each([
    [{ beforeRequest: [42] }, '`hooks.beforeRequest[0]` must be a function'],
    [{ afterResponse: () => {} }, '`hooks.afterResponse` must be an array of functions'],
    [{ onError: [] }, '`hooks.onError` must be one of beforeRequest, afterResponse, beforeRetry'],
    [[], '`hooks` must be an object of hook arrays'],
  ])('rejects hooks %j with a ConfigurationError naming the option', (hooks, message) => {
    const make = () => adapter.make({ baseUrl: server.url, hooks: hooks as never });
    expect(make).toThrow(ConfigurationError);
    expect(make).toThrow(message);
  });
});

describe.each(PROVIDERS)('facade over %s: hooks', (provider) => {
  const adapter = adapters.find((candidate) => candidate.provider === provider) as ClientAdapter;

  it('the facade passes its hooks to the provider client', async () => {
    const { hooks, seen } = recordingHooks();
    server.script([], json(200, adapter.readOk));
    await facadeAt(provider, server.url, { hooks }).subaccounts.get(provider, FACADE_IDS[provider]);
    expect(seen.requests).toHaveLength(1);
    expect(seen.responses.map((event) => event.status)).toEqual([200]);
    expect(server.requests[0]?.headers.traceparent).toBe('00-trace-1');
    const wire = wireCredentials(server.requests[0] as ReceivedRequest);
    const events = { 'events (inspect)': inspect(seen, { depth: 20 }) };
    expect(new LeakCounter().look(secretsOf(adapter, wire), events)).toEqual([]);
  });
});
