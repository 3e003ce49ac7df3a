import {
  ApiError,
  ConnectionError,
  type OperationKind,
  RateLimitError,
  ServerError,
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

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or unparseable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
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
 * Reads, updates and deletes retry on 408, 429, 5xx, timeouts and connection failures. A create
 * retries only where the provider provably did not process it: 429, 503 with Retry-After, or a
 * connection that was never established.
 */
export function judgeFailure(
  kind: OperationKind,
  failure: ApiError | ConnectionError | TimeoutError,
  neverSent = false,
): FailureVerdict {
  if (kind !== 'create') {
    const retry =
      failure instanceof RateLimitError ||
      failure instanceof ServerError ||
      failure instanceof ConnectionError ||
      failure instanceof TimeoutError ||
      (failure instanceof ApiError && failure.status === 408);
    return { retry, outcomeUnknown: false };
  }
  if (failure instanceof RateLimitError) return { retry: true, outcomeUnknown: false };
  if (
    failure instanceof ServerError &&
    failure.status === 503 &&
    failure.retryAfterMs !== undefined
  ) {
    return { retry: true, outcomeUnknown: false };
  }
  if (failure instanceof ConnectionError) return { retry: neverSent, outcomeUnknown: !neverSent };
  if (failure instanceof TimeoutError) return { retry: false, outcomeUnknown: true };
  if (failure instanceof ServerError) return { retry: false, outcomeUnknown: true };
  return { retry: false, outcomeUnknown: false };
}
