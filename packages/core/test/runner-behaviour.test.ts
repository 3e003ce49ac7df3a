/**
 * The runner as a caller observes it: when retries happen (fake time), what is left attached to
 * the caller's signal, what the defaults are, and what an error carries.
 */
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  ConfigurationError,
  ConnectionError,
  type FetchLike,
  InvalidResponseError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from '../src/index.js';
import {
  attemptAt,
  create,
  failureOf,
  hangingFetch,
  makeRunner,
  read,
  SECRET,
  scriptedFetch,
} from './support/runner-harness.js';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Milliseconds between consecutive requests, in fake time. */
function gapsBetween(times: number[]): number[] {
  return times.slice(1).map((at, index) => at - (times[index] ?? 0));
}

/** A fetch that fails with `status` until the last request, which succeeds; records start times. */
function failingThenOk(failures: number, status = 503, headers: Record<string, string> = {}) {
  const times: number[] = [];
  const fetch: FetchLike = async () => {
    times.push(Date.now());
    return times.length > failures
      ? Response.json({ ok: true })
      : new Response('', { status, headers });
  };
  return { fetch, times };
}

describe('Runner: backoff, observed in fake time', () => {
  it('by default waits 500 ms, then 1 s (the most a jitter-free delay can be)', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { fetch, times } = failingThenOk(2);
    const pending = makeRunner({ fetch }).run(read, attemptAt());
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(pending).resolves.toEqual({ ok: true });
    expect(gapsBetween(times)).toEqual([500, 1_000]);
  });

  it('jitter only shortens a delay, by at most a quarter', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999_9);
    const { fetch, times } = failingThenOk(2);
    const pending = makeRunner({ fetch }).run(read, attemptAt());
    await vi.advanceTimersByTimeAsync(10_000);
    await pending;
    expect(gapsBetween(times)).toEqual([375, 750]);
  });

  it('doubles from retryDelay.initialMs and stops growing at the 8 s default cap', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { fetch, times } = failingThenOk(3);
    const pending = makeRunner({ fetch, maxRetries: 3, retryDelay: { initialMs: 3_000 } }).run(
      read,
      attemptAt(),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    await pending;
    expect(gapsBetween(times)).toEqual([3_000, 6_000, 8_000]);
  });

  it('retryDelay.maxMs caps the backoff', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { fetch, times } = failingThenOk(2);
    const pending = makeRunner({ fetch, retryDelay: { maxMs: 700 } }).run(read, attemptAt());
    await vi.advanceTimersByTimeAsync(10_000);
    await pending;
    expect(gapsBetween(times)).toEqual([500, 700]);
  });

  it.each([
    ['20', 8_000, 'capped at the 8 s default'],
    ['1.5', 1_500, 'fractional seconds'],
    ['0', 0, 'at once'],
  ])('Retry-After: %s waits %d ms (%s), without jitter', async (header, gap) => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const { fetch, times } = failingThenOk(1, 429, { 'retry-after': header });
    const pending = makeRunner({ fetch }).run(read, attemptAt());
    await vi.advanceTimersByTimeAsync(30_000);
    await pending;
    expect(gapsBetween(times)).toEqual([gap]);
  });

  it('a Retry-After on an error reported inside a 200 body is honoured too', async () => {
    vi.useFakeTimers();
    const times: number[] = [];
    const fetch: FetchLike = async () => {
      times.push(Date.now());
      return times.length === 1
        ? Response.json({ failure: 'slow down' }, { headers: { 'retry-after': '2' } })
        : Response.json({ ok: true });
    };
    const pending = makeRunner(
      { fetch },
      {
        errorInSuccessBody: (data) =>
          (data as { failure?: string }).failure
            ? { code: 429, providerMessage: 'slow down', classifyAs: 429 }
            : undefined,
      },
    ).run(read, attemptAt());
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(pending).resolves.toEqual({ ok: true });
    expect(gapsBetween(times)).toEqual([2_000]);
  });

  it('the final error of a 429 that never ends carries its Retry-After and the attempt count', async () => {
    vi.useFakeTimers();
    const { fetch } = failingThenOk(99, 429, { 'retry-after': '1' });
    const pending = failureOf(makeRunner({ fetch }).run(read, attemptAt()));
    await vi.advanceTimersByTimeAsync(10_000);
    const error = await pending;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 1_000, attempts: 3 });
  });

  it('logs each retry with its delay and reason', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const lines: Array<[string, Record<string, unknown> | undefined]> = [];
    let calls = 0;
    const fetch: FetchLike = async (request, init) => {
      calls++;
      if (calls === 1) return new Response('', { status: 503 });
      if (calls === 2) throw new TypeError('fetch failed');
      if (calls === 3) return hangingFetch(request, init);
      return Response.json({ ok: true });
    };
    const pending = makeRunner({
      fetch,
      maxRetries: 3,
      timeoutMs: 100,
      logger: { debug: (message, details) => lines.push([message, details]) },
    }).run(read, attemptAt());
    await vi.advanceTimersByTimeAsync(10_000);
    await pending;
    const retries = lines.filter(([message]) => message === 'tenantkit retry').map(([, d]) => d);
    expect(retries).toEqual([
      { provider: 'test', operation: 'getThing', attempt: 1, delayMs: 500, reason: 'HTTP 503' },
      { provider: 'test', operation: 'getThing', attempt: 2, delayMs: 1_000, reason: 'connection' },
      { provider: 'test', operation: 'getThing', attempt: 3, delayMs: 2_000, reason: 'timeout' },
    ]);
  });
});

describe('Runner: option defaults', () => {
  it('times out after 30 s by default', async () => {
    vi.useFakeTimers();
    const pending = failureOf(
      makeRunner({ fetch: hangingFetch, maxRetries: 0 }).run(read, attemptAt()),
    );
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(29_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await pending;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 30_000, attempts: 1 });
    expect(error.message).toBe('test.getThing (GET /things/{id}): no response within 30000 ms');
  });

  it('the longest timeout a timer can hold still fires; a longer one means none', async () => {
    vi.useFakeTimers();
    const longest = 2_147_483_647;
    const pending = failureOf(
      makeRunner({ fetch: hangingFetch, maxRetries: 0, timeoutMs: longest }).run(read, attemptAt()),
    );
    await vi.advanceTimersByTimeAsync(longest);
    expect(await pending).toBeInstanceOf(TimeoutError);

    let answer: (response: Response) => void = () => {};
    const late: FetchLike = () =>
      new Promise((resolve) => {
        answer = resolve;
      });
    const beyond = makeRunner({ fetch: late, maxRetries: 0, timeoutMs: longest + 1 }).run(
      read,
      attemptAt(),
    );
    await vi.advanceTimersByTimeAsync(10);
    answer(Response.json({ late: true }));
    await expect(beyond).resolves.toEqual({ late: true });
  });

  it('uses the global fetch of the moment of the call when none is given', async () => {
    const runner = makeRunner();
    const { fetch, requests } = scriptedFetch(() => Response.json({ via: 'global' }));
    vi.stubGlobal('fetch', fetch);
    await expect(runner.run(read, attemptAt())).resolves.toEqual({ via: 'global' });
    expect(requests).toHaveLength(1);
    expect(typeof runner.fetch).toBe('function');
  });

  it('the raw fetch it exposes goes through the fetch it was given', async () => {
    const { fetch, requests } = scriptedFetch(() => Response.json({ raw: true }));
    const response = await makeRunner({ fetch }).fetch(new Request('https://api.test/raw'));
    expect(await response.json()).toEqual({ raw: true });
    expect(requests.map((request) => request.url)).toEqual(['https://api.test/raw']);
  });

  it.each([
    ['maxConcurrency', { maxConcurrency: 0 }],
    ['maxRequestsPerSecond', { maxRequestsPerSecond: 0 }],
    ['both', { maxConcurrency: 0, maxRequestsPerSecond: 0 }],
  ])('%s: 0 means no limit, as leaving it out does', async (_name, limits) => {
    let inFlight = 0;
    let peak = 0;
    const release: Array<() => void> = [];
    const fetch: FetchLike = () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      return new Promise((resolve) => {
        release.push(() => {
          inFlight--;
          resolve(Response.json({ ok: true }));
        });
      });
    };
    const runner = makeRunner({ fetch, ...limits });
    const all = Promise.all(Array.from({ length: 5 }, () => runner.run(read, attemptAt())));
    await vi.waitFor(() => expect(release).toHaveLength(5));
    for (const done of release) done();
    await all;
    expect(peak).toBe(5);
  });

  it.each([
    [{ timeoutMs: 1 }],
    [{ maxRetries: 0 }],
    [{ retryDelay: { initialMs: 0, maxMs: 0 } }],
    [{ maxConcurrency: 1, maxRequestsPerSecond: 0.5 }],
    [{ timeoutMs: Number.POSITIVE_INFINITY }],
  ])('accepts %j', (options) => {
    expect(() => makeRunner(options)).not.toThrow();
  });

  it.each([
    [{ retryDelay: { maxMs: -1 } }, '`retryDelay.maxMs` must be 0 or more milliseconds.'],
    [
      { retryDelay: { initialMs: Number.POSITIVE_INFINITY } },
      '`retryDelay.initialMs` must be 0 or more milliseconds.',
    ],
    [
      { maxRequestsPerSecond: Number.POSITIVE_INFINITY },
      '`maxRequestsPerSecond` must be a positive number when set.',
    ],
    [{ maxConcurrency: 2.5 }, '`maxConcurrency` must be a positive whole number when set.'],
    [
      { timeoutMs: -1 },
      '`timeoutMs` must be a positive number of milliseconds (or Infinity for none).',
    ],
    [{ maxRetries: 0.5 }, '`maxRetries` must be a whole number, 0 or more (0 disables retries).'],
    [{ timeoutMs: '5' }, '`timeoutMs` must be a positive number of milliseconds'],
    [{ retryDelay: { initialMs: '5' } }, '`retryDelay.initialMs` must be 0 or more milliseconds.'],
  ])('refuses %j, naming the option', (options, message) => {
    expect(() => makeRunner(options as never)).toThrow(ConfigurationError);
    expect(() => makeRunner(options as never)).toThrow(`test: ${message}`);
  });
});

describe("Runner: nothing stays attached to the caller's signal", () => {
  const listeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

  it('after successful calls, while one is in flight it is listened to', async () => {
    const controller = new AbortController();
    let answer: (response: Response) => void = () => {};
    const fetch: FetchLike = () =>
      new Promise((resolve) => {
        answer = resolve;
      });
    const runner = makeRunner({ fetch });
    for (let call = 0; call < 3; call++) {
      const pending = runner.run(read, attemptAt(), { call: { signal: controller.signal } });
      await vi.waitFor(() => expect(listeners(controller.signal)).toBeGreaterThan(0));
      answer(Response.json({ call }));
      await expect(pending).resolves.toEqual({ call });
    }
    expect(listeners(controller.signal)).toBe(0);
  });

  it('after retries with backoff, a timeout and a final failure', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    let calls = 0;
    const fetch: FetchLike = (request, init) =>
      ++calls === 1
        ? Promise.resolve(new Response('', { status: 503 }))
        : hangingFetch(request, init);
    const pending = failureOf(
      makeRunner({ fetch, timeoutMs: 100 }).run(read, attemptAt(), {
        call: { signal: controller.signal },
      }),
    );
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await pending).toBeInstanceOf(TimeoutError);
    expect(calls).toBe(3);
    expect(listeners(controller.signal)).toBe(0);
  });

  it('after waiting in the throttle queue and for the rate limit', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const { fetch, requests } = scriptedFetch(() => Response.json({ ok: true }));
    const runner = makeRunner({ fetch, maxConcurrency: 1, maxRequestsPerSecond: 2 });
    const all = Promise.all(
      Array.from({ length: 4 }, () =>
        runner.run(read, attemptAt(), { call: { signal: controller.signal } }),
      ),
    );
    await vi.advanceTimersByTimeAsync(5_000);
    await all;
    expect(requests).toHaveLength(4);
    expect(listeners(controller.signal)).toBe(0);
  });
});

describe('Runner: what an error carries', () => {
  const bodyOf = async (body: string) => {
    const { fetch } = scriptedFetch(() => new Response(body, { status: 400 }));
    return (await failureOf(makeRunner({ fetch }).run(read, attemptAt()))) as ApiError;
  };

  it('keeps an error body of 2,000 characters whole', async () => {
    const body = 'x'.repeat(2_000);
    expect((await bodyOf(body)).body).toBe(body);
  });

  it('cuts a longer error body to 2,000 characters and says so with an ellipsis', async () => {
    const kept = (await bodyOf('y'.repeat(2_001))).body as string;
    expect(kept).toBe(`${'y'.repeat(2_000)}…`);
  });

  it('never keeps a secret in a long body', async () => {
    const kept = (await bodyOf(`${'z'.repeat(1_500)} token=${SECRET} ${'z'.repeat(1_500)}`))
      .body as string;
    expect(kept).not.toContain(SECRET.slice(0, 8));
    expect(kept.length).toBeLessThanOrEqual(2_001);
  });

  it('cuts a long provider text to about 200 characters in the message', async () => {
    const { fetch } = scriptedFetch(
      () => new Response(`<html><p>${'a'.repeat(300)}</p></html>`, { status: 500 }),
    );
    const error = await failureOf(makeRunner({ fetch, maxRetries: 0 }).run(read, attemptAt()));
    const said = error.message.replace('test.getThing (GET /things/{id}): HTTP 500: ', '');
    expect(said.startsWith('a'.repeat(200))).toBe(true);
    expect(said.length).toBeLessThanOrEqual(201);
  });

  it("scrubs a provider's string error code and request id; a number code stays", async () => {
    const { fetch } = scriptedFetch(
      () =>
        Response.json(
          { error: { code: `bad_key_${SECRET}`, message: 'no' }, request_id: `req-${SECRET}` },
          { status: 401 },
        ),
      () => Response.json({ error: { code: 4012, message: 'no' } }, { status: 401 }),
    );
    const runner = makeRunner({ fetch });
    const first = (await failureOf(runner.run(read, attemptAt()))) as ApiError;
    expect(first.code).toBe('bad_key_[REDACTED]');
    expect(first.requestId).toBe('req-[REDACTED]');
    expect(first.message).not.toContain(SECRET);
    const second = (await failureOf(runner.run(read, attemptAt()))) as ApiError;
    expect(second.code).toBe(4012);
    expect(second.message).toBe('test.getThing (GET /things/{id}): HTTP 401 4012: no');
  });

  it('the request id comes from the body, else from the x-request-id or request-id header', async () => {
    const answer = (body: unknown, headers: Record<string, string>) => async () => {
      const { fetch } = scriptedFetch(() => Response.json(body, { status: 404, headers }));
      return ((await failureOf(makeRunner({ fetch }).run(read, attemptAt()))) as ApiError)
        .requestId;
    };
    expect(await answer({ request_id: 'from-body' }, { 'x-request-id': 'from-x' })()).toBe(
      'from-body',
    );
    expect(await answer({}, { 'x-request-id': 'from-x', 'request-id': 'plain' })()).toBe('from-x');
    expect(await answer({}, { 'request-id': 'plain' })()).toBe('plain');
    expect(await answer({}, {})()).toBeUndefined();
  });

  it("a provider that names its own request-id headers is read from them (Twilio's Twilio-Request-Id)", async () => {
    const requestId = async (headers: Record<string, string>) => {
      const { fetch } = scriptedFetch(() => Response.json({}, { status: 404, headers }));
      const runner = makeRunner({ fetch }, { requestIdHeaders: ['twilio-request-id', 'x-alt-id'] });
      return ((await failureOf(runner.run(read, attemptAt()))) as ApiError).requestId;
    };
    expect(await requestId({ 'Twilio-Request-Id': 'RQ123' })).toBe('RQ123');
    expect(await requestId({ 'x-alt-id': 'alt', 'twilio-request-id': 'RQ1' })).toBe('RQ1');
    expect(await requestId({ 'x-alt-id': 'alt' })).toBe('alt');
    // Its own names replace the defaults.
    expect(await requestId({ 'x-request-id': 'generic' })).toBeUndefined();
  });

  it('a 200 without a body is an InvalidResponseError naming the status and content type; a 204 is fine', async () => {
    const empty = scriptedFetch(
      () => new Response('', { status: 200, headers: { 'content-type': 'text/plain' } }),
    );
    const error = await failureOf(makeRunner({ fetch: empty.fetch }).run(read, attemptAt()));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, outcomeUnknown: false });
    expect(error.message).toContain('the provider answered 200 but its body is empty (text/plain)');
    expect(empty.requests).toHaveLength(1);
    const noContent = scriptedFetch(() => new Response(null, { status: 204 }));
    await expect(
      makeRunner({ fetch: noContent.fetch }).run(read, attemptAt()),
    ).resolves.toBeUndefined();
  });

  it('a 200 whose body is not JSON: InvalidResponseError without the body, once, outcome unknown for a create', async () => {
    const { fetch, requests } = scriptedFetch(
      () =>
        // Bytes, so no content type is set.
        new Response(new TextEncoder().encode(`<html>${SECRET}</html>`), {
          status: 200,
          headers: { 'x-request-id': 'r1' },
        }),
    );
    const error = await failureOf(makeRunner({ fetch }).run(create, attemptAt()));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ outcomeUnknown: true, requestId: 'r1', body: undefined });
    expect(error.message).toContain('its body is not valid JSON (no content type)');
    expect(error.cause).toBeUndefined();
    expect(requests).toHaveLength(1);
  });

  it('a connection that was never made says so, with the code; a lost one does not', async () => {
    const refused = Object.assign(new Error(`connect ECONNREFUSED for ${SECRET}`), {
      code: 'ECONNREFUSED',
    });
    const never = await failureOf(
      makeRunner({ fetch: () => Promise.reject(refused), maxRetries: 0 }).run(read, attemptAt()),
    );
    expect(never).toBeInstanceOf(ConnectionError);
    expect(never.message).toBe(
      'test.getThing (GET /things/{id}): connection failed before the request was sent: connect ECONNREFUSED for [REDACTED] (ECONNREFUSED)',
    );
    const lost = await failureOf(
      makeRunner({ fetch: () => Promise.reject('socket hang up'), maxRetries: 0 }).run(
        read,
        attemptAt(),
      ),
    );
    expect(lost.message).toBe(
      'test.getThing (GET /things/{id}): connection failed: socket hang up',
    );
    expect((lost.cause as Error).message).toBe('socket hang up');
  });

  it('a request that cannot be prepared names the operation, scrubbed, and sends nothing', async () => {
    const { fetch, requests } = scriptedFetch(() => Response.json({}));
    const error = await failureOf(
      makeRunner(
        { fetch },
        {
          authHeaders: () => {
            throw new Error(`signing failed with ${SECRET}`);
          },
        },
      ).run(read, attemptAt()),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toBe(
      'test.getThing: the request could not be prepared: signing failed with [REDACTED]',
    );
    expect((error.cause as Error).message).toBe('signing failed with [REDACTED]');
    expect(requests).toHaveLength(0);
    const thrown = await failureOf(
      makeRunner({ fetch }, { authHeaders: () => Promise.reject('no key') }).run(read, attemptAt()),
    );
    expect(thrown.message).toBe('test.getThing: the request could not be prepared: no key');
  });

  it('a tenantkit error raised while preparing the request reaches the caller as it is', async () => {
    const own = new ValidationError({
      provider: 'test',
      operation: 'getThing',
      field: 'id',
      rule: 'non-blank',
      message: 'must not be blank',
    });
    const error = await failureOf(
      makeRunner({}, { authHeaders: () => Promise.reject(own) }).run(read, attemptAt()),
    );
    expect(error).toBe(own);
  });

  it('call headers are sent with the authentication headers', async () => {
    const { fetch, requests } = scriptedFetch(() => Response.json({}));
    await makeRunner({ fetch }).run(read, attemptAt(), {
      call: { headers: { 'x-trace': 't-1' } },
    });
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${SECRET}`);
    expect(requests[0]?.headers.get('x-trace')).toBe('t-1');
  });

  it('a call header can never replace an authentication header on the wire', async () => {
    const { fetch, requests } = scriptedFetch(() => Response.json({}));
    // Refusing the call or keeping the client's header are both sound; sending the caller's is not.
    await makeRunner({ fetch })
      .run(read, attemptAt(), { call: { headers: { authorization: 'Bearer mine' } } })
      .catch(() => {});
    for (const request of requests) {
      expect(request.headers.get('authorization')).toBe(`Bearer ${SECRET}`);
    }
  });

  it('an error built for a create that failed for sure says nothing of an unknown outcome', async () => {
    const { fetch } = scriptedFetch(() => Response.json({ message: 'taken' }, { status: 409 }));
    const error = await failureOf(makeRunner({ fetch }).run(create, attemptAt()));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe('test.createThing (POST /things): HTTP 409: taken');
    expect(error).toMatchObject({ outcomeUnknown: false, attempts: 1 });
  });
});

describe('Runner: unwrapping, aborts and odd failures', () => {
  it('hands back what unwrap takes out of the envelope', async () => {
    const { fetch } = scriptedFetch(() => Response.json({ status: 'ok', response: { id: 7 } }));
    await expect(
      makeRunner({ fetch }).run(read, attemptAt(), {
        unwrap: (data) => (data as { response?: unknown }).response,
      }),
    ).resolves.toEqual({ id: 7 });
  });

  it('a missing payload without a description says "the expected payload"', async () => {
    const { fetch } = scriptedFetch(() => Response.json({ status: 'ok' }));
    const error = await failureOf(
      makeRunner({ fetch }).run(read, attemptAt(), { unwrap: () => undefined }),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain('lacks the expected payload');
  });

  it('a read answered with a broken body is not retried', async () => {
    const { fetch, requests } = scriptedFetch(
      () =>
        new Response('{"half":', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    const error = await failureOf(makeRunner({ fetch }).run(read, attemptAt()));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(requests).toHaveLength(1);
  });

  it('a body cut off while being read is a connection failure, not an invalid answer', async () => {
    const { fetch } = scriptedFetch(() => Response.json({ ok: true }));
    const error = await failureOf(
      makeRunner({ fetch, maxRetries: 0 }).run(read, async (init) => {
        await init.fetch(new Request('https://api.test/things/1'));
        throw new TypeError('terminated');
      }),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toBe('test.getThing (GET /things/{id}): connection failed: terminated');
  });

  it('an init the attempt passes to fetch reaches it, with the attempt signal', async () => {
    let seen: RequestInit | undefined;
    const fetch: FetchLike = async (_request, init) => {
      seen = init;
      return Response.json({});
    };
    await makeRunner({ fetch }).run(read, async (init) => {
      const response = await init.fetch(new Request('https://api.test/x'), { keepalive: true });
      return { data: await response.json(), response };
    });
    expect(seen?.keepalive).toBe(true);
    expect(seen?.signal).toBeInstanceOf(AbortSignal);
  });

  it('an already-aborted call prepares nothing: no auth headers, no request', async () => {
    let prepared = 0;
    const { fetch, requests } = scriptedFetch(() => Response.json({}));
    const error = await failureOf(
      makeRunner(
        { fetch },
        {
          authHeaders: () => {
            prepared++;
            return {};
          },
        },
      ).run(read, attemptAt(), { call: { signal: AbortSignal.abort() } }),
    );
    expect(error.message).toBe('test.getThing (GET /things/{id}): aborted by the caller');
    expect(prepared).toBe(0);
    expect(requests).toHaveLength(0);
  });

  it('an abort while the auth headers are prepared, or mid-request, says the caller aborted', async () => {
    const duringAuth = new AbortController();
    const early = await failureOf(
      makeRunner(
        {},
        {
          authHeaders: () => {
            duringAuth.abort();
            return {};
          },
        },
      ).run(read, attemptAt(), { call: { signal: duringAuth.signal } }),
    );
    expect(early.message).toBe('test.getThing (GET /things/{id}): aborted by the caller');
    const midway = new AbortController();
    const fetch: FetchLike = (request, init) => {
      queueMicrotask(() => midway.abort());
      return hangingFetch(request, init);
    };
    const late = await failureOf(
      makeRunner({ fetch }).run(read, attemptAt(), { call: { signal: midway.signal } }),
    );
    expect(late.message).toBe('test.getThing (GET /things/{id}): aborted by the caller');
  });

  it('a per-call timeout is checked and named like the client option', async () => {
    const error = await failureOf(makeRunner().run(read, attemptAt(), { call: { timeoutMs: -1 } }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain('`timeoutMs` must be a positive number of milliseconds');
  });
});

describe('Runner: the debug log', () => {
  it('measures the duration of the exchange', async () => {
    const lines: Array<Record<string, unknown> | undefined> = [];
    const { fetch } = scriptedFetch(() => Response.json({}));
    const before = performance.now();
    await makeRunner({ fetch, logger: { debug: (_message, details) => lines.push(details) } }).run(
      read,
      attemptAt(),
    );
    const elapsed = performance.now() - before;
    const durationMs = lines[1]?.durationMs as number;
    expect(durationMs).toBeGreaterThanOrEqual(0);
    expect(durationMs).toBeLessThanOrEqual(Math.ceil(elapsed));
  });

  it('records request and response with redacted URL, headers and bodies', async () => {
    const lines: Array<[string, Record<string, unknown> | undefined]> = [];
    const { fetch } = scriptedFetch(() =>
      Response.json(
        { api_key: SECRET, name: 'Acme' },
        { status: 201, headers: { 'set-cookie': 'sid=1', 'x-request-id': 'r-9' } },
      ),
    );
    const runner = makeRunner({
      fetch,
      logger: { debug: (message, details) => lines.push([message, details]) },
    });
    await runner.run(create, attemptAt('https://api.test/things?password=p4ss-w0rd&x=1'), {
      input: { name: 'Acme', password: 'p4ss-w0rd' },
    });
    expect(lines.map(([message]) => message)).toEqual(['tenantkit request', 'tenantkit response']);
    const [request, response] = lines.map(([, details]) => details);
    expect(request).toMatchObject({
      provider: 'test',
      operation: 'createThing',
      attempt: 1,
      method: 'GET',
      headers: { authorization: '[REDACTED]' },
      body: { name: 'Acme', password: '[REDACTED]' },
    });
    expect(String(request?.url)).toMatch(/^https:\/\/api\.test\/things\?password=[^p]\S*&x=1$/);
    expect(response).toMatchObject({
      provider: 'test',
      operation: 'createThing',
      status: 201,
      headers: { 'set-cookie': '[REDACTED]', 'x-request-id': 'r-9' },
      body: { api_key: '[REDACTED]', name: 'Acme' },
    });
    expect(typeof response?.durationMs).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('p4ss-w0rd');
    expect(JSON.stringify(lines)).not.toContain(SECRET);
  });

  it('logs the error body of a failed response', async () => {
    const lines: Array<[string, Record<string, unknown> | undefined]> = [];
    const { fetch } = scriptedFetch(() => Response.json({ detail: 'gone' }, { status: 404 }));
    await failureOf(
      makeRunner({
        fetch,
        logger: { debug: (message, details) => lines.push([message, details]) },
      }).run(read, attemptAt()),
    );
    expect(lines[1]?.[1]).toMatchObject({ status: 404, body: { detail: 'gone' } });
  });
});
