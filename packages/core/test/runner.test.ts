import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AbortedError,
  AuthenticationError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  CoolOffError,
  type CoreOptions,
  type FetchLike,
  type FetchResult,
  InvalidResponseError,
  NotFoundError,
  type OperationInfo,
  type ProviderProtocol,
  RateLimitError,
  Redactor,
  Runner,
  type SendInit,
  ServerError,
  TimeoutError,
} from '../src/index.js';

const SECRET = 'sk-runner-canary-0123456789';
const read: OperationInfo = { id: 'getThing', method: 'get', path: '/things/{id}', kind: 'read' };
const create: OperationInfo = {
  id: 'createThing',
  method: 'post',
  path: '/things',
  kind: 'create',
};

/** What openapi-fetch does with a response, in a few lines: JSON on success, text or JSON on error. */
function attemptAt(url = 'https://api.test/things/1') {
  return async (init: SendInit): Promise<FetchResult> => {
    const response = await init.fetch(
      new Request(url, { signal: init.signal, headers: init.headers }),
    );
    if (response.ok) {
      const text = await response.text();
      return { data: text ? JSON.parse(text) : undefined, response };
    }
    const text = await response.text();
    let error: unknown = text;
    try {
      error = JSON.parse(text);
    } catch {}
    return { error, response };
  };
}

/** A fetch that answers from a list of responders, one per request, and counts requests. */
function scriptedFetch(...responders: Array<(request: Request) => Response | Promise<Response>>) {
  const requests: Request[] = [];
  const fetch: FetchLike = async (request) => {
    requests.push(request);
    const responder = responders[Math.min(requests.length - 1, responders.length - 1)];
    if (!responder) throw new Error('no responder');
    return responder(request);
  };
  return { fetch, requests };
}

/** A fetch that never answers, but rejects like undici when its request's signal aborts. */
const hangingFetch: FetchLike = (request) =>
  new Promise((_, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
  });

function runner(options: CoreOptions = {}, protocol: Partial<ProviderProtocol> = {}) {
  return new Runner(
    { provider: 'test', authHeaders: () => ({ authorization: `Bearer ${SECRET}` }), ...protocol },
    { retryDelay: { initialMs: 1, maxMs: 2 }, ...options },
    new Redactor([SECRET]),
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Runner: typed errors', () => {
  it.each([
    [401, AuthenticationError],
    [404, NotFoundError],
  ])(
    '%d → %o with provider, operation, method, status, code, request id and body',
    async (status, ErrorClass) => {
      const { fetch } = scriptedFetch(() =>
        Response.json(
          { error: { code: 'nope', message: `bad key ${SECRET}` }, request_id: 'req_1' },
          { status },
        ),
      );
      const error = await runner({ fetch })
        .run(read, attemptAt())
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toMatchObject({
        provider: 'test',
        operation: 'getThing',
        method: 'GET',
        path: '/things/{id}',
        status,
        code: 'nope',
        requestId: 'req_1',
        attempts: 1,
        outcomeUnknown: false,
      });
      expect((error as Error).message).toBe(
        `test.getThing (GET /things/{id}): HTTP ${status} nope: bad key [REDACTED]`,
      );
    },
  );

  it('a 429 carries the parsed Retry-After', async () => {
    const { fetch } = scriptedFetch(
      () => new Response('slow down', { status: 429, headers: { 'retry-after': '0' } }),
    );
    const error = await runner({ fetch, maxRetries: 0 })
      .run(read, attemptAt())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(0);
  });

  it('an error reported in a success body becomes the class it is classified as', async () => {
    const { fetch } = scriptedFetch(() =>
      Response.json({ error: { code: 100, msg: 'Authorization failed' } }),
    );
    const error = await runner(
      { fetch },
      {
        errorInSuccessBody: (data) => {
          const failure = (data as { error?: { code: number; msg: string } }).error;
          return (
            failure && {
              code: failure.code,
              codeName: 'AUTHORIZATION_FAILED',
              providerMessage: failure.msg,
              classifyAs: 401,
            }
          );
        },
      },
    )
      .run(read, attemptAt())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      status: 200,
      code: 100,
      codeName: 'AUTHORIZATION_FAILED',
      attempts: 1,
    });
  });

  it('a 409 whose body names a time to try again is a CoolOffError, not retried', async () => {
    const { fetch, requests } = scriptedFetch(() =>
      Response.json({ error: 'wait', until: '2026-06-09T10:00:00Z' }, { status: 409 }),
    );
    const error = await runner(
      { fetch },
      {
        describeError: (body) => ({
          code: (body as { error: string }).error,
          retryAt: new Date((body as { until: string }).until),
        }),
      },
    )
      .run(read, attemptAt())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoolOffError);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as CoolOffError).retryAt?.toISOString()).toBe('2026-06-09T10:00:00.000Z');
    expect((error as Error).message).toContain('allowed again after 2026-06-09T10:00:00.000Z');
    expect(requests).toHaveLength(1);
  });

  it('a 409 without a time stays a plain ConflictError', async () => {
    const { fetch } = scriptedFetch(() => Response.json({ error: 'taken' }, { status: 409 }));
    const error = await runner({ fetch })
      .run(read, attemptAt())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).not.toBeInstanceOf(CoolOffError);
  });

  it('a 200 without a body is an InvalidResponseError unless the operation says the body is optional', async () => {
    const empty = () => new Response(null, { status: 200 });
    const strict = await runner({ fetch: scriptedFetch(empty).fetch, maxRetries: 0 })
      .run(read, attemptAt())
      .catch((e: unknown) => e);
    expect(strict).toBeInstanceOf(InvalidResponseError);
    await expect(
      runner({ fetch: scriptedFetch(empty).fetch }).run(read, attemptAt(), { bodyOptional: true }),
    ).resolves.toBeUndefined();
  });

  it('a create that gets a 500 fails once, outcome unknown, and says so once', async () => {
    const { fetch, requests } = scriptedFetch(() =>
      Response.json({ message: 'boom' }, { status: 500 }),
    );
    const error = (await runner({ fetch })
      .run(create, attemptAt())
      .catch((e: unknown) => e)) as ServerError;
    expect(requests).toHaveLength(1);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toBe(
      'test.createThing (POST /things): HTTP 500: boom The create may or may not have been processed; it was not retried automatically. Check (get or list) before trying again.',
    );
  });

  it('a missing payload is an InvalidResponseError (outcome unknown for a create)', async () => {
    const { fetch } = scriptedFetch(() => Response.json({ status: 'ok' }));
    const spec = {
      unwrap: (data: unknown) => (data as { response?: unknown }).response,
      expects: 'the `response` field',
    };
    const onRead = await runner({ fetch })
      .run(read, attemptAt(), spec)
      .catch((e: unknown) => e);
    expect(onRead).toBeInstanceOf(InvalidResponseError);
    expect(onRead).toMatchObject({ outcomeUnknown: false, status: 200 });
    const onCreate = await runner({ fetch })
      .run(create, attemptAt(), spec)
      .catch((e: unknown) => e);
    expect(onCreate).toMatchObject({ outcomeUnknown: true });
    expect((onCreate as Error).message).toContain('lacks the `response` field');
  });

  it('a request that cannot even be built is a ConfigurationError with the query secrets scrubbed', async () => {
    const error = await runner()
      .run(read, attemptAt('not a url?password=hunter2-canary'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(inspect(error, { depth: 10 })).not.toContain('hunter2-canary');
  });

  it('the cause of a connection error is a scrubbed copy that keeps name and code', async () => {
    const raw = new TypeError('fetch failed', {
      cause: Object.assign(new Error(`connect failed for token=${SECRET}x`), {
        code: 'ECONNRESET',
      }),
    });
    const error = (await runner({ fetch: () => Promise.reject(raw), maxRetries: 0 })
      .run(read, attemptAt())
      .catch((e: unknown) => e)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain('(ECONNRESET)');
    const cause = error.cause as Error;
    expect(cause.name).toBe('TypeError');
    expect((cause.cause as { code?: string }).code).toBe('ECONNRESET');
    expect(inspect(error, { depth: 10 })).not.toContain(SECRET);
  });
});

describe('Runner: retries', () => {
  it('a read retries a 503 twice by default, then fails with 3 attempts', async () => {
    const { fetch, requests } = scriptedFetch(() => new Response('', { status: 503 }));
    const error = await runner({ fetch })
      .run(read, attemptAt())
      .catch((e: unknown) => e);
    expect(requests).toHaveLength(3);
    expect(error).toMatchObject({ name: 'ServerError', attempts: 3, outcomeUnknown: false });
  });

  it('maxRetries per client and per call; 0 disables', async () => {
    const failing = () => scriptedFetch(() => new Response('', { status: 502 }));
    const a = failing();
    await runner({ fetch: a.fetch, maxRetries: 0 })
      .run(read, attemptAt())
      .catch(() => {});
    expect(a.requests).toHaveLength(1);
    const b = failing();
    await runner({ fetch: b.fetch, maxRetries: 0 })
      .run(read, attemptAt(), { call: { maxRetries: 4 } })
      .catch(() => {});
    expect(b.requests).toHaveLength(5);
    const c = failing();
    await runner({ fetch: c.fetch })
      .run(read, attemptAt(), { call: { maxRetries: 0 } })
      .catch(() => {});
    expect(c.requests).toHaveLength(1);
  });

  it('a read succeeds after a connection failure', async () => {
    const { fetch, requests } = scriptedFetch(
      () => Promise.reject(new TypeError('fetch failed')),
      () => Response.json({ id: 1 }),
    );
    await expect(runner({ fetch }).run(read, attemptAt())).resolves.toEqual({ id: 1 });
    expect(requests).toHaveLength(2);
  });

  it('a create retries a refused connection (never sent), not a reset one', async () => {
    const refused = scriptedFetch(
      () =>
        Promise.reject(
          new TypeError('fetch failed', {
            cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }),
          }),
        ),
      () => Response.json({ id: 1 }),
    );
    await expect(runner({ fetch: refused.fetch }).run(create, attemptAt())).resolves.toEqual({
      id: 1,
    });
    expect(refused.requests).toHaveLength(2);
    const reset = scriptedFetch(() =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }),
        }),
      ),
    );
    const error = await runner({ fetch: reset.fetch })
      .run(create, attemptAt())
      .catch((e: unknown) => e);
    expect(reset.requests).toHaveLength(1);
    expect(error).toMatchObject({ name: 'ConnectionError', outcomeUnknown: true });
  });

  it('waits what Retry-After asks (capped), in fake time', async () => {
    vi.useFakeTimers();
    const { fetch, requests } = scriptedFetch(
      () => new Response('', { status: 429, headers: { 'retry-after': '3' } }),
      () => Response.json({ ok: true }),
    );
    const pending = runner({ fetch, retryDelay: { initialMs: 1, maxMs: 10_000 } }).run(
      read,
      attemptAt(),
    );
    await vi.advanceTimersByTimeAsync(2_900);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(requests).toHaveLength(2);
    await expect(pending).resolves.toEqual({ ok: true });
  });

  it('a 429 without Retry-After waits a rate-limit window (1 s), not the short backoff, in fake time', async () => {
    vi.useFakeTimers();
    const { fetch, requests } = scriptedFetch(
      () => new Response('', { status: 429 }),
      () => Response.json({ ok: true }),
    );
    const pending = runner({ fetch, retryDelay: { initialMs: 1, maxMs: 10_000 } }).run(
      read,
      attemptAt(),
    );
    await vi.advanceTimersByTimeAsync(990);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(requests).toHaveLength(2);
    await expect(pending).resolves.toEqual({ ok: true });
    // Other retried statuses keep the short backoff.
    const other = scriptedFetch(
      () => new Response('', { status: 502 }),
      () => Response.json({ ok: true }),
    );
    const quick = runner({ fetch: other.fetch, retryDelay: { initialMs: 1, maxMs: 10_000 } }).run(
      read,
      attemptAt(),
    );
    await vi.advanceTimersByTimeAsync(5);
    expect(other.requests).toHaveLength(2);
    await expect(quick).resolves.toEqual({ ok: true });
  });

  it('logs each retry without secrets', async () => {
    const lines: unknown[] = [];
    const { fetch } = scriptedFetch(
      () => Response.json({ detail: `key ${SECRET}` }, { status: 500 }),
      () => Response.json({ api_key: SECRET, fine: true }),
    );
    await runner({
      fetch,
      logger: { debug: (message, details) => lines.push([message, details]) },
    }).run(read, attemptAt('https://api.test/things/1?password=p4ss-canary&x=1'));
    const text = JSON.stringify(lines);
    expect(text).toContain('tenantkit retry');
    expect(text).toContain('tenantkit request');
    expect(text).toContain('tenantkit response');
    expect(text).toContain('password=[REDACTED]');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('p4ss-canary');
  });
});

describe('Runner: timeouts and cancellation', () => {
  it('a request with no answer in time is a TimeoutError (retried for a read)', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const fetch: FetchLike = (request) =>
      ++calls < 3 ? hangingFetch(request) : Promise.resolve(Response.json({ ok: 1 }));
    const pending = runner({ fetch, timeoutMs: 1_000 }).run(read, attemptAt());
    await vi.advanceTimersByTimeAsync(2_100);
    await expect(pending).resolves.toEqual({ ok: 1 });
    expect(calls).toBe(3);
  });

  it('the per-call timeout wins, and a create that timed out is not retried', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const fetch: FetchLike = (request) => {
      calls++;
      return hangingFetch(request);
    };
    const pending = runner({ fetch, timeoutMs: 60_000 })
      .run(create, attemptAt(), { call: { timeoutMs: 50 } })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60);
    const error = await pending;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 50, outcomeUnknown: true, attempts: 1 });
    expect(calls).toBe(1);
  });

  it('the clock starts when the request starts, not while it waits in the throttle queue', async () => {
    vi.useFakeTimers();
    let releaseFirst: (response: Response) => void = () => {};
    const first = new Promise<Response>((resolve) => {
      releaseFirst = resolve;
    });
    let calls = 0;
    const fetch: FetchLike = () =>
      ++calls === 1 ? first : Promise.resolve(Response.json({ second: true }));
    const run = runner({ fetch, maxConcurrency: 1, timeoutMs: 100_000 });
    const a = run.run(read, attemptAt());
    const b = run.run(read, attemptAt(), { call: { timeoutMs: 100 } });
    await vi.advanceTimersByTimeAsync(5_000); // b has been queued far longer than its timeout
    expect(calls).toBe(1);
    releaseFirst(Response.json({ first: true }));
    await expect(a).resolves.toEqual({ first: true });
    await expect(b).resolves.toEqual({ second: true });
  });

  it('a timeout set at creation does not run before the first call', async () => {
    vi.useFakeTimers();
    const { fetch } = scriptedFetch(() => Response.json({ ok: 1 }));
    const run = runner({ fetch, timeoutMs: 50 });
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(run.run(read, attemptAt())).resolves.toEqual({ ok: 1 });
  });

  it('Infinity disables the timeout', async () => {
    vi.useFakeTimers();
    let answer: (response: Response) => void = () => {};
    const fetch: FetchLike = () =>
      new Promise((resolve) => {
        answer = resolve;
      });
    const pending = runner({ fetch, timeoutMs: Number.POSITIVE_INFINITY }).run(read, attemptAt());
    await vi.advanceTimersByTimeAsync(40 * 24 * 3600 * 1000);
    answer(Response.json({ late: true }));
    await expect(pending).resolves.toEqual({ late: true });
  });

  it('the caller aborting mid-request is an AbortedError, never retried', async () => {
    let calls = 0;
    const controller = new AbortController();
    const fetch: FetchLike = (request) => {
      calls++;
      queueMicrotask(() => controller.abort());
      return hangingFetch(request);
    };
    const error = await runner({ fetch })
      .run(read, attemptAt(), { call: { signal: controller.signal } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(calls).toBe(1);
  });

  it.each([
    ['read', false],
    ['create', true],
  ] as const)(
    'aborting a %s already sent: outcomeUnknown is %s (a create may have been processed)',
    async (kind, unknown) => {
      const controller = new AbortController();
      const fetch: FetchLike = (request) => {
        queueMicrotask(() => controller.abort());
        return hangingFetch(request);
      };
      const operation = { ...read, kind };
      const error = await runner({ fetch })
        .run(operation, attemptAt(), { call: { signal: controller.signal } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AbortedError);
      expect(error).toMatchObject({ outcomeUnknown: unknown });
    },
  );

  it('an already-aborted signal sends nothing', async () => {
    const { fetch, requests } = scriptedFetch(() => Response.json({}));
    const error = await runner({ fetch })
      .run(read, attemptAt(), { call: { signal: AbortSignal.abort() } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(requests).toHaveLength(0);
  });

  it('aborting during the backoff sleep ends with an AbortedError', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const { fetch, requests } = scriptedFetch(() => new Response('', { status: 503 }));
    const pending = runner({ fetch, retryDelay: { initialMs: 10_000, maxMs: 10_000 } })
      .run(read, attemptAt(), { call: { signal: controller.signal } })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(AbortedError);
    expect((error as Error).message).toContain('while waiting to retry');
    expect(requests).toHaveLength(1);
  });

  it('aborting while queued in the throttle ends with an AbortedError and sends nothing', async () => {
    let releaseFirst: (response: Response) => void = () => {};
    let calls = 0;
    const fetch: FetchLike = () => {
      calls++;
      return new Promise((resolve) => {
        releaseFirst = resolve;
      });
    };
    const run = runner({ fetch, maxConcurrency: 1 });
    const a = run.run(read, attemptAt());
    const controller = new AbortController();
    const b = run
      .run(read, attemptAt(), { call: { signal: controller.signal } })
      .catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = await b;
    expect(error).toBeInstanceOf(AbortedError);
    expect((error as Error).message).toContain('while queued');
    releaseFirst(Response.json({ a: 1 }));
    await expect(a).resolves.toEqual({ a: 1 });
    expect(calls).toBe(1);
  });
});

describe('Runner: how the signal reaches fetch', () => {
  it('fetch gets the attempt signal as init.signal; a spread init leaves it out (cheaper Requests)', async () => {
    let seen: AbortSignal | null | undefined;
    let spreadKeys: string[] = [];
    const fetch: FetchLike = async (_request, init) => {
      seen = init?.signal;
      return Response.json({ ok: true });
    };
    await runner({ fetch }).run(read, async (init) => {
      spreadKeys = Object.keys({ ...init });
      expect(init.signal).toBeInstanceOf(AbortSignal);
      const response = await init.fetch(new Request('https://api.test/x'));
      return { data: await response.json(), response };
    });
    expect(seen).toBeInstanceOf(AbortSignal);
    expect(spreadKeys.sort()).toEqual(['fetch', 'headers']);
  });

  it('a custom fetch that ignores every signal still ends at the deadline', async () => {
    vi.useFakeTimers();
    const never: FetchLike = () => new Promise(() => {});
    const pending = runner({ fetch: never, timeoutMs: 200, maxRetries: 0 })
      .run(read, attemptAt())
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(250);
    expect(await pending).toBeInstanceOf(TimeoutError);
  });

  it('an abort while the auth headers are being prepared is honoured', async () => {
    const controller = new AbortController();
    const { fetch, requests } = scriptedFetch(() => Response.json({}));
    const error = await runner(
      { fetch },
      {
        authHeaders: async () => {
          controller.abort();
          return {};
        },
      },
    )
      .run(read, attemptAt(), { call: { signal: controller.signal } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(requests).toHaveLength(0);
  });
});

describe('Runner: throttling', () => {
  it('maxConcurrency queues requests instead of failing them, never exceeding the limit', async () => {
    let inFlight = 0;
    let peak = 0;
    const fetch: FetchLike = async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      return Response.json({ ok: true });
    };
    const run = runner({ fetch, maxConcurrency: 3 });
    const results = await Promise.all(Array.from({ length: 40 }, () => run.run(read, attemptAt())));
    expect(results).toHaveLength(40);
    expect(peak).toBe(3);
  });

  it('maxRequestsPerSecond spaces request starts evenly (fake time)', async () => {
    vi.useFakeTimers();
    const startedAt: number[] = [];
    const fetch: FetchLike = async () => {
      startedAt.push(Date.now());
      return Response.json({ ok: true });
    };
    const run = runner({ fetch, maxRequestsPerSecond: 4 });
    const all = Promise.all(Array.from({ length: 5 }, () => run.run(read, attemptAt())));
    await vi.advanceTimersByTimeAsync(1_100);
    await all;
    const gaps = startedAt.slice(1).map((at, index) => at - (startedAt[index] ?? 0));
    expect(gaps).toEqual([250, 250, 250, 250]);
  });
});

describe('Runner: options are checked', () => {
  it.each([
    [{ timeoutMs: 0 }],
    [{ timeoutMs: -5 }],
    [{ timeoutMs: Number.NaN }],
    [{ maxRetries: -1 }],
    [{ maxRetries: 1.5 }],
    [{ maxRetries: Number.NaN }],
    [{ maxRetries: Number.POSITIVE_INFINITY }],
    [{ retryDelay: { initialMs: -1 } }],
    [{ maxConcurrency: -1 }],
    [{ maxConcurrency: 1.5 }],
    [{ maxRequestsPerSecond: -2 }],
  ] as CoreOptions[][])('rejects %j with a ConfigurationError', (options) => {
    expect(() => runner(options)).toThrow(ConfigurationError);
  });

  it('checks per-call options too (the call rejects, it does not throw)', async () => {
    const { fetch, requests } = scriptedFetch(() => Response.json({}));
    await expect(
      runner({ fetch }).run(read, attemptAt(), { call: { maxRetries: -1 } }),
    ).rejects.toBeInstanceOf(ConfigurationError);
    await expect(
      runner({ fetch }).run(read, attemptAt(), { call: { timeoutMs: 0 } }),
    ).rejects.toBeInstanceOf(ConfigurationError);
    expect(requests).toHaveLength(0);
  });
});
