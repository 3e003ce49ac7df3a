/**
 * Regression: a provider's cool-off time that no `Date` can hold made `new CoolOffError` throw a
 * bare RangeError (`toISOString` on an Invalid Date) instead of the error it was building.
 */
import { describe, expect, it } from 'vitest';
import {
  apiErrorClassFor,
  ConflictError,
  CoolOffError,
  type RequestContext,
} from '../src/index.js';

const context: RequestContext = {
  provider: 'vobiz',
  operation: 'unassignNumberFromSubAccount',
  method: 'DELETE',
  path: '/numbers/{e164}',
  kind: 'delete',
  attempts: 1,
};

describe('CoolOffError with times no Date can hold', () => {
  it.each([
    ['a wait past the last Date (1e18 ms)', { retryAfterMs: 1e18 }],
    ['an infinite wait', { retryAfterMs: Number.POSITIVE_INFINITY }],
    ['a NaN wait', { retryAfterMs: Number.NaN }],
    ['an Invalid Date', { retryAt: new Date(Number.NaN) }],
  ])('%s builds the error; any retryAt it keeps is a real moment', (_, times) => {
    const error = new CoolOffError(context, { status: 409, body: {}, ...times });
    expect(error.message).toContain('HTTP 409');
    if (error.retryAt !== undefined) expect(Number.isFinite(error.retryAt.getTime())).toBe(true);
    if (error.retryAfterMs !== undefined) expect(Number.isFinite(error.retryAfterMs)).toBe(true);
  });

  it('a 409 whose only time is unusable is a plain ConflictError; a huge but finite wait still names the cool-off', () => {
    expect(apiErrorClassFor(409, { retryAfterMs: Number.POSITIVE_INFINITY })).toBe(ConflictError);
    expect(apiErrorClassFor(409, { retryAt: new Date(Number.NaN) })).toBe(ConflictError);
    expect(apiErrorClassFor(409, { retryAfterMs: -1 })).toBe(ConflictError);
    expect(apiErrorClassFor(409, { retryAfterMs: 1e18 })).toBe(CoolOffError);
  });
});

describe('CoolOffError at the edge of "now"', () => {
  it('a wait of 0 ms means allowed now: both times are kept', () => {
    const before = Date.now();
    const error = new CoolOffError(context, { status: 409, body: {}, retryAfterMs: 0 });
    expect(error.retryAfterMs).toBe(0);
    expect(error.retryAt?.getTime()).toBeGreaterThanOrEqual(before);
    expect(error.retryAt?.getTime()).toBeLessThanOrEqual(Date.now());
    expect(error.message).toContain('allowed again after');
  });
});
