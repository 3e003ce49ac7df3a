/**
 * What core reads out of the things providers and runtimes hand it — error bodies, Retry-After
 * headers, connection failures — and how its own errors and secrets look to the tools that print
 * them.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  CoolOffError,
  connectionErrorCode,
  defineClientInspection,
  describeErrorBody,
  NotFoundError,
  parseRetryAfter,
  type RequestContext,
  Secret,
  TenantkitError,
  wasNeverSent,
} from '../src/index.js';

describe('describeErrorBody: the error shapes our providers use', () => {
  it.each([
    [
      'nested {error: {code, message}} with a request id',
      { error: { code: 'invalid_key', message: 'Bad key' }, requestId: 'r-1' },
      { code: 'invalid_key', providerMessage: 'Bad key', requestId: 'r-1' },
    ],
    [
      'nested {error: {code, msg}} with a numeric code',
      { error: { code: 100, msg: 'Authorization failed' }, request_id: 'r-2' },
      { code: 100, providerMessage: 'Authorization failed', requestId: 'r-2' },
    ],
    [
      '{error: "sentence", message} (the error string is the code)',
      { error: 'not_found', message: 'No such account', api_id: 'a-3' },
      { code: 'not_found', providerMessage: 'No such account', requestId: 'a-3' },
    ],
    [
      'top-level {code, detail}',
      { code: 42, detail: 'Too many' },
      { code: 42, providerMessage: 'Too many' },
    ],
    ['a top-level msg', { msg: 'plain' }, { providerMessage: 'plain' }],
    [
      'a message that is not text (shown as JSON)',
      { message: { reason: 'quota', left: 0 } },
      { providerMessage: '{"reason":"quota","left":0}' },
    ],
    [
      'a code of another kind and a request id that is not text (both left out)',
      { error: { code: { nested: true }, message: 'x' }, requestId: 7 },
      { providerMessage: 'x' },
    ],
    ['a null error field', { error: null, message: 'm' }, { providerMessage: 'm' }],
    ['a null message', { msg: null }, {}],
    ['an empty object', {}, {}],
  ])('%s', (_name, body, expected) => {
    const described = describeErrorBody(body);
    expect(described).toStrictEqual({
      code: undefined,
      providerMessage: undefined,
      requestId: undefined,
      ...expected,
    });
  });

  it.each([
    [
      'HTML, tags dropped and white space folded',
      '<html>\n <b>Bad</b>\tGateway </html>',
      'Bad Gateway',
    ],
    ['plain text', 'upstream timed out', 'upstream timed out'],
    ['words in separate tags', '<p>Bad</p><p>Gateway</p>', 'Bad Gateway'],
    ['only markup', '<p> </p>', undefined],
  ])('a text body: %s', (_name, body, message) => {
    expect(describeErrorBody(body)).toStrictEqual({ providerMessage: message });
  });

  it.each([[null], [42], [undefined]])('%j: nothing to describe', (body) => {
    expect(describeErrorBody(body)).toStrictEqual({});
  });
});

describe('Retry-After edges', () => {
  const now = Date.parse('2026-11-24T10:00:00Z');
  it.each([
    ['an HTTP date without the comma', 'Tue 24 Nov 2026 10:00:30 GMT', 30_000],
    ['two decimals of a second', '1.25', 1_250],
    ['words before a date (not an HTTP date)', 'soon, Tue, 24 Nov 2026 10:00:30 GMT', undefined],
    ['a trailing dot', '3.', undefined],
  ])('%s: %j → %s', (_name, header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });
});

describe('connection failures: the code and whether the request left', () => {
  const coded = (code: string, options?: ErrorOptions) =>
    Object.assign(new Error(code, options), { code });

  it.each(['EHOSTUNREACH', 'ENETUNREACH'])('%s means it never left', (code) => {
    expect(wasNeverSent(new TypeError('fetch failed', { cause: coded(code) }))).toBe(true);
  });

  it('reads the code up to four causes deep, not further', () => {
    let error: unknown = coded('ECONNREFUSED');
    for (let level = 0; level < 4; level++) error = new Error(`level ${level}`, { cause: error });
    expect(connectionErrorCode(error)).toBe('ECONNREFUSED');
    expect(connectionErrorCode(new Error('one more', { cause: error }))).toBeUndefined();
  });

  it('ends on a cyclic cause chain', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(connectionErrorCode(a)).toBeUndefined();
    expect(wasNeverSent(a)).toBe(false);
  });

  it('an aggregate without errors is followed through its cause', () => {
    const empty = new AggregateError([], 'all failed', { cause: coded('ECONNREFUSED') });
    expect(connectionErrorCode(empty)).toBe('ECONNREFUSED');
  });
});

describe('tenantkit errors, as tools see them', () => {
  const context: RequestContext = {
    provider: 'test',
    operation: 'getThing',
    method: 'GET',
    path: '/things/{id}',
    kind: 'read',
    attempts: 1,
  };

  it('instanceof answers false, without throwing, for anything that is not an object', () => {
    for (const value of [null, undefined, 'NotFoundError', 404, true] as unknown[]) {
      expect(value instanceof TenantkitError).toBe(false);
      expect(value instanceof NotFoundError).toBe(false);
    }
  });

  it('a plain object or an error of another library is not one of ours', () => {
    class ForeignError extends Error {}
    expect(new ForeignError('x') instanceof TenantkitError).toBe(false);
    expect(Object.create(NotFoundError.prototype) instanceof ApiError).toBe(true);
  });

  it('the name is not an own enumerable field (like a built-in error), and can be redefined', () => {
    const error = new NotFoundError(context, { status: 404, body: null });
    expect(Object.keys(error)).not.toContain('name');
    expect(error.name).toBe('NotFoundError');
    Object.defineProperty(error, 'name', { value: 'Renamed' });
    expect(error.name).toBe('Renamed');
  });

  it('a code without a symbolic name is shown alone', () => {
    const error = new ApiError(context, { status: 418, code: 'teapot', body: null });
    expect(error.message).toBe('test.getThing (GET /things/{id}): HTTP 418 teapot');
  });
});

describe('CoolOffError: when the change is allowed again', () => {
  const context: RequestContext = {
    provider: 'test',
    operation: 'assignNumber',
    method: 'POST',
    path: '/numbers',
    kind: 'update',
    attempts: 1,
  };
  const retryAt = new Date('2026-12-01T00:00:00.000Z');

  it('adds the moment to what the provider said', () => {
    const error = new CoolOffError(context, {
      status: 409,
      body: {},
      providerMessage: 'number in cool-off',
      retryAt,
    });
    expect(error.message).toBe(
      'test.assignNumber (POST /numbers): HTTP 409: number in cool-off; allowed again after 2026-12-01T00:00:00.000Z',
    );
  });

  it('says the moment alone when the provider said nothing', () => {
    const error = new CoolOffError(context, { status: 409, body: {}, retryAt });
    expect(error.message).toBe(
      'test.assignNumber (POST /numbers): HTTP 409: allowed again after 2026-12-01T00:00:00.000Z',
    );
  });
});

describe('Secret and client inspection', () => {
  it('util.inspect shows a Secret as Secret([REDACTED])', () => {
    const secret = new Secret('tok_live_123456');
    expect(inspect(secret)).toBe('Secret([REDACTED])');
    expect(inspect({ key: secret })).toBe('{ key: Secret([REDACTED]) }');
  });

  it('a client serialises to its name, what is safe, and redacted credentials', () => {
    const client = { token: 'sk-hidden-value-123' };
    defineClientInspection(client, 'TestClient', { baseUrl: 'https://x.test' });
    expect(JSON.parse(JSON.stringify(client))).toEqual({
      client: 'TestClient',
      baseUrl: 'https://x.test',
      credentials: '[REDACTED]',
    });
  });
});
