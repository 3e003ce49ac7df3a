/**
 * The exact edges of what the runner refuses before reading an answer: which statuses are
 * redirects, what origin a `Location` names, and where the body limit falls (declared lengths,
 * counted bytes, lengths that are not numbers, bodies that never end). Checked on what a caller
 * gets from `run` and from the raw-client `fetch`.
 */
import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  type FetchLike,
  type FetchResult,
  type OperationInfo,
  Redactor,
  RedirectError,
  ResponseTooLargeError,
  Runner,
  type SendInit,
} from '../src/index.js';

const read: OperationInfo = { id: 'getThing', method: 'get', path: '/things/{id}', kind: 'read' };
const URL_ASKED = 'https://api.test/things/1';

const attempt = async (init: SendInit): Promise<FetchResult> => {
  const response = await init.fetch(new Request(URL_ASKED, { headers: init.headers }));
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  return response.ok ? { data: body, response } : { error: body, response };
};

function runnerAnswering(answer: () => Response, maxResponseBytes?: number): Runner {
  const fetch: FetchLike = async () => answer();
  return new Runner(
    { provider: 'test' },
    { fetch, maxRetries: 0, maxResponseBytes },
    new Redactor(),
  );
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error as Error,
  );
  if (!outcome) throw new Error('expected a failure');
  return outcome;
}

/** A body that sends `chunks` and then either ends or stays open; records its cancellation. */
function streamOf(chunks: Uint8Array[], end = true) {
  const state = { cancelled: false, reason: undefined as unknown };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      if (end) controller.close();
    },
    cancel(reason) {
      state.cancelled = true;
      state.reason = reason;
    },
  });
  return { body, state };
}

const json = (size: number) => new TextEncoder().encode(JSON.stringify('x'.repeat(size - 2)));

describe('which answers are redirects', () => {
  it.each([300, 399])('HTTP %i is a RedirectError', async (status) => {
    const r = runnerAnswering(() => new Response(null, { status }));
    await expect(r.run(read, attempt)).rejects.toBeInstanceOf(RedirectError);
  });

  it('HTTP 400 is not (a BadRequestError)', async () => {
    const r = runnerAnswering(() => Response.json({ e: 1 }, { status: 400 }));
    await expect(r.run(read, attempt)).rejects.toBeInstanceOf(BadRequestError);
  });

  it.each([
    ['a relative Location: the origin asked', '/elsewhere?token=x', 'https://api.test'],
    ['an absolute one: its origin only', 'http://other.test:81/p?q=1', 'http://other.test:81'],
    ['no Location', undefined, undefined],
    ['a Location with no origin (data:)', 'data:text/plain,hi', undefined],
    ['a Location no URL parser reads', 'http://[bad', undefined],
  ])('%s', async (_name, location, origin) => {
    const headers = location === undefined ? undefined : { location };
    const r = runnerAnswering(() => new Response(null, { status: 302, headers }));
    const error = (await failure(r.run(read, attempt))) as RedirectError;
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.locationOrigin).toBe(origin);
  });
});

describe('where the body limit falls', () => {
  it('a declared length equal to the limit is read', async () => {
    const r = runnerAnswering(
      () => new Response(json(100), { headers: { 'content-length': '100' } }),
      100,
    );
    await expect(r.run(read, attempt)).resolves.toHaveLength(98);
  });

  it('a declared length over the limit fails at once, without waiting for the body, and drops it', async () => {
    const { body, state } = streamOf([], false);
    const r = runnerAnswering(
      () => new Response(body, { headers: { 'content-length': '101' } }),
      100,
    );
    const error = await failure(r.run(read, attempt));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ status: 200, limitBytes: 100, body: undefined });
    expect(state.cancelled).toBe(true);
  });

  it.each(['abc', 'x1', '1x', '-1', '1e3'])(
    'a declared length %j is no length: the bytes are counted',
    async (declared) => {
      const r = runnerAnswering(
        () => new Response(json(200), { headers: { 'content-length': declared } }),
        100,
      );
      await expect(r.run(read, attempt)).rejects.toBeInstanceOf(ResponseTooLargeError);
    },
  );

  it('counted bytes: exactly the limit is read, one more fails', async () => {
    const exact = runnerAnswering(() => new Response(streamOf([json(100)]).body), 100);
    await expect(exact.run(read, attempt)).resolves.toHaveLength(98);
    const over = runnerAnswering(() => new Response(streamOf([json(101)]).body), 100);
    await expect(over.run(read, attempt)).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it('an answer with no body at all is read as empty', async () => {
    const r = runnerAnswering(() => new Response(null, { status: 200 }), 100);
    await expect(r.run(read, attempt, { bodyOptional: true })).resolves.toBeUndefined();
  });
});

describe('raw-client answers', () => {
  it('keep the URL they came from when their body is counted', async () => {
    const fetch: FetchLike = async () => {
      const answer = new Response(streamOf([json(10)]).body);
      Object.defineProperty(answer, 'url', { value: 'https://api.test/final' });
      return answer;
    };
    const r = new Runner({ provider: 'test' }, { fetch, maxResponseBytes: 100 }, new Redactor());
    const response = await r.fetch(new Request(URL_ASKED));
    expect(response.url).toBe('https://api.test/final');
  });

  it("cancelling a counted body cancels the provider's body (the connection closes)", async () => {
    const { body, state } = streamOf([], false);
    const fetch: FetchLike = async () => new Response(body);
    const r = new Runner({ provider: 'test' }, { fetch, maxResponseBytes: 100 }, new Redactor());
    const response = await r.fetch(new Request(URL_ASKED));
    await response.body?.cancel('caller is done');
    expect(state.cancelled).toBe(true);
    expect(state.reason).toBe('caller is done');
  });
});
