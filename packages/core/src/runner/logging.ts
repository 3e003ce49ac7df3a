/**
 * Stage 5 of a call: logging. The records the `logger` and the hooks receive, built once per event
 * and only when someone listens. Every URL, header and body in them is redacted.
 */
import type { ProviderName, RequestError } from '../errors.js';
import type { Redactor } from '../redact.js';
import type { FailureReason } from '../retry.js';
import type { HookLists, RequestEvent, ResponseEvent, RetryEvent } from './hooks.js';
import type { Logger, OperationInfo } from './options.js';
import type { FetchResult } from './protocol.js';

export class CallLog {
  readonly #provider: ProviderName;
  readonly #redactor: Redactor;
  readonly #logger: Logger | undefined;
  /** Whether anyone listens: without a logger or hooks, no record is built. */
  readonly enabled: boolean;

  constructor(
    provider: ProviderName,
    redactor: Redactor,
    logger: Logger | undefined,
    hooks: HookLists | undefined,
  ) {
    this.#provider = provider;
    this.#redactor = redactor;
    this.#logger = logger;
    this.enabled = logger !== undefined || hooks !== undefined;
  }

  /** A clock reading for `durationMs`, taken only when someone listens. */
  now(): number {
    return this.enabled ? performance.now() : 0;
  }

  request(
    operation: OperationInfo,
    attempt: number,
    request: Request,
    body: unknown,
  ): RequestEvent {
    const event: RequestEvent = {
      provider: this.#provider,
      operation: operation.id,
      attempt,
      method: request.method,
      url: this.#redactor.url(request.url),
      headers: this.#redactor.headers(request.headers),
      body: this.#redactor.bounded(body),
    };
    this.#logger?.debug('tenantkit request', { ...event });
    return event;
  }

  response(
    operation: OperationInfo,
    attempt: number,
    result: FetchResult,
    startedAt: number,
  ): ResponseEvent {
    const event: ResponseEvent = {
      provider: this.#provider,
      operation: operation.id,
      attempt,
      status: result.response.status,
      durationMs: Math.round(performance.now() - startedAt),
      headers: this.#redactor.headers(result.response.headers),
      body: this.#redactor.bounded(result.response.ok ? result.data : result.error),
    };
    this.#logger?.debug('tenantkit response', { ...event });
    return event;
  }

  /** The retry record; `error` is built only for hooks (the logger never had it). */
  retry(
    operation: OperationInfo,
    attempt: number,
    delayMs: number,
    reason: FailureReason,
    error: () => RequestError,
    { forHooks }: { forHooks: boolean },
  ): RetryEvent | undefined {
    const record = {
      provider: this.#provider,
      operation: operation.id,
      attempt,
      delayMs,
      reason: reason.type === 'status' ? `HTTP ${reason.status}` : reason.type,
    };
    this.#logger?.debug('tenantkit retry', record);
    return forHooks ? { ...record, error: error() } : undefined;
  }
}
