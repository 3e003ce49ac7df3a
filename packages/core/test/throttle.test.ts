import { describe, expect, it } from 'vitest';
import { sleep, Throttle } from '../src/index.js';

describe('Throttle', () => {
  it('hands a freed slot to the first waiter, so a newcomer cannot squeeze in (regression)', async () => {
    const throttle = new Throttle({ maxConcurrency: 1 });
    const releaseA = await throttle.acquire();
    const order: string[] = [];
    const b = throttle.acquire().then((release) => {
      order.push('b');
      return release;
    });
    releaseA();
    // Arrives after the release but before B's continuation has run.
    const c = throttle.acquire().then((release) => {
      order.push('c');
      return release;
    });
    const releaseB = await b;
    expect(throttle.inFlight).toBe(1);
    expect(order).toEqual(['b']);
    releaseB();
    (await c)();
    expect(order).toEqual(['b', 'c']);
    expect(throttle.inFlight).toBe(0);
  });

  it('releasing twice frees one slot only', async () => {
    const throttle = new Throttle({ maxConcurrency: 2 });
    const release = await throttle.acquire();
    await throttle.acquire();
    release();
    release();
    expect(throttle.inFlight).toBe(1);
  });

  it('an aborted waiter leaves the queue; its reason is the rejection', async () => {
    const throttle = new Throttle({ maxConcurrency: 1 });
    const release = await throttle.acquire();
    const controller = new AbortController();
    const waiting = throttle.acquire(controller.signal);
    expect(throttle.queued).toBe(1);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(throttle.queued).toBe(0);
    release();
    expect(throttle.inFlight).toBe(0);
  });

  it('sleep rejects with the signal reason when aborted', async () => {
    await expect(sleep(10_000, AbortSignal.abort('gone'))).rejects.toBe('gone');
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort('later');
    await expect(pending).rejects.toBe('later');
  });
});
