import {
  type ApiError,
  ConnectionError,
  InvalidResponseError,
  type OperationKind,
  RedirectError,
  TimeoutError,
} from './errors.js';

export interface RetryOptions {
  /** Retries after the first attempt. `0` disables retries. Default 2. */
  maxRetries?: number;
  /** First backoff delay; doubles per retry. Default 500 ms. */
  initialDelayMs?: number;
  /** Cap of the backoff delay and of any `Retry-After` we honour. Default 8 s. */
  maxDelayMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = {
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
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

/** Exponential backoff with up to 25% jitter below the nominal delay; Retry-After wins, capped. */
export function retryDelayMs(
  retryIndex: number,
  options: Required<RetryOptions>,
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, options.maxDelayMs);
  const nominal = Math.min(options.initialDelayMs * 2 ** retryIndex, options.maxDelayMs);
  return Math.round(nominal * (1 - Math.random() * 0.25));
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

export interface FailureVerdict {
  retry: boolean;
  /** A create failed in a way that does not prove it was not processed. */
  outcomeUnknown: boolean;
}

/**
 * What went wrong in one attempt, known before any error object is built, so the verdict can be
 * decided first and the error built once, with its final `outcomeUnknown` and attempt count.
 */
export type FailureFacts =
  /** The provider answered with an error status (or an error in a success body, classified so). */
  | { type: 'status'; status: number; retryAfterMs?: number | undefined }
  /** A success status whose body is unreadable, too large or lacks the payload; or a redirect. */
  | { type: 'invalid-response' }
  /** Network failure; `neverSent` when the connection was provably never established. */
  | { type: 'connection'; neverSent: boolean }
  | { type: 'timeout' };

const PROCESSED_UNKNOWN: FailureVerdict = { retry: false, outcomeUnknown: true };
const RETRY: FailureVerdict = { retry: true, outcomeUnknown: false };
const FINAL: FailureVerdict = { retry: false, outcomeUnknown: false };

/**
 * Reads, updates and deletes retry on 408, 429, 5xx, timeouts and connection failures. A create
 * retries only where the provider provably did not process it: 429, 503 with Retry-After, or a
 * connection that was never established. A create that timed out, lost its connection, got another
 * 5xx or an unreadable success answer may have been processed: `outcomeUnknown`.
 */
export function judge(kind: OperationKind, facts: FailureFacts): FailureVerdict {
  if (kind !== 'create') {
    switch (facts.type) {
      case 'status':
        return facts.status === 408 || facts.status === 429 || facts.status >= 500 ? RETRY : FINAL;
      case 'invalid-response':
        return FINAL;
      default:
        return RETRY;
    }
  }
  switch (facts.type) {
    case 'status':
      if (facts.status === 429) return RETRY;
      if (facts.status === 503 && facts.retryAfterMs !== undefined) return RETRY;
      return facts.status >= 500 ? PROCESSED_UNKNOWN : FINAL;
    case 'connection':
      return facts.neverSent ? RETRY : PROCESSED_UNKNOWN;
    default:
      return PROCESSED_UNKNOWN;
  }
}

/** The facts an existing error stands for. */
export function factsOf(
  failure: ApiError | ConnectionError | TimeoutError,
  neverSent = false,
): FailureFacts {
  if (failure instanceof TimeoutError) return { type: 'timeout' };
  if (failure instanceof ConnectionError) return { type: 'connection', neverSent };
  // A redirect is judged like an unreadable answer: never retried, a create's outcome unknown.
  if (failure instanceof InvalidResponseError || failure instanceof RedirectError)
    return { type: 'invalid-response' };
  const { retryAfterMs } = failure as { retryAfterMs?: number };
  return { type: 'status', status: failure.status, retryAfterMs };
}

/** `judge` for an error already built (kept for callers of the first API). */
export function judgeFailure(
  kind: OperationKind,
  failure: ApiError | ConnectionError | TimeoutError,
  neverSent = false,
): FailureVerdict {
  return judge(kind, factsOf(failure, neverSent));
}
