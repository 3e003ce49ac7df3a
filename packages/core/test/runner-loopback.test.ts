/**
 * The runner against a scripted loopback server, as a client's caller sees it: what a call
 * resolves to (the plan's unwrap, found and bodyOptional), the errors of an answer that is not what
 * the plan expects, the raw fetch (no redirect followed, no body read past the limit), and what an
 * attempt leaves behind on the caller's signal when it ends by answer, timeout or abort.
 */
import { getEventListeners } from 'node:events';
import { json, type ScriptedServer, startScriptedServer } from '@tenantkit/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AbortedError,
  ConfigurationError,
  type CoreOptions,
  InvalidResponseError,
  NotFoundError,
  ResponseTooLargeError,
  TimeoutError,
} from '../src/index.js';
import { attemptAt, create, failureOf, makeRunner, read } from './support/runner-harness.js';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const fast: CoreOptions = { retryDelay: { initialMs: 0, maxMs: 0 }, timeoutMs: 5_000 };
const thing = () => attemptAt(`${server.url}/things/1`);

interface Envelope {
  item?: { id: string };
}
const unwrapItem = (data: unknown) => (data as Envelope).item;

describe('what a call resolves to: the plan', () => {
  it('unwrap takes the payload out of the envelope', async () => {
    server.script([json(200, { item: { id: 't1' } })]);
    const data = await makeRunner(fast).run(read, thing(), { unwrap: unwrapItem });
    expect(data).toEqual({ id: 't1' });
  });

  it('bodyOptional does not skip unwrap when there is a body', async () => {
    server.script([json(200, { item: { id: 't1' } })]);
    const data = await makeRunner(fast).run(read, thing(), {
      unwrap: unwrapItem,
      bodyOptional: true,
    });
    expect(data).toEqual({ id: 't1' });
  });

  it('bodyOptional: an empty 200 resolves to undefined, unwrap skipped', async () => {
    server.script([{ status: 200 }]);
    const data = await makeRunner(fast).run(read, thing(), {
      unwrap: unwrapItem,
      bodyOptional: true,
    });
    expect(data).toBeUndefined();
  });

  it('without bodyOptional, an empty 200 is an InvalidResponseError naming what was expected', async () => {
    server.script([{ status: 200 }]);
    const error = await failureOf(
      makeRunner({ ...fast, maxRetries: 0 }).run(read, thing(), {
        unwrap: unwrapItem,
        expects: 'the `item` field',
      }),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
  });

  it.each([
    ['an array', [1, 2], 'an array'],
    ['null', null, 'null'],
    ['a string', 'ok', 'a string'],
    ['an object without it', { other: 1 }, 'an object'],
    ['a number', 42, 'a number'],
  ])(
    'an answer holding %s: the error says what it lacks and what came',
    async (_name, body, got) => {
      server.script([json(200, body)]);
      const error = await failureOf(
        makeRunner({ ...fast, maxRetries: 0 }).run(read, thing(), {
          unwrap: (data: unknown) => (data as Envelope).item,
          expects: 'the `item` field',
        }),
      );
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(
        error.message.endsWith(`: HTTP 200: the answer lacks the \`item\` field (got ${got})`),
      ).toBe(true);
      expect(error).toMatchObject({ status: 200 });
    },
  );

  it.each([
    ['null', json(200, null)],
    ['no body', { status: 200 }],
  ])('an answer holding %s never reaches unwrap, however lenient', async (name, step) => {
    server.script([step]);
    const error = await failureOf(
      makeRunner({ ...fast, maxRetries: 0 }).run(read, thing(), {
        unwrap: (data: unknown) => data ?? { id: 'made up' },
      }),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    if (name === 'null') expect(error.message).toContain('(got null)');
  });

  it('without `expects`, the error says "the expected payload"', async () => {
    server.script([json(200, {})]);
    const error = await failureOf(
      makeRunner({ ...fast, maxRetries: 0 }).run(read, thing(), { unwrap: unwrapItem }),
    );
    expect(error.message).toMatch(
      / HTTP 200: the answer lacks the expected payload \(got an object\)$/,
    );
  });

  it('an unwrap that throws a TypeError on an odd shape is an InvalidResponseError, not a TypeError', async () => {
    server.script([json(200, { item: 'not an object' })]);
    const error = await failureOf(
      makeRunner({ ...fast, maxRetries: 0 }).run(read, thing(), {
        unwrap: (data: unknown) => (data as { item: { inner: { id: string } } }).item.inner.id,
      }),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
  });

  it("an unwrap that throws tenantkit's own error passes it on as it is", async () => {
    server.script([json(200, { item: { id: 't1' } })]);
    const own = new ConfigurationError('test: refused by unwrap');
    const error = await failureOf(
      makeRunner(fast).run(read, thing(), {
        unwrap: () => {
          throw own;
        },
      }),
    );
    expect(error).toBe(own);
  });

  it('found: another record is a NotFoundError naming the subject, sent once', async () => {
    server.script([json(200, { item: { id: 'other' } })]);
    const error = await failureOf(
      makeRunner(fast).run(read, thing(), {
        unwrap: unwrapItem,
        found: (item) => item.id === 't1',
        subject: 'thing t1',
      }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      body: { item: { id: 'other' } },
    });
    expect(error.message).toMatch(/ HTTP 404: the answer does not hold thing t1$/);
    expect(server.requests).toHaveLength(1);
  });

  it('found without a subject: "the record asked for"', async () => {
    server.script([json(200, { item: { id: 'other' } })]);
    const error = await failureOf(
      makeRunner(fast).run(read, thing(), { unwrap: unwrapItem, found: () => false }),
    );
    expect(error.message).toMatch(/ HTTP 404: the answer does not hold the record asked for$/);
  });

  it('found: the record asked for resolves', async () => {
    server.script([json(200, { item: { id: 't1' } })]);
    const data = await makeRunner(fast).run(read, thing(), {
      unwrap: unwrapItem,
      found: (item) => item.id === 't1',
    });
    expect(data).toEqual({ id: 't1' });
  });
});

describe('an answer larger than maxResponseBytes', () => {
  it('fails with a ResponseTooLargeError saying so, with the status and the request id', async () => {
    server.script([json(200, { filler: 'x'.repeat(500) }, { 'x-request-id': 'req-42' })]);
    const error = await failureOf(
      makeRunner({ ...fast, maxRetries: 0, maxResponseBytes: 100 }).run(read, thing()),
    );
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({
      status: 200,
      limitBytes: 100,
      requestId: 'req-42',
    });
    expect(error.message).toMatch(
      / HTTP 200: answer larger than maxResponseBytes \(100\): not read, connection closed$/,
    );
  });
});

describe('the raw fetch', () => {
  it('never follows a redirect: the 3xx comes back as it is', async () => {
    server.script([{ status: 302, headers: { location: `${server.url}/elsewhere` } }]);
    const response = await makeRunner(fast).fetch(new Request(`${server.url}/things/1`));
    expect(response.status).toBe(302);
    expect(server.requests.map((request) => request.url)).toEqual(['/things/1']);
  });

  it.each([
    ['GET', 'GET'],
    ['POST', 'POST'],
    ['PUT', 'PUT'],
    ['PATCH', 'PATCH'],
    ['DELETE', 'DELETE'],
  ])(
    'a body past the limit (%s): ResponseTooLargeError naming the raw call, method and path, never the query',
    async (method, shown) => {
      server.script([json(200, { filler: 'x'.repeat(500) })]);
      const response = await makeRunner({ ...fast, maxResponseBytes: 100 }).fetch(
        new Request(`${server.url}/things/1?token=abc`, {
          method,
          ...(method === 'GET' ? {} : { body: '{}' }),
        }),
      );
      const error = await failureOf(response.text());
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect(error).toMatchObject({
        provider: 'test',
        operation: 'raw',
        method: shown,
        path: '/things/1',
        attempts: 1,
        limitBytes: 100,
      });
      expect(error.message).toContain(`test.raw (${shown} /things/1)`);
    },
  );
});

describe('an attempt ends cleanly: nothing left on the caller signal', () => {
  it('after an answer', async () => {
    server.script([json(200, { id: 't1' })]);
    const controller = new AbortController();
    await makeRunner(fast).run(read, thing(), { call: { signal: controller.signal } });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('after a timeout (each attempt times out; the read is retried, then fails)', async () => {
    server.script([{ hang: true }]);
    const controller = new AbortController();
    const error = await failureOf(
      makeRunner({ ...fast, timeoutMs: 50, maxRetries: 1 }).run(read, thing(), {
        call: { signal: controller.signal },
      }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ attempts: 2 });
    expect(server.requests).toHaveLength(2);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('after the caller aborts a create on the wire: AbortedError, outcome unknown', async () => {
    server.script([{ hang: true }]);
    const controller = new AbortController();
    const pending = makeRunner(fast).run(create, thing(), { call: { signal: controller.signal } });
    // Until the server holds the request: bounded (at most 1,000 polls of 5 ms).
    for (let polls = 0; server.requests.length === 0 && polls < 1_000; polls++)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(server.requests).toHaveLength(1);
    controller.abort();
    const error = await failureOf(pending);
    expect(error).toBeInstanceOf(AbortedError);
    expect(error).toMatchObject({ outcomeUnknown: true, attempts: 1 });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('a create aborted before it was sent: outcome known', async () => {
    server.script([json(201, { id: 't1' })]);
    const controller = new AbortController();
    const error = await failureOf(
      makeRunner(fast, {
        authHeaders: async () => {
          controller.abort();
          return { authorization: 'Bearer x' };
        },
      }).run(create, thing(), { call: { signal: controller.signal } }),
    );
    expect(error).toBeInstanceOf(AbortedError);
    expect(error).toMatchObject({ outcomeUnknown: false });
    expect(server.requests).toHaveLength(0);
  });
});
