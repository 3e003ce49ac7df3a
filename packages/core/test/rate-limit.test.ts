import { mostInWindow } from '@tenantkit/test-support';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from '../src/index.js';
import { CATCH_UP_GAPS, RateLimiter } from '../src/rate-limit.js';

/**
 * The event loop blocked for `ms` (a long synchronous task, a GC pause, a loaded machine): the
 * clock jumps and every timer that fell due meanwhile fires once, late. (`vi.setSystemTime` would
 * move the timers along with the clock; the fake clock's own `jump` is the stall.)
 */
function stall(ms: number): void {
  (Date as unknown as { clock: { jump(ms: number): void } }).clock.jump(ms);
}

describe('RateLimiter (fake time)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const startsOf = (limiter: RateLimiter, count: number) => {
    const started: number[] = [];
    const all = Promise.all(
      Array.from({ length: count }, () => limiter.take().then(() => started.push(Date.now()))),
    );
    return { started, all };
  };

  it('spaces starts evenly at the rate', async () => {
    const { started, all } = startsOf(new RateLimiter(4), 6);
    await vi.advanceTimersByTimeAsync(2_000);
    await all;
    expect(started).toEqual([0, 250, 500, 750, 1000, 1250]);
  });

  it('a fractional rate: at most ⌈rate⌉ starts in a window stretched to match', () => {
    const limiter = new RateLimiter(9.7);
    expect(limiter.limit).toBe(10);
    expect(limiter.windowMs).toBeCloseTo(1030.93, 2);
    const slow = new RateLimiter(0.5);
    expect([slow.limit, slow.windowMs]).toEqual([1, 2000]);
  });

  it('after a stall, never more than the limit in any window of real start times (regression: the scheduled-start throttle burst)', async () => {
    // 10 per second; a 600 ms stall right after the first start. The throttle before this one
    // computed each start time when the request queued, so the five that fell due during the
    // stall all started at once at 600 and, with the ones after, made 11 in one second.
    const throttle = new Throttle({ maxRequestsPerSecond: 10 });
    const started: number[] = [];
    const all = Promise.all(
      Array.from({ length: 30 }, () =>
        throttle.acquire().then((release) => {
          started.push(Date.now());
          release();
        }),
      ),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0]);
    stall(600);
    await vi.advanceTimersByTimeAsync(5_000);
    await all;
    expect(started).toHaveLength(30);
    expect(mostInWindow(started, 1000)).toBe(10);
    // It catches up a little (the rate is not lost for good), never by a burst past the window.
    const atStallEnd = started.filter((at) => at === 600).length;
    expect(atStallEnd).toBe(CATCH_UP_GAPS + 1);
  });

  it('a late timer does not push the schedule back: the rate holds over time', async () => {
    const limiter = new RateLimiter(10);
    const { started, all } = startsOf(limiter, 21);
    // Timers keep firing up to 60 ms late, as on a loaded machine.
    for (let turn = 0; turn < 40 && started.length < 21; turn++) {
      await vi.advanceTimersByTimeAsync(70);
      stall(60);
    }
    await vi.advanceTimersByTimeAsync(1_000);
    await all;
    expect(mostInWindow(started, 1000)).toBeLessThanOrEqual(10);
    // 21 starts at 10/s take 2 s; spacing each start from the one before would add the lateness
    // up (2.6 s or more). Here it costs at most one window's worth of one late turn.
    expect(started.at(-1)).toBeLessThanOrEqual(2_100);
  });

  it('an idle limiter starts the next request at once, then spaces again', async () => {
    const limiter = new RateLimiter(2);
    await limiter.take();
    await vi.advanceTimersByTimeAsync(10_000);
    const { started, all } = startsOf(limiter, 3);
    await vi.advanceTimersByTimeAsync(2_000);
    await all;
    expect(started).toEqual([10_000, 10_500, 11_000]);
  });

  it('an aborted waiter leaves the queue and the next one keeps its turn', async () => {
    const limiter = new RateLimiter(1);
    await limiter.take();
    const controller = new AbortController();
    const aborted = limiter.take(controller.signal);
    const next = limiter.take();
    expect(limiter.queued).toBe(2);
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    expect(limiter.queued).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await next;
    expect(Date.now()).toBe(1_000);
    await expect(limiter.take(AbortSignal.abort('gone'))).rejects.toBe('gone');
  });

  it('concurrency and rate together: a slot is given back when the wait for the rate is aborted', async () => {
    const throttle = new Throttle({ maxConcurrency: 1, maxRequestsPerSecond: 1 });
    (await throttle.acquire())();
    const controller = new AbortController();
    const waiting = throttle.acquire(controller.signal);
    await vi.advanceTimersByTimeAsync(100);
    expect(throttle.inFlight).toBe(1);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(throttle.inFlight).toBe(0);
  });
});
