/**
 * Stage 1 of a call: the options. What a client and a call accept, checked once with a clear
 * error naming the option, and the client's options turned into settings with their defaults.
 */
import {
  ConfigurationError,
  type OperationKind,
  type ProviderName,
  ValidationError,
} from '../errors.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../response-guard.js';
import { DEFAULT_RETRY, type RetryOptions } from '../retry.js';
import { Throttle, type ThrottleOptions } from '../throttle.js';
import { checkHooks, type HookLists, type Hooks } from './hooks.js';

export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** Receives debug-level request/response records; every header and body in them is redacted. */
export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
}

/** Options every tenantkit client accepts (and the facade passes on). */
export interface CoreOptions extends ThrottleOptions {
  /** A fetch implementation (tests, proxies, edge runtimes). Defaults to the global fetch. */
  fetch?: FetchLike;
  /**
   * Per-request timeout; the clock starts when the request starts (after any throttle queue) and
   * restarts for each retry. Default 30 000 ms; `Infinity` disables it.
   */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 2; `0` disables. */
  maxRetries?: number;
  /**
   * Backoff tuning: first delay (default 500 ms), cap (default 8 s), and the least wait after a
   * 429 without `Retry-After` (default 1 s, within the cap).
   */
  retryDelay?: { initialMs?: number; maxMs?: number; rateLimitedMs?: number };
  /**
   * Largest response body read, in bytes. Default 4 MiB; `Infinity` disables. A larger answer
   * fails with a `ResponseTooLargeError` and its connection is closed.
   */
  maxResponseBytes?: number;
  /** Most pages one `listAll` walk fetches before failing with a `PagingError`. Default 1,000. */
  maxPages?: number;
  logger?: Logger;
  /** Functions called before each request, after each response and before each retry. */
  hooks?: Hooks;
}

/** Options of a single call. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Extra headers for this call (they cannot replace the authentication headers). */
  headers?: Record<string, string>;
  timeoutMs?: number;
  maxRetries?: number;
}

/** One operation of a spec, as the generator describes it. */
export interface OperationInfo {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly kind: OperationKind;
}

/** A client's options, checked, with every default filled in. */
export interface RunnerSettings {
  fetch: FetchLike;
  timeoutMs: number;
  retry: Required<RetryOptions>;
  throttle: Throttle | undefined;
  logger: Logger | undefined;
  hooks: HookLists | undefined;
  maxResponseBytes: number;
  maxPages: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_PAGES = 1_000;

/** The client's options checked (in this order: the first bad one is named), defaults filled in. */
export function settingsFrom(provider: ProviderName, options: CoreOptions): RunnerSettings {
  const timeoutMs = checkTimeout(provider, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const retry = {
    maxRetries: checkRetries(provider, options.maxRetries ?? DEFAULT_RETRY.maxRetries),
    initialDelayMs: checkDelay(
      provider,
      'retryDelay.initialMs',
      options.retryDelay?.initialMs ?? DEFAULT_RETRY.initialDelayMs,
    ),
    maxDelayMs: checkDelay(
      provider,
      'retryDelay.maxMs',
      options.retryDelay?.maxMs ?? DEFAULT_RETRY.maxDelayMs,
    ),
    rateLimitedDelayMs: checkDelay(
      provider,
      'retryDelay.rateLimitedMs',
      options.retryDelay?.rateLimitedMs ?? DEFAULT_RETRY.rateLimitedDelayMs,
    ),
  };
  const { maxConcurrency, maxRequestsPerSecond } = options;
  checkPositive(provider, 'maxConcurrency', maxConcurrency, true);
  checkPositive(provider, 'maxRequestsPerSecond', maxRequestsPerSecond, false);
  return {
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs,
    retry,
    throttle:
      maxConcurrency || maxRequestsPerSecond
        ? new Throttle({
            ...(maxConcurrency ? { maxConcurrency } : {}),
            ...(maxRequestsPerSecond ? { maxRequestsPerSecond } : {}),
          })
        : undefined,
    logger: options.logger,
    maxResponseBytes: checkLimit(
      provider,
      'maxResponseBytes',
      options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    ),
    maxPages: checkLimit(provider, 'maxPages', options.maxPages ?? DEFAULT_MAX_PAGES),
    hooks: checkHooks(provider, options.hooks),
  };
}

/** The timeout and retry budget of one call: its own options, else the client's. */
export function callLimits(
  provider: ProviderName,
  call: CallOptions,
  settings: RunnerSettings,
): { timeoutMs: number; maxRetries: number } {
  return {
    timeoutMs:
      call.timeoutMs === undefined ? settings.timeoutMs : checkTimeout(provider, call.timeoutMs),
    maxRetries:
      call.maxRetries === undefined
        ? settings.retry.maxRetries
        : checkRetries(provider, call.maxRetries),
  };
}

/** The per-call options, checked like any input: a clear error naming the option, never a TypeError later. */
export function checkCallOptions(provider: ProviderName, operation: string, call: unknown): void {
  const fail = (field: string, rule: string, message: string) => {
    throw new ValidationError({ provider, operation, field, rule, message });
  };
  if (typeof call !== 'object' || call === null || Array.isArray(call))
    fail('options', 'object', 'must be an object of call options');
  const { signal, headers } = call as CallOptions;
  if (signal !== undefined && typeof signal?.addEventListener !== 'function')
    fail('options.signal', 'abort-signal', 'must be an AbortSignal');
  if (headers === undefined) return;
  try {
    // Headers checks names and values as fetch will (its own error would quote the value).
    if (Object.values(headers).some((value) => typeof value !== 'string')) throw headers;
    new Headers(headers);
  } catch {
    fail(
      'options.headers',
      'headers',
      'must map valid header names to string values without line breaks (values not shown)',
    );
  }
}

/** The caller's extra headers plus authentication; a caller header may not replace an authentication one. */
export function callHeaders(
  provider: ProviderName,
  operation: OperationInfo,
  extra: Record<string, string>,
  auth: Record<string, string>,
): Record<string, string> {
  const reserved = new Set(Object.keys(auth).map((name) => name.toLowerCase()));
  for (const name of Object.keys(extra)) {
    if (reserved.has(name.toLowerCase())) {
      throw new ValidationError({
        provider,
        operation: operation.id,
        field: `options.headers.${name}`,
        rule: 'reserved-header',
        message: 'cannot be set per call: the client sets it to authenticate',
      });
    }
  }
  return { ...extra, ...auth };
}

function checkTimeout(provider: ProviderName, value: number): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw new ConfigurationError(
      `${provider}: \`timeoutMs\` must be a positive number of milliseconds (or Infinity for none).`,
    );
  }
  return value;
}

function checkRetries(provider: ProviderName, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new ConfigurationError(
      `${provider}: \`maxRetries\` must be a whole number, 0 or more (0 disables retries).`,
    );
  }
  return value;
}

function checkDelay(provider: ProviderName, option: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ConfigurationError(`${provider}: \`${option}\` must be 0 or more milliseconds.`);
  }
  return value;
}

function checkLimit(provider: ProviderName, option: string, value: number): number {
  if (value !== Infinity && (!Number.isSafeInteger(value) || value <= 0)) {
    throw new ConfigurationError(
      `${provider}: \`${option}\` must be a positive whole number (or Infinity for no limit).`,
    );
  }
  return value;
}

function checkPositive(
  provider: ProviderName,
  option: string,
  value: number | undefined,
  integer: boolean,
): void {
  // 0 (like leaving it out) means no limit, as it always has.
  if (value === undefined || value === 0) return;
  const valid = integer ? Number.isSafeInteger(value) : Number.isFinite(value);
  if (!valid || value <= 0) {
    throw new ConfigurationError(
      `${provider}: \`${option}\` must be a positive ${integer ? 'whole ' : ''}number when set.`,
    );
  }
}
