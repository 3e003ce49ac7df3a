import type { OperationKind } from './errors.js';

export interface RetryOptions {
  /** Retries after the first attempt. `0` disables retries. Default 2. */
  maxRetries?: number;
  /** First backoff delay; doubles per retry. Default 500 ms. */
  initialDelayMs?: number;
  /** Cap of the backoff delay and of any `Retry-After` we honour. Default 8 s. */
  maxDelayMs?: number;
  /**
   * The least wait after a 429 that says nothing of when to come back (no `Retry-After`), still
   * capped by `maxDelayMs`. Default 1 s: rate limits are counted over windows of a second or more
   * (Twilio's 429 carries no `Retry-After`), and a shorter backoff only meets the same full window.
   */
  rateLimitedDelayMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = {
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  rateLimitedDelayMs: 1_000,
};

const HTTP_DATE_START = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /i;

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or unparseable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Date.parse accepts nearly anything ("-1", "5 apples"); an HTTP date starts with the day name.
  if (!HTTP_DATE_START.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Exponential backoff with up to 25% jitter below the nominal delay; Retry-After wins, capped. A
 * 429 without Retry-After (`rateLimited`) waits at least `rateLimitedDelayMs`.
 */
export function retryDelayMs(
  retryIndex: number,
  options: Required<RetryOptions>,
  retryAfterMs?: number,
  rateLimited = false,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, options.maxDelayMs);
  const nominal = Math.min(options.initialDelayMs * 2 ** retryIndex, options.maxDelayMs);
  const backoff = Math.round(nominal * (1 - Math.random() * 0.25));
  if (!rateLimited) return backoff;
  return Math.max(backoff, Math.min(options.rateLimitedDelayMs, options.maxDelayMs));
}

/** Error codes of a connection that was never established: the request provably was not sent. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export function connectionErrorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) current = errors[0];
    else current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function wasNeverSent(error: unknown): boolean {
  const code = connectionErrorCode(error);
  return code !== undefined && NOT_SENT_CODES.has(code);
}

/** What a failed attempt means for the call: try again, and whether a create may have happened. */
export interface RetryDecision {
  retry: boolean;
  /** A create failed in a way that does not prove it was not processed. */
  outcomeUnknown: boolean;
}

/**
 * Why one attempt failed, known before any error object is built, so the retry decision comes
 * first and the error is built once, with its final `outcomeUnknown` and attempt count.
 */
export type FailureReason =
  /** The provider answered with an error status (or an error in a success body, classified so). */
  | { type: 'status'; status: number; retryAfterMs?: number | undefined }
  /** A success status whose body is unreadable, too large or lacks the payload; or a redirect. */
  | { type: 'invalid-response' }
  /** Network failure; `neverSent` when the connection was provably never established. */
  | { type: 'connection'; neverSent: boolean }
  | { type: 'timeout' };

const PROCESSED_UNKNOWN: RetryDecision = { retry: false, outcomeUnknown: true };
const RETRY: RetryDecision = { retry: true, outcomeUnknown: false };
const FINAL: RetryDecision = { retry: false, outcomeUnknown: false };

/**
 * The retry rules, in order. Reads, updates and deletes retry on 408, 429, 5xx, timeouts and
 * connection failures. A create retries only where the provider provably did not process it: 429,
 * 503 with Retry-After, or a connection that was never established. A create that timed out, lost
 * its connection, got another 5xx or an unreadable success answer may have been processed:
 * `outcomeUnknown`. (The attempt budget, `maxRetries`, is the runner's to check.)
 */
export function shouldRetry(kind: OperationKind, reason: FailureReason): RetryDecision {
  if (kind !== 'create') {
    switch (reason.type) {
      case 'status':
        return reason.status === 408 || reason.status === 429 || reason.status >= 500
          ? RETRY
          : FINAL;
      case 'invalid-response':
        return FINAL;
      default:
        return RETRY;
    }
  }
  switch (reason.type) {
    case 'status':
      if (reason.status === 429) return RETRY;
      if (reason.status === 503 && reason.retryAfterMs !== undefined) return RETRY;
      return reason.status >= 500 ? PROCESSED_UNKNOWN : FINAL;
    case 'connection':
      return reason.neverSent ? RETRY : PROCESSED_UNKNOWN;
    default:
      return PROCESSED_UNKNOWN;
  }
}
