/**
 * Hooks as a user meets them, through core's runner against a scripted loopback server: what each
 * list is handed and when, what a hook may change on the wire, how a throwing or hanging hook ends
 * the call, and how the `hooks` option is checked. (The conformance package runs the same promises
 * through every provider client; these pin them where the code lives.)
 */
import { getEventListeners } from 'node:events';
import { json, type ScriptedServer, startScriptedServer } from '@tenantkit/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AbortedError,
  ConfigurationError,
  type CoreOptions,
  HookError,
  type Hooks,
  type RequestEvent,
  type ResponseEvent,
  type RetryEvent,
  ServerError,
  TimeoutError,
} from '../src/index.js';
import {
  attemptAt,
  create,
  failureOf,
  makeRunner,
  read,
  SECRET,
} from './support/runner-harness.js';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const fast: CoreOptions = { retryDelay: { initialMs: 0, maxMs: 0 }, timeoutMs: 5_000 };
const thing = () => attemptAt(`${server.url}/things/1?page=2`);
const never = () => new Promise<void>(() => {});

/** Records every event each list is handed, in the order the hooks ran. */
function recorder() {
  const order: string[] = [];
  const requests: RequestEvent[] = [];
  const responses: ResponseEvent[] = [];
  const retries: RetryEvent[] = [];
  const hooks: Hooks = {
    beforeRequest: [
      (_request, event) => {
        order.push(`request ${event.attempt}`);
        requests.push(event);
      },
    ],
    afterResponse: [
      (event) => {
        order.push(`response ${event.attempt}`);
        responses.push(event);
      },
    ],
    beforeRetry: [
      (event) => {
        order.push(`retry ${event.attempt}`);
        retries.push(event);
      },
    ],
  };
  return { hooks, order, requests, responses, retries };
}

describe('hooks: what each list is handed, and when', () => {
  it('request → response → retry per failed attempt, then request → response', async () => {
    server.script([json(503, { message: 'busy' }), json(200, { id: 't1' })]);
    const seen = recorder();
    const data = await makeRunner({ ...fast, hooks: seen.hooks }).run(read, thing(), {
      input: { id: 't1' },
    });
    expect(data).toEqual({ id: 't1' });
    expect(seen.order).toEqual(['request 1', 'response 1', 'retry 1', 'request 2', 'response 2']);
  });

  it('a RequestEvent: provider, operation, attempt, method, the URL, redacted headers and input', async () => {
    server.script([json(200, { id: 't1' })]);
    const seen = recorder();
    await makeRunner({ ...fast, hooks: seen.hooks }).run(read, thing(), {
      input: { id: 't1', password: 'hunter2-hunter2' },
    });
    expect(seen.requests).toEqual([
      {
        provider: 'test',
        operation: 'getThing',
        attempt: 1,
        method: 'GET',
        url: `${server.url}/things/1?page=2`,
        headers: { authorization: '[REDACTED]' },
        body: { id: 't1', password: '[REDACTED]' },
      },
    ]);
  });

  it('a ResponseEvent: status, a duration, redacted headers, and the body (the error body on a failure)', async () => {
    server.script([
      json(503, { message: `busy ${SECRET}` }, { 'x-trace': 'abc' }),
      json(200, { id: 't1', token: 'tok-0123456789abcdef' }),
    ]);
    const seen = recorder();
    const before = performance.now();
    await makeRunner({ ...fast, hooks: seen.hooks }).run(read, thing());
    const callMs = performance.now() - before;
    const [failed, answered] = seen.responses;
    expect(failed).toMatchObject({
      provider: 'test',
      operation: 'getThing',
      attempt: 1,
      status: 503,
      body: { message: 'busy [REDACTED]' },
    });
    expect(failed?.headers).toMatchObject({ 'x-trace': 'abc', 'content-type': 'application/json' });
    expect(answered).toMatchObject({
      attempt: 2,
      status: 200,
      body: { id: 't1', token: '[REDACTED]' },
    });
    for (const event of seen.responses) {
      expect(Number.isInteger(event.durationMs)).toBe(true);
      expect(event.durationMs).toBeGreaterThanOrEqual(0);
      // Each attempt's duration lies within the call's own span (never a clock reading itself).
      expect(event.durationMs).toBeLessThanOrEqual(Math.ceil(callMs));
    }
  });

  it('a RetryEvent: the failed attempt, the delay, the reason, and the error it would have thrown', async () => {
    server.script([json(503, { message: 'busy' }), json(200, { id: 't1' })]);
    const seen = recorder();
    await makeRunner({ ...fast, retryDelay: { initialMs: 40, maxMs: 40 }, hooks: seen.hooks }).run(
      read,
      thing(),
    );
    expect(seen.retries).toHaveLength(1);
    const [retry] = seen.retries;
    expect(retry).toMatchObject({
      provider: 'test',
      operation: 'getThing',
      attempt: 1,
      reason: 'HTTP 503',
    });
    // Jitter only shortens a delay, by at most a quarter.
    expect(retry?.delayMs).toBeGreaterThanOrEqual(30);
    expect(retry?.delayMs).toBeLessThanOrEqual(40);
    expect(retry?.error).toBeInstanceOf(ServerError);
    expect(retry?.error).toMatchObject({ status: 503, attempts: 1, outcomeUnknown: false });
  });

  it('a dropped connection is retried with reason "connection"', async () => {
    server.script([{ reset: true }, json(200, { id: 't1' })]);
    const seen = recorder();
    await makeRunner({ ...fast, hooks: seen.hooks }).run(read, thing());
    expect(seen.retries.map((event) => event.reason)).toEqual(['connection']);
    expect(seen.responses.map((event) => event.status)).toEqual([200]);
  });

  it('a timed-out attempt is retried with reason "timeout" and a TimeoutError', async () => {
    server.script([{ hang: true }, json(200, { id: 't1' })]);
    const seen = recorder();
    await makeRunner({ ...fast, timeoutMs: 100, hooks: seen.hooks }).run(read, thing());
    expect(seen.retries.map((event) => event.reason)).toEqual(['timeout']);
    expect(seen.retries[0]?.error).toBeInstanceOf(TimeoutError);
  });

  it('beforeRequest changes the Request on the wire; the hooks of a list run in order, each awaited', async () => {
    server.script([json(200, { id: 't1' })]);
    const calls: string[] = [];
    const hooks: Hooks = {
      beforeRequest: [
        async (request) => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          request.headers.set('traceparent', '00-trace-1');
          calls.push('first');
        },
        (request) => {
          calls.push(`second saw ${request.headers.get('traceparent')}`);
        },
      ],
      afterResponse: [() => void calls.push('response a'), () => void calls.push('response b')],
    };
    await makeRunner({ ...fast, hooks }).run(read, thing());
    expect(calls).toEqual(['first', 'second saw 00-trace-1', 'response a', 'response b']);
    expect(server.requests[0]?.headers.traceparent).toBe('00-trace-1');
  });

  it('a list given alone is called (the other lists may be left out)', async () => {
    for (const name of ['beforeRequest', 'afterResponse', 'beforeRetry'] as const) {
      server.script([json(503, {}), json(200, { id: 't1' })]);
      let called = 0;
      await makeRunner({ ...fast, hooks: { [name]: [() => void called++] } }).run(read, thing());
      expect({ name, called }).toEqual({ name, called: name === 'beforeRetry' ? 1 : 2 });
    }
  });

  it('the lists are copied when the runner is made: a hook pushed later is never called', async () => {
    server.script([json(200, { id: 't1' })]);
    const late: string[] = [];
    const beforeRequest: Array<() => void> = [];
    const runner = makeRunner({ ...fast, hooks: { beforeRequest } });
    beforeRequest.push(() => void late.push('called'));
    await runner.run(read, thing());
    expect(late).toEqual([]);
  });

  it('the raw fetch calls no hook', async () => {
    server.script([json(200, { id: 't1' })]);
    const seen = recorder();
    const runner = makeRunner({ ...fast, hooks: seen.hooks });
    const response = await runner.fetch(new Request(`${server.url}/things/1`));
    expect(response.status).toBe(200);
    expect(seen.order).toEqual([]);
  });
});

/**
 * Every throwing hook is the first of its list, followed by one that records being called: a
 * throw ends the list there. Each row keeps the checks its own test had; the table gives every row
 * all of them (the HookError, its list, whether the outcome is known, its message without the
 * secret, its scrubbed cause, the provider error it interrupted, what was sent).
 */
describe('hooks: a hook that throws ends the call with a scrubbed HookError, never retried', () => {
  const rows = [
    {
      name: 'beforeRequest: nothing is sent, outcome known, the message names the list',
      list: 'beforeRequest',
      steps: [json(200, { id: 't1' })],
      operation: create,
      hook: (request: Request) => {
        throw new Error(`no: ${request.headers.get('authorization')}`);
      },
      outcomeUnknown: false,
      message: 'a beforeRequest hook failed: no: Bearer [REDACTED]',
      cause: 'no: Bearer [REDACTED]',
      interrupted: undefined,
      sent: 0,
    },
    {
      name: 'afterResponse after a create was answered: outcome unknown, sent once',
      list: 'afterResponse',
      steps: [json(201, { id: 't1' })],
      operation: create,
      hook: () => {
        throw new Error('metrics down');
      },
      outcomeUnknown: true,
      message: 'metrics down',
      cause: 'metrics down',
      interrupted: undefined,
      sent: 1,
    },
    {
      name: 'afterResponse after a read: outcome known',
      list: 'afterResponse',
      steps: [json(200, { id: 't1' })],
      operation: read,
      hook: () => {
        throw new Error('metrics down');
      },
      outcomeUnknown: false,
      message: 'metrics down',
      cause: 'metrics down',
      interrupted: undefined,
      sent: 1,
    },
    {
      name: 'beforeRetry: no retry is sent, and the provider error rides along (providerError)',
      list: 'beforeRetry',
      steps: [json(503, { message: 'busy' }), json(200, { id: 't1' })],
      operation: read,
      hook: () => {
        throw new Error('stop');
      },
      outcomeUnknown: false,
      message: 'stop',
      cause: 'stop',
      interrupted: 503,
      sent: 1,
    },
  ] as const;
  it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    server.script(row.steps);
    const later: string[] = [];
    const hooks = { [row.list]: [row.hook, () => void later.push('second hook')] } as Hooks;
    const error = await failureOf(makeRunner({ ...fast, hooks }).run(row.operation, thing()));
    expect(error).toBeInstanceOf(HookError);
    expect(error).toMatchObject({
      hook: row.list,
      outcomeUnknown: row.outcomeUnknown,
      attempts: 1,
    });
    expect(error.message).toContain(row.message);
    expect(error.message).not.toContain(SECRET);
    // The cause is a scrubbed copy of what the hook threw: there, and without the secret.
    const { cause, providerError } = error as HookError;
    expect(cause).toBeInstanceOf(Error);
    expect((cause as Error).message).toBe(row.cause);
    if (row.interrupted === undefined) expect(providerError).toBeUndefined();
    else {
      expect(providerError).toBeInstanceOf(ServerError);
      expect(providerError).toMatchObject({ status: row.interrupted });
    }
    expect(later).toEqual([]);
    expect(server.requests).toHaveLength(row.sent);
  });
});

describe('hooks: the caller ends a call stuck in a hook that never settles', () => {
  /** The hook aborts the call (a moment later, or itself at once), then never settles. */
  const rows = [
    {
      name: 'a hanging afterResponse hook: AbortedError (outcome unknown for a create), no listener left',
      list: 'afterResponse',
      steps: [json(201, { id: 't1' })],
      operation: create,
      abort: 'later',
      message: 'aborted by the caller',
      outcomeUnknown: true,
    },
    {
      name: 'a hanging beforeRetry hook: AbortedError "while waiting to retry", no second request',
      list: 'beforeRetry',
      steps: [json(503, {}), json(200, { id: 't1' })],
      operation: read,
      abort: 'later',
      message: 'aborted by the caller while waiting to retry',
      outcomeUnknown: false,
    },
    {
      name: 'a hook that aborts the call itself before it hangs: AbortedError at once',
      list: 'afterResponse',
      steps: [json(200, { id: 't1' })],
      operation: read,
      abort: 'at once',
      message: 'aborted by the caller',
      outcomeUnknown: false,
    },
  ] as const;
  it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    server.script(row.steps);
    const controller = new AbortController();
    const hang = () => {
      if (row.abort === 'later') setTimeout(() => controller.abort(), 10);
      else controller.abort();
      return never();
    };
    const error = await failureOf(
      makeRunner({ ...fast, hooks: { [row.list]: [hang] } }).run(row.operation, thing(), {
        call: { signal: controller.signal },
      }),
    );
    expect(error).toBeInstanceOf(AbortedError);
    expect(error.message).toContain(row.message);
    expect(error).toMatchObject({ outcomeUnknown: row.outcomeUnknown });
    expect(server.requests).toHaveLength(1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
  it('a hanging beforeRequest hook is inside the timeout: TimeoutError, nothing sent', async () => {
    server.script([json(200, { id: 't1' })]);
    const error = await failureOf(
      makeRunner({ ...fast, timeoutMs: 50, maxRetries: 0, hooks: { beforeRequest: [never] } }).run(
        read,
        thing(),
      ),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(0);
  });

  it('hooks that settle leave no listener on the caller signal', async () => {
    server.script([json(503, {}), json(200, { id: 't1' })]);
    const controller = new AbortController();
    const seen = recorder();
    await makeRunner({ ...fast, hooks: seen.hooks }).run(read, thing(), {
      call: { signal: controller.signal },
    });
    expect(seen.order).toHaveLength(5);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('the hooks option is checked when the runner is made', () => {
  const made = (hooks: unknown) => () => makeRunner({ hooks: hooks as Hooks });
  it.each([
    ['a string', 'x'],
    ['null', null],
    ['an array', []],
  ])('%s is refused', (_name, hooks) => {
    expect(made(hooks)).toThrow(ConfigurationError);
    expect(made(hooks)).toThrow(
      'test: `hooks` must be an object of hook arrays (beforeRequest, afterResponse, beforeRetry).',
    );
  });

  it('an unknown list is named', () => {
    expect(made({ onError: [] })).toThrow(
      'test: `hooks.onError` must be one of beforeRequest, afterResponse, beforeRetry (unknown hook).',
    );
  });

  it('a list that is not an array, and an item that is not a function, are named', () => {
    expect(made({ afterResponse: () => {} })).toThrow(
      'test: `hooks.afterResponse` must be an array of functions.',
    );
    expect(made({ beforeRetry: [() => {}, 'log'] })).toThrow(
      'test: `hooks.beforeRetry[1]` must be a function.',
    );
  });

  it('undefined, an empty object and empty lists are accepted', () => {
    expect(made(undefined)).not.toThrow();
    expect(made({})).not.toThrow();
    expect(made({ beforeRequest: [], afterResponse: [], beforeRetry: [] })).not.toThrow();
  });
});
