/**
 * A provider's request rate, kept on the times requests really start.
 *
 * The providers publish no window semantics (FACTS: Vobiz, Voximplant and Synthflow give no
 * number; Twilio limits concurrency), and the sandbox counts a sliding one-second window of
 * accepted requests. A sliding window is the strictest of the usual schemes: a client that never
 * starts more than `limit` requests in any window also stays within a fixed window or a token
 * bucket of the same rate. So the limiter keeps two rules:
 *
 * - **the window**, on the real start times: at most `limit` starts in any `windowMs`. A stalled
 *   event loop cannot turn into a burst past it, because every decision is taken when the request
 *   really starts, never from a time computed earlier;
 * - **even spacing** inside it (`1000 / rate` ms apart), so arrivals do not bunch at the provider.
 *   A start that comes late (a timer fired late, the loop stalled) lets the next ones catch up, but
 *   only by `CATCH_UP_GAPS` spacings, and only as far as the window allows.
 */
/** How far behind the even schedule the limiter may catch up after a late start, in spacings. */
export const CATCH_UP_GAPS = 2;

interface Waiter {
  readonly queuedAt: number;
  readonly wake: () => void;
}

export class RateLimiter {
  /** Starts allowed in one window: the rate rounded up, over a window stretched to match. */
  readonly limit: number;
  readonly windowMs: number;
  readonly #gapMs: number;
  readonly #clock: () => number;
  /** Real start times still inside the window, oldest first. */
  readonly #starts: number[] = [];
  /** When the next start is due on the even schedule. */
  #dueAt = Number.NEGATIVE_INFINITY;
  readonly #waiting: Waiter[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * `requestsPerSecond` may be fractional: 9.7 means at most 10 starts in any 1,031 ms, 0.5 at
   * most 1 in any 2 s.
   */
  constructor(requestsPerSecond: number, clock: () => number = Date.now) {
    this.limit = Math.ceil(requestsPerSecond);
    this.windowMs = (this.limit * 1000) / requestsPerSecond;
    this.#gapMs = 1000 / requestsPerSecond;
    this.#clock = clock;
  }

  /** Resolves when this request may start (its start is counted then); rejects on abort. */
  take(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        const index = this.#waiting.indexOf(waiter);
        if (index !== -1) this.#waiting.splice(index, 1);
        // Stryker disable next-line OptionalChaining: only ever called by the signal's own listener
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        queuedAt: this.#clock(),
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(waiter);
      this.#pump();
    });
  }

  /** Requests waiting for their turn. */
  get queued(): number {
    return this.#waiting.length;
  }

  /** Starts every waiter whose turn has come, in order; sets one timer for the next turn. */
  #pump(): void {
    if (this.#timer !== undefined) return;
    for (let waiter = this.#waiting[0]; waiter; waiter = this.#waiting[0]) {
      const now = this.#clock();
      const turn = this.#turn(now);
      if (turn > now) {
        this.#timer = setTimeout(() => {
          this.#timer = undefined;
          this.#pump();
        }, turn - now);
        return;
      }
      this.#waiting.shift();
      this.#start(now, waiter.queuedAt);
      waiter.wake();
    }
  }

  /** The earliest time the next start may happen under both rules. */
  #turn(now: number): number {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: pruning only bounds memory; a start left in is at or before now - windowMs, so the window rule below gives a time ≤ now either way
    while (this.#starts.length > 0 && (this.#starts[0] as number) <= now - this.windowMs)
      this.#starts.shift();
    const windowFreeAt =
      this.#starts.length >= this.limit
        ? (this.#starts[this.#starts.length - this.limit] as number) + this.windowMs
        : Number.NEGATIVE_INFINITY;
    return Math.max(this.#dueAt, windowFreeAt);
  }

  #start(now: number, queuedAt: number): void {
    this.#starts.push(now);
    // Where this start belonged on the schedule: its due time, or when it came if the limiter was
    // idle. Behind the schedule by more than the catch-up allowance, the schedule moves on.
    const scheduled = Math.max(this.#dueAt, queuedAt);
    this.#dueAt = Math.max(scheduled, now - CATCH_UP_GAPS * this.#gapMs) + this.#gapMs;
  }
}
