export interface ThrottleOptions {
  /** At most this many requests in flight; further ones wait in a queue. */
  maxConcurrency?: number;
  /** At most this many requests started per second, evenly spaced; further ones wait. */
  maxRequestsPerSecond?: number;
}

type Release = () => void;

/** Queues requests (never fails them) so a bulk job stays within a provider's limits. */
export class Throttle {
  readonly #maxConcurrency: number;
  readonly #intervalMs: number;
  #inFlight = 0;
  #nextStartAt = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(options: ThrottleOptions) {
    const { maxConcurrency = Number.POSITIVE_INFINITY, maxRequestsPerSecond } = options;
    this.#maxConcurrency = maxConcurrency;
    this.#intervalMs = maxRequestsPerSecond ? 1000 / maxRequestsPerSecond : 0;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  async acquire(signal?: AbortSignal): Promise<Release> {
    if (this.#inFlight >= this.#maxConcurrency) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          const index = this.#waiting.indexOf(wake);
          if (index !== -1) this.#waiting.splice(index, 1);
          reject(signal?.reason);
        };
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        if (signal?.aborted) return reject(signal.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        this.#waiting.push(wake);
      });
    }
    this.#inFlight++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.#inFlight--;
      this.#waiting.shift()?.();
    };
    if (this.#intervalMs > 0) {
      const now = Date.now();
      const startAt = Math.max(now, this.#nextStartAt);
      this.#nextStartAt = startAt + this.#intervalMs;
      if (startAt > now) {
        try {
          await sleep(startAt - now, signal);
        } catch (error) {
          release();
          throw error;
        }
      }
    }
    return release;
  }
}

/** setTimeout as a promise that rejects with the signal's reason when aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
