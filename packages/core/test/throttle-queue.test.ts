/**
 * The queues of the throttle and the rate limiter when a waiter in the middle gives up, and what
 * an aborted wait leaves on the caller's signal (fake time).
 */
import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sleep, Throttle } from '../src/index.js';
import { RateLimiter } from '../src/rate-limit.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a waiter in the middle of the queue gives up', () => {
  it('rate limiter: the others keep their turns, the aborted one takes none', async () => {
    const limiter = new RateLimiter(1);
    await limiter.take();
    const started: string[] = [];
    const controller = new AbortController();
    const first = limiter.take().then(() => started.push(`first at ${Date.now()}`));
    const middle = limiter.take(controller.signal);
    const last = limiter.take().then(() => started.push(`last at ${Date.now()}`));
    controller.abort(new Error('stop'));
    await expect(middle).rejects.toThrow('stop');
    expect(limiter.queued).toBe(2);
    await vi.advanceTimersByTimeAsync(3_000);
    await Promise.all([first, last]);
    expect(started).toEqual(['first at 1000', 'last at 2000']);
  });

  it('throttle: a freed slot goes to the next waiter still waiting', async () => {
    const throttle = new Throttle({ maxConcurrency: 1 });
    const release = await throttle.acquire();
    const controller = new AbortController();
    const first = throttle.acquire();
    const middle = throttle.acquire(controller.signal);
    const last = throttle.acquire();
    controller.abort(new Error('stop'));
    await expect(middle).rejects.toThrow('stop');
    expect(throttle.queued).toBe(2);
    release();
    (await first)();
    const releaseLast = await last;
    expect(throttle.inFlight).toBe(1);
    releaseLast();
    expect(throttle.inFlight).toBe(0);
  });
});

describe('what is queued', () => {
  it('counts the waiters for a slot and those waiting for their turn under the rate', async () => {
    const throttle = new Throttle({ maxConcurrency: 2, maxRequestsPerSecond: 1 });
    (await throttle.acquire())();
    // Two hold a slot and wait for their turn under the rate; the third waits for a slot.
    const done = [throttle.acquire(), throttle.acquire(), throttle.acquire()].map((waiting) =>
      waiting.then((release) => release()),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(throttle.queued).toBe(3);
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(done);
    expect(throttle.queued).toBe(0);
  });
});

describe('sleep', () => {
  it('an aborted sleep leaves no listener on the signal; a finished one neither', async () => {
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort('gone');
    await expect(pending).rejects.toBe('gone');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);

    const other = new AbortController();
    const done = sleep(100, other.signal);
    await vi.advanceTimersByTimeAsync(100);
    await done;
    expect(getEventListeners(other.signal, 'abort')).toHaveLength(0);
  });
});
