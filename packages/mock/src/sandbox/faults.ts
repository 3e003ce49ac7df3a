/**
 * Faults on demand, per provider, drawn from the seed: the same seed and the same sequence of
 * requests give the same faults on the same requests.
 */
import type { Random } from './random.js';

export interface FaultOptions {
  /**
   * Requests per second the provider accepts; beyond that it answers 429 with `Retry-After`
   * (whole seconds until the one-second window has room again).
   */
  rateLimitPerSecond?: number;
  /** Delay before each answer, in ms: a fixed value, or `[min, max]` drawn per request. */
  latencyMs?: number | readonly [number, number];
  /** Share (0 to 1) of requests answered with the provider's 500 instead of being processed. */
  serverErrorRate?: number;
  /**
   * Share (0 to 1) of successful creates whose connection is reset after the tenant was made: the
   * caller cannot tell whether it exists.
   */
  resetAfterCreateRate?: number;
}

export type Fault = 'rate-limited' | 'server-error' | 'reset';

export type Verdict =
  | { fault: 'rate-limited'; retryAfterSeconds: number }
  | { fault: 'server-error' }
  | undefined;

const WINDOW_MS = 1000;

function fail(field: string, rule: string, message: string): never {
  throw new TypeError(`sandbox: ${field} ${message} (rule: ${rule})`);
}

function checkNumber(field: string, value: unknown, rule: string, ok: (n: number) => boolean) {
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value))
    fail(
      field,
      rule,
      rule === 'probability' ? 'must be a number from 0 to 1' : `must be a ${rule}`,
    );
}

/** Every field checked; a bad one is named with its rule. */
export function checkFaultOptions(field: string, options: FaultOptions | undefined): FaultOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null) fail(field, 'object', 'must be an object');
  const known = ['rateLimitPerSecond', 'latencyMs', 'serverErrorRate', 'resetAfterCreateRate'];
  for (const key of Object.keys(options))
    if (!known.includes(key))
      fail(`${field}.${key}`, 'known-field', `is not one of ${known.join(', ')}`);
  const { rateLimitPerSecond, latencyMs, serverErrorRate, resetAfterCreateRate } = options;
  if (rateLimitPerSecond !== undefined)
    checkNumber(
      `${field}.rateLimitPerSecond`,
      rateLimitPerSecond,
      'positive integer',
      (n) => Number.isInteger(n) && n > 0,
    );
  for (const [name, value] of Object.entries({ serverErrorRate, resetAfterCreateRate }))
    if (value !== undefined)
      checkNumber(`${field}.${name}`, value, 'probability', (n) => n >= 0 && n <= 1);
  if (latencyMs !== undefined) {
    const range = typeof latencyMs === 'number' ? [latencyMs, latencyMs] : latencyMs;
    if (!Array.isArray(range) || range.length !== 2)
      fail(`${field}.latencyMs`, 'latency', 'must be a number of ms or a [min, max] pair');
    range.forEach((value, index) => {
      checkNumber(`${field}.latencyMs[${index}]`, value, 'non-negative number', (n) => n >= 0);
    });
    if ((range[0] as number) > (range[1] as number))
      fail(`${field}.latencyMs`, 'min-max', 'must give the smaller value first');
  }
  return { ...options };
}

export class FaultInjector {
  #options: FaultOptions;
  readonly #random: Random;
  /** Times (ms) of the requests accepted within the last second. */
  #window: number[] = [];

  constructor(random: Random, options: FaultOptions = {}) {
    this.#random = random;
    this.#options = options;
  }

  configure(options: FaultOptions): void {
    this.#options = options;
    this.#window = [];
  }

  /** Decided before a request is processed: the rate limit first, then the 5xx rate. */
  beforeProcessing(nowMs: number): Verdict {
    const limit = this.#options.rateLimitPerSecond;
    if (limit !== undefined) {
      this.#window = this.#window.filter((at) => at > nowMs - WINDOW_MS);
      if (this.#window.length >= limit) {
        const waitMs = (this.#window[0] as number) + WINDOW_MS - nowMs;
        return { fault: 'rate-limited', retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
      }
      this.#window.push(nowMs);
    }
    const rate = this.#options.serverErrorRate;
    if (rate !== undefined && this.#random.chance(rate)) return { fault: 'server-error' };
    return undefined;
  }

  resetAfterCreate(): boolean {
    const rate = this.#options.resetAfterCreateRate;
    return rate !== undefined && this.#random.chance(rate);
  }

  latencyMs(): number {
    const latency = this.#options.latencyMs;
    if (latency === undefined) return 0;
    if (typeof latency === 'number') return latency;
    return this.#random.integer(Math.ceil(latency[0]), Math.floor(latency[1]));
  }
}
