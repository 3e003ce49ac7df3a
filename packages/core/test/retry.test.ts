import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_RETRY,
  type FailureReason,
  type OperationKind,
  parseRetryAfter,
  retryDelayMs,
  shouldRetry,
  wasNeverSent,
} from '../src/index.js';

afterEach(() => vi.restoreAllMocks());

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-24T10:00:00Z');
  it.each([
    ['0', 0],
    ['3', 3_000],
    [' 120 ', 120_000],
    ['1.5', 1_500],
    ['Tue, 24 Nov 2026 10:00:30 GMT', 30_000],
    ['Tuesday, 24-Nov-26 10:00:05 GMT', 5_000],
    ['Tue, 24 Nov 2026 09:00:00 GMT', 0], // a date in the past means "now"
  ])('%j → %d ms', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });

  it.each([null, undefined, '', '  ', '-1', 'soon', '5 apples', 'Tue, 99 Foo 2026', '1e3'])(
    'ignores %j',
    (header) => {
      expect(parseRetryAfter(header, now)).toBeUndefined();
    },
  );
});

describe('retryDelayMs', () => {
  const options = { ...DEFAULT_RETRY };

  it('doubles from 500 ms, with up to 25% jitter below, capped at 8 s', () => {
    for (const [index, nominal] of [
      [0, 500],
      [1, 1_000],
      [2, 2_000],
      [3, 4_000],
      [4, 8_000],
      [9, 8_000],
    ] as const) {
      vi.spyOn(Math, 'random').mockReturnValue(0);
      expect(retryDelayMs(index, options)).toBe(nominal);
      vi.spyOn(Math, 'random').mockReturnValue(0.999_999);
      expect(retryDelayMs(index, options)).toBe(Math.round(nominal * 0.75));
    }
  });

  it('stays within its bounds for any random draw', () => {
    vi.restoreAllMocks();
    for (let i = 0; i < 2_000; i++) {
      const index = i % 8;
      const nominal = Math.min(500 * 2 ** index, 8_000);
      const delay = retryDelayMs(index, options);
      expect(delay).toBeGreaterThanOrEqual(Math.round(nominal * 0.75));
      expect(delay).toBeLessThanOrEqual(nominal);
    }
  });

  it('honours Retry-After, capped', () => {
    expect(retryDelayMs(0, options, 2_500)).toBe(2_500);
    expect(retryDelayMs(3, options, 0)).toBe(0);
    expect(retryDelayMs(0, options, 60_000)).toBe(8_000);
    expect(retryDelayMs(0, { ...options, maxDelayMs: 50 }, 60_000)).toBe(50);
  });

  it('a 429 without Retry-After waits at least rateLimitedDelayMs (1 s), within the cap', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    expect(DEFAULT_RETRY.rateLimitedDelayMs).toBe(1_000);
    // The first backoff (500 ms) is shorter than a rate-limit window: it is raised to 1 s.
    expect(retryDelayMs(0, options, undefined, true)).toBe(1_000);
    expect(retryDelayMs(0, options, undefined, false)).toBe(500);
    // A longer backoff stays as it is; Retry-After still wins; the cap still caps.
    expect(retryDelayMs(2, options, undefined, true)).toBe(2_000);
    expect(retryDelayMs(0, options, 200, true)).toBe(200);
    expect(retryDelayMs(0, { ...options, maxDelayMs: 300 }, undefined, true)).toBe(300);
    expect(retryDelayMs(0, { ...options, rateLimitedDelayMs: 0 }, undefined, true)).toBe(500);
  });
});

describe('the retry rules (shouldRetry)', () => {
  const status = (code: number, retryAfterMs?: number): FailureReason => ({
    type: 'status',
    status: code,
    retryAfterMs,
  });
  type Row = [string, FailureReason, { retry: boolean; outcomeUnknown: boolean }];
  const retry = { retry: true, outcomeUnknown: false };
  const final = { retry: false, outcomeUnknown: false };
  const unknown = { retry: false, outcomeUnknown: true };

  const reads: Row[] = [
    ['400', status(400), final],
    ['401', status(401), final],
    ['404', status(404), final],
    ['408', status(408), retry],
    ['409', status(409), final],
    ['422', status(422), final],
    ['429', status(429), retry],
    ['500', status(500), retry],
    ['502', status(502), retry],
    ['503', status(503), retry],
    ['503 + Retry-After', status(503, 1_000), retry],
    ['timeout', { type: 'timeout' }, retry],
    ['connection reset', { type: 'connection', neverSent: false }, retry],
    ['connection refused', { type: 'connection', neverSent: true }, retry],
    ['invalid response', { type: 'invalid-response' }, final],
  ];
  const creates: Row[] = [
    ['400', status(400), final],
    ['401', status(401), final],
    ['409', status(409), final],
    ['422', status(422), final],
    ['429', status(429), retry],
    ['429 + Retry-After', status(429, 1_000), retry],
    ['500', status(500), unknown],
    ['502', status(502), unknown],
    ['503 without Retry-After', status(503), unknown],
    ['503 + Retry-After', status(503, 0), retry],
    ['504 + Retry-After', status(504, 1_000), unknown],
    ['timeout', { type: 'timeout' }, unknown],
    ['connection reset', { type: 'connection', neverSent: false }, unknown],
    ['connection refused', { type: 'connection', neverSent: true }, retry],
    ['invalid response', { type: 'invalid-response' }, unknown],
  ];

  it.each(
    (['read', 'update', 'delete'] as OperationKind[]).flatMap((kind) =>
      reads.map((row) => [kind, ...row] as const),
    ),
  )('%s, %s', (kind, _name, reason, decision) => {
    expect(shouldRetry(kind, reason)).toEqual(decision);
  });

  it.each(creates)('create, %s', (_name, reason, decision) => {
    expect(shouldRetry('create', reason)).toEqual(decision);
  });
});

describe('wasNeverSent', () => {
  const coded = (code: string) => Object.assign(new Error(code), { code });
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'])(
    '%s, even nested in fetch failed',
    (code) => {
      expect(wasNeverSent(coded(code))).toBe(true);
      expect(wasNeverSent(new TypeError('fetch failed', { cause: coded(code) }))).toBe(true);
      expect(wasNeverSent(new AggregateError([coded(code)]))).toBe(true);
    },
  );
  it.each(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'])('not %s (the request may be out)', (code) => {
    expect(wasNeverSent(new TypeError('fetch failed', { cause: coded(code) }))).toBe(false);
  });
  it('not an error without a code', () => {
    expect(wasNeverSent(new TypeError('fetch failed'))).toBe(false);
  });
});
