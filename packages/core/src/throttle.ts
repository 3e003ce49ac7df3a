import { RateLimiter } from './rate-limit.js';

export interface ThrottleOptions {
  /** At most this many requests in flight; further ones wait in a queue. */
  maxConcurrency?: number;
  /**
   * At most this many requests started in any one-second window (counted when they really
   * start), evenly spaced; further ones wait. Keep a little under the provider's own limit: the
   * provider counts arrivals, and the way there adds jitter.
   */
  maxRequestsPerSecond?: number;
}

type Release = () => void;

/** Queues requests (never fails them) so a bulk job stays within a provider's limits. */
export class Throttle {
  readonly #maxConcurrency: number;
  readonly #rate: RateLimiter | undefined;
  #inFlight = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(options: ThrottleOptions, clock?: () => number) {
    const { maxConcurrency = Number.POSITIVE_INFINITY, maxRequestsPerSecond } = options;
    this.#maxConcurrency = maxConcurrency;
    this.#rate = maxRequestsPerSecond ? new RateLimiter(maxRequestsPerSecond, clock) : undefined;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /**
   * Waits for a slot (and for the rate limit), then returns the function that gives it back.
   * A freed slot is handed straight to the first waiter, so a newcomer cannot take it in between.
   */
  async acquire(signal?: AbortSignal): Promise<Release> {
    if (this.#inFlight < this.#maxConcurrency) this.#inFlight++;
    else await this.#queue(signal);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#inFlight--;
    };
    if (this.#rate) {
      try {
        await this.#rate.take(signal);
      } catch (error) {
        release();
        throw error;
      }
    }
    return release;
  }

  /** Resolves when a releasing request hands over its slot; rejects if the signal fires first. */
  #queue(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        const index = this.#waiting.indexOf(wake);
        if (index !== -1) this.#waiting.splice(index, 1);
        // Stryker disable next-line OptionalChaining: only ever called by the signal's own listener
        reject(signal?.reason);
      };
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(wake);
    });
  }

  /** Requests waiting for a slot or for their turn under the rate limit. */
  get queued(): number {
    return this.#waiting.length + (this.#rate?.queued ?? 0);
  }
}

/** setTimeout as a promise that rejects with the signal's reason when aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      // Stryker disable next-line OptionalChaining: only ever called by the signal's own listener
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
