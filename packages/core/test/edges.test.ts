/**
 * Core's defences at the edges, unit by unit (the conformance suite proves them end to end):
 * redirects and opaque redirects, the body cap, scrubbing (every form of a secret, overlaps,
 * scrub before cut, what is remembered), success shapes, reads by id, call options, paging.
 */
import { describe, expect, it } from 'vitest';
import {
  type FetchLike,
  type FetchResult,
  InvalidResponseError,
  NotFoundError,
  type OperationInfo,
  PagingError,
  paginate,
  REDACTED,
  Redactor,
  RedirectError,
  ResponseTooLargeError,
  Runner,
  type SendInit,
  ValidationError,
} from '../src/index.js';

const read: OperationInfo = { id: 'getThing', method: 'get', path: '/things/{id}', kind: 'read' };
const create: OperationInfo = {
  id: 'createThing',
  method: 'post',
  path: '/things',
  kind: 'create',
};

/** openapi-fetch's part, in a few lines: JSON on success (none for a 204), text or JSON on error. */
const attempt = async (init: SendInit): Promise<FetchResult> => {
  const response = await init.fetch(
    new Request('https://api.test/things/1', { headers: init.headers }),
  );
  const text = response.status === 204 ? '' : await response.text();
  const body = text ? JSON.parse(text) : undefined;
  return response.ok ? { data: body, response } : { error: body, response };
};

function runner(answer: () => Response, options: { maxResponseBytes?: number } = {}) {
  const seen: RequestInit[] = [];
  const fetch: FetchLike = async (_request, init) => {
    if (init) seen.push(init);
    return answer();
  };
  const redactor = new Redactor(['sk-parent-secret-0001']);
  return {
    runner: new Runner({ provider: 'test' }, { fetch, maxRetries: 0, ...options }, redactor),
    seen,
    redactor,
  };
}

describe('redirects are never followed', () => {
  it('every attempt asks fetch not to follow (redirect: manual)', async () => {
    const { runner: r, seen } = runner(() => Response.json({ ok: 1 }));
    await r.run(read, attempt);
    expect(seen[0]?.redirect).toBe('manual');
  });

  it('a 3xx is a RedirectError naming only the origin; a create has outcomeUnknown', async () => {
    const { runner: r } = runner(
      () =>
        new Response(null, {
          status: 307,
          headers: { location: 'https://elsewhere.test:8443/steal?token=abc123456789' },
        }),
    );
    const error = await r.run(create, attempt).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({
      locationOrigin: 'https://elsewhere.test:8443',
      outcomeUnknown: true,
    });
    expect(String((error as Error).message)).not.toMatch(/steal|abc123456789/);
  });

  it.each([
    [
      'an opaque redirect (status 0, what a browser fetch gives under manual)',
      'opaqueredirect',
      false,
    ],
    ['an answer a custom fetch reached by following a redirect', 'basic', true],
  ])('%s is a RedirectError too', async (_name, type, redirected) => {
    const { runner: r } = runner(() => {
      const response = Response.json({ ok: 1 });
      Object.defineProperty(response, 'type', { value: type });
      if (type === 'opaqueredirect') Object.defineProperty(response, 'status', { value: 0 });
      Object.defineProperty(response, 'redirected', { value: redirected });
      return response;
    });
    await expect(r.run(read, attempt)).rejects.toBeInstanceOf(RedirectError);
  });

  it('a Location that is not a URL is named as unnamed, never quoted', async () => {
    const { runner: r } = runner(
      () => new Response(null, { status: 302, headers: { location: 'http://[bad host/x?sk=1' } }),
    );
    const error = (await r.run(read, attempt).catch((caught: unknown) => caught)) as RedirectError;
    expect(error.locationOrigin).toBeUndefined();
    expect(error.message).toMatch(/an unnamed location/);
  });
});

describe('the body cap', () => {
  const stream = (chunks: number, size: number) => {
    let sent = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ >= chunks) controller.close();
        else controller.enqueue(new Uint8Array(size));
      },
      cancel() {
        cancelled = true;
      },
    });
    return { body, sent: () => sent, cancelled: () => cancelled };
  };

  it('a streamed body past the limit fails and is cancelled after the limit, not read whole', async () => {
    const source = stream(1_000, 1_024);
    const { runner: r } = runner(() => new Response(source.body), { maxResponseBytes: 10_000 });
    const error = await r.run(read, attempt).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(source.cancelled()).toBe(true);
    expect(source.sent()).toBeLessThan(20);
  });

  it('a declared length past the limit fails before reading', async () => {
    const source = stream(10, 1_024);
    const { runner: r } = runner(
      () => new Response(source.body, { headers: { 'content-length': '10240' } }),
      { maxResponseBytes: 1_000 },
    );
    await expect(r.run(create, attempt)).rejects.toMatchObject({
      name: 'ResponseTooLargeError',
      outcomeUnknown: true,
    });
    expect(source.sent()).toBeLessThan(3);
  });

  it('an encoded body is counted as it is decoded, whatever length it declares', async () => {
    const source = stream(100, 1_024);
    const { runner: r } = runner(
      () =>
        new Response(source.body, {
          headers: { 'content-length': '100', 'content-encoding': 'gzip' },
        }),
      { maxResponseBytes: 5_000 },
    );
    await expect(r.run(read, attempt)).rejects.toBeInstanceOf(ResponseTooLargeError);
  });
});

describe('scrubbing', () => {
  const secret = `Pw9<&'Canary"+/x7`;
  const forms = {
    plain: secret,
    'URL-encoded': encodeURIComponent(secret),
    'form-encoded': new URLSearchParams([['', secret]]).toString().slice(1),
    'JSON-escaped': JSON.stringify(secret).slice(1, -1),
    'HTML-escaped': 'Pw9&lt;&amp;&#39;Canary&quot;+/x7',
    base64: Buffer.from(secret).toString('base64'),
    base64url: Buffer.from(secret).toString('base64url'),
  };

  it.each(Object.entries(forms))('a remembered secret is scrubbed %s', (_name, form) => {
    const redactor = new Redactor();
    redactor.rememberSecret(secret);
    expect(redactor.text(`echo ${form} end`)).not.toContain(form);
  });

  it.each([0, 1, 2])('its base64 inside a longer base64 run (offset %i) is scrubbed', (offset) => {
    const redactor = new Redactor();
    redactor.rememberSecret('hunter2-password-value');
    const encoded = Buffer.from(`${'u'.repeat(offset)}user:hunter2-password-value:tail`).toString(
      'base64',
    );
    const scrubbed = redactor.text(encoded);
    expect(scrubbed).toContain(REDACTED);
    // What is left around the cut cannot spell out more than two bytes of the secret.
    const left = Buffer.from(scrubbed.replace(REDACTED, ''), 'base64').toString('latin1');
    expect(left).not.toMatch(/hunter|password|value/);
  });

  it('overlapping secrets leave nothing of either behind', () => {
    const redactor = new Redactor(['abcdef123456', '123456uvwxyz']);
    expect(redactor.text('x abcdef123456uvwxyz y')).toBe(`x ${REDACTED} y`);
  });

  it('remembers what is sent and received under secret names, and a link token', () => {
    const redactor = new Redactor();
    redactor.rememberSecretsIn({
      name: 'public-name-value',
      nested: [{ twilio_auth_token: 'twilio-secret-0001' }],
      sign_in_link: 'https://app.test/invite/1739402199888x447700112233445500',
    });
    expect(redactor.text('twilio-secret-0001 public-name-value')).toBe(
      `${REDACTED} public-name-value`,
    );
    expect(redactor.text('token 1739402199888x447700112233445500')).toBe(`token ${REDACTED}`);
  });

  it('a secret straddling the message cut is scrubbed whole before the cut', async () => {
    const { runner: r } = runner(() =>
      Response.json({ message: `${'m'.repeat(190)} sk-parent-secret-0001 tail` }, { status: 400 }),
    );
    const error = (await r.run(read, attempt).catch((caught: unknown) => caught)) as Error;
    expect(error.message).not.toMatch(/sk-parent|secret-0001|sk-parent-secret-000/);
    expect(error.message.length).toBeLessThan(400);
  });

  it('bounded: strings scrubbed then cut to 2,000, at most 500 values', () => {
    const redactor = new Redactor(['sk-parent-secret-0001']);
    const kept = redactor.bounded({
      text: `${'x'.repeat(1_995)}sk-parent-secret-0001`,
      many: Array.from({ length: 2_000 }, (_, index) => index),
    }) as { text: string; many: unknown[] };
    expect(kept.text).not.toContain('sk-parent');
    expect(kept.text.length).toBeLessThanOrEqual(2_001);
    expect(kept.many.length).toBeLessThan(501);
    expect(kept.many.at(-1)).toBe('[Truncated]');
  });

  it('an HTML body with a run of < and no > is stripped of its tags, not scanned over and over', async () => {
    const { runner: r } = runner(
      () => new Response(`${'<'.repeat(50_000)}<b>bold</b>`, { status: 502 }),
    );
    const error = (await r.run(read, attempt).catch((caught: unknown) => caught)) as Error;
    expect(error.message).toMatch(/HTTP 502/);
  });
});

describe('success shapes and reads by id', () => {
  it('an unwrap that throws a TypeError becomes an InvalidResponseError (create: outcome unknown)', async () => {
    const { runner: r } = runner(() => Response.json(42));
    const error = await r
      .run(create, attempt, {
        unwrap: (data: unknown) => (data as { response: { id: string } }).response.id,
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ outcomeUnknown: true });
  });

  it('an empty 204 where a payload is expected is an InvalidResponseError; bodyOptional takes it', async () => {
    const { runner: r } = runner(() => new Response(null, { status: 204 }));
    await expect(r.run(read, attempt, { unwrap: (data) => data })).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
    await expect(
      r.run(read, attempt, { unwrap: (data) => data, bodyOptional: true }),
    ).resolves.toBeUndefined();
  });

  it('found() false is a NotFoundError naming what was asked for', async () => {
    const { runner: r } = runner(() => Response.json({ id: 'B' }));
    const error = await r
      .run(read, attempt, {
        unwrap: (data: unknown) => data as { id: string },
        found: (thing) => thing.id === 'A',
        subject: 'thing A',
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toMatch(/does not hold thing A/);
  });
});

describe('call options', () => {
  it.each([
    ['options', 'a string', 'nope'],
    ['options.signal', 'a signal that is no AbortSignal', { signal: {} }],
    ['options.headers', 'headers that are null', { headers: null }],
    ['options.headers', 'a header value that is a number', { headers: { 'X-A': 1 } }],
    ['options.headers', 'a header value with a line break', { headers: { 'X-A': 'a\r\nB: 1' } }],
  ])('%s: %s is a ValidationError', async (field, _name, call) => {
    const { runner: r } = runner(() => Response.json({}));
    const error = await r
      .run(read, attempt, { call: call as never })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
  });
});

describe('paging guards', () => {
  const pages = (next: (cursor: number) => number) => ({
    first: 1,
    fetchPage: async (cursor: number) => ({ cursor, items: [cursor] }),
    items: (page: { items: number[] }) => page.items,
    next: (_page: unknown, cursor: number) => next(cursor),
  });
  const drain = async (walk: AsyncIterable<unknown>) => {
    let count = 0;
    try {
      for await (const _ of walk) if (++count > 5_000) return { count, error: 'not stopped' };
    } catch (error) {
      return { count, error };
    }
    return { count, error: undefined };
  };

  it('a cursor that does not advance ends the walk', async () => {
    const { error, count } = await drain(paginate(pages((cursor) => cursor)));
    expect(error).toBeInstanceOf(PagingError);
    expect(error).toMatchObject({ reason: 'cursor-not-advancing', pages: 1 });
    expect(count).toBe(1);
  });

  it('a cursor that comes back to an earlier page ends the walk', async () => {
    const { error } = await drain(paginate(pages((cursor) => (cursor === 3 ? 1 : cursor + 1))));
    expect(error).toMatchObject({ reason: 'cursor-not-advancing', pages: 3 });
  });

  it('the default page cap is 1,000', async () => {
    const { error, count } = await drain(paginate(pages((cursor) => cursor + 1)));
    expect(error).toMatchObject({ reason: 'page-cap', pages: 1_000 });
    expect(count).toBe(1_000);
  });

  it('a page of items already seen ends the walk', async () => {
    const { error } = await drain(
      paginate({ ...pages((cursor) => cursor + 1), items: () => [1, 2], key: (item) => item }),
    );
    expect(error).toMatchObject({ reason: 'repeated-page', pages: 2 });
  });
});
