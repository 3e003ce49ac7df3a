import {
  AbortedError,
  ApiError,
  type ApiErrorDetails,
  apiErrorClassFor,
  ConnectionError,
  InvalidResponseError,
  type OperationKind,
  type ProviderName,
  type RequestContext,
  type RequestError,
  TenantkitError,
  TimeoutError,
} from './errors.js';
import type { Redactor } from './redact.js';
import {
  DEFAULT_RETRY,
  judgeFailure,
  parseRetryAfter,
  type RetryOptions,
  retryDelayMs,
  wasNeverSent,
} from './retry.js';
import { sleep, Throttle, type ThrottleOptions } from './throttle.js';

export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** Receives debug-level request/response records; every header and body in them is redacted. */
export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
}

/** Options every tenantkit client accepts (and the facade passes on). */
export interface CoreOptions extends ThrottleOptions {
  /** A fetch implementation (tests, proxies, edge runtimes). Defaults to the global fetch. */
  fetch?: FetchLike;
  /** Per-request timeout; the clock starts when the request starts. Default 30 000 ms. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 2; `0` disables. */
  maxRetries?: number;
  /** Backoff tuning: first delay (default 500 ms) and cap (default 8 s). */
  retryDelay?: { initialMs?: number; maxMs?: number };
  logger?: Logger;
}

/** How one call is made: the caller's options, the body to log, and how to unwrap the payload. */
export interface RunSpec<TData, TResult> {
  call?: CallOptions | undefined;
  /** Request body or parameters, for the debug log only (redacted there). */
  input?: unknown;
  /** Takes the payload out of the provider's envelope; `undefined` means the envelope is broken. */
  unwrap?: (data: TData) => TResult | undefined;
  /** Name of what `unwrap` looks for, for the error message (e.g. "the `response` field"). */
  expects?: string;
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

/** What a provider knows about its own wire format. */
export interface ProviderProtocol {
  readonly provider: ProviderName;
  /** Headers that authenticate one attempt (may sign or refresh a token). */
  authHeaders?(): Record<string, string> | Promise<Record<string, string>>;
  /** Code, message and request id from an error body; the default reads common shapes. */
  describeError?(body: unknown): ErrorDescription;
  /** An error reported inside a success body (Voximplant). */
  errorInSuccessBody?(data: unknown): (ErrorDescription & { classifyAs: number }) | undefined;
}

export type ErrorDescription = Pick<
  ApiErrorDetails,
  'code' | 'codeName' | 'providerMessage' | 'requestId'
>;

/** What an openapi-fetch call resolves to. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** Handed to each attempt: spread it into the openapi-fetch call options. */
export interface AttemptInit {
  signal: AbortSignal;
  fetch: FetchLike;
  headers: Record<string, string>;
}

const TIMEOUT = Symbol('tenantkit.timeout');
const MAX_BODY_CHARS = 2_000;
const NO_HEADERS: Record<string, string> = Object.freeze({}) as Record<string, string>;

type Outcome<T> =
  | { ok: true; data: T }
  | { ok: false; error: RequestError; retryAfterMs?: number | undefined };

/** Runs operations: throttling, timeout, cancellation, safe retries, typed errors, redacted logs. */
export class Runner {
  readonly redactor: Redactor;
  readonly #protocol: ProviderProtocol;
  readonly #fetch: FetchLike;
  readonly #timeoutMs: number;
  readonly #retry: Required<RetryOptions>;
  readonly #throttle: Throttle | undefined;
  readonly #logger: Logger | undefined;

  constructor(protocol: ProviderProtocol, options: CoreOptions, redactor: Redactor) {
    this.#protocol = protocol;
    this.redactor = redactor;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#retry = {
      maxRetries: options.maxRetries ?? DEFAULT_RETRY.maxRetries,
      initialDelayMs: options.retryDelay?.initialMs ?? DEFAULT_RETRY.initialDelayMs,
      maxDelayMs: options.retryDelay?.maxMs ?? DEFAULT_RETRY.maxDelayMs,
    };
    this.#throttle =
      options.maxConcurrency || options.maxRequestsPerSecond
        ? new Throttle({
            ...(options.maxConcurrency ? { maxConcurrency: options.maxConcurrency } : {}),
            ...(options.maxRequestsPerSecond
              ? { maxRequestsPerSecond: options.maxRequestsPerSecond }
              : {}),
          })
        : undefined;
    this.#logger = options.logger;
  }

  /** The fetch every raw client call goes through (no retry, no timeout). */
  get fetch(): FetchLike {
    return this.#fetch;
  }

  async run<R extends FetchResult, TResult = Exclude<R['data'], undefined>>(
    operation: OperationInfo,
    attempt: (init: AttemptInit) => Promise<R>,
    spec: RunSpec<Exclude<R['data'], undefined>, TResult> = {},
  ): Promise<TResult> {
    const call = spec.call ?? {};
    const maxRetries = call.maxRetries ?? this.#retry.maxRetries;
    for (let retryIndex = 0; ; retryIndex++) {
      const outcome = await this.#attempt(operation, attempt, call, retryIndex + 1, spec.input);
      if (outcome.ok) {
        const data = outcome.data as Exclude<R['data'], undefined>;
        if (!spec.unwrap) return data as unknown as TResult;
        const result = spec.unwrap(data);
        if (result !== undefined) return result;
        const context = {
          ...this.#context(operation, retryIndex + 1),
          outcomeUnknown: operation.kind === 'create',
        };
        throw new InvalidResponseError(context, {
          status: 200,
          body: this.#safeBody(data),
          providerMessage: `the provider's answer lacks ${spec.expects ?? 'the expected payload'}`,
        });
      }
      const { error } = outcome;
      const verdict = judgeFailure(operation.kind, error as ApiError, wasNeverSent(error.cause));
      if (!verdict.retry || retryIndex >= maxRetries) {
        if (verdict.outcomeUnknown && !error.outcomeUnknown) throw this.#markOutcomeUnknown(error);
        throw error;
      }
      const delayMs = retryDelayMs(retryIndex, this.#retry, outcome.retryAfterMs);
      this.#logger?.debug('tenantkit retry', {
        provider: this.#protocol.provider,
        operation: operation.id,
        attempt: retryIndex + 1,
        delayMs,
        reason: error.message,
      });
      try {
        await sleep(delayMs, call.signal);
      } catch {
        throw new AbortedError(
          'aborted by the caller while waiting to retry',
          this.#context(operation, retryIndex + 1),
        );
      }
    }
  }

  async #attempt<R extends FetchResult>(
    operation: OperationInfo,
    attempt: (init: AttemptInit) => Promise<R>,
    call: CallOptions,
    attemptNumber: number,
    requestBody: unknown,
  ): Promise<Outcome<R['data']>> {
    const context = this.#context(operation, attemptNumber);
    const userSignal = call.signal;
    if (userSignal?.aborted) throw new AbortedError('aborted by the caller', context);
    let release: (() => void) | undefined;
    if (this.#throttle) {
      try {
        release = await this.#throttle.acquire(userSignal);
      } catch {
        throw new AbortedError('aborted by the caller while queued', context);
      }
    }
    const timeoutMs = call.timeoutMs ?? this.#timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMEOUT), timeoutMs);
    const onUserAbort = () => controller.abort(userSignal?.reason);
    userSignal?.addEventListener('abort', onUserAbort, { once: true });
    let response: Response | undefined;
    let sent = false;
    const startedAt = this.#logger ? performance.now() : 0;
    const fetchOnce: FetchLike = async (request, init) => {
      sent = true;
      if (this.#logger) this.#logRequest(operation, request, requestBody, attemptNumber);
      response = await this.#fetch(request, init);
      return response;
    };
    try {
      const auth = this.#protocol.authHeaders ? await this.#protocol.authHeaders() : NO_HEADERS;
      const headers = call.headers ? { ...call.headers, ...auth } : auth;
      const result = await attempt({ signal: controller.signal, fetch: fetchOnce, headers });
      if (this.#logger) this.#logResponse(operation, result, startedAt);
      return this.#settle(context, result);
    } catch (error) {
      if (controller.signal.aborted) {
        if (controller.signal.reason === TIMEOUT)
          return { ok: false, error: new TimeoutError(context, timeoutMs) };
        throw new AbortedError('aborted by the caller', context);
      }
      if (!sent || error instanceof TenantkitError) throw error;
      if (error instanceof SyntaxError && response) {
        return {
          ok: false,
          error: this.#invalidResponse(context, response, 'its body is not valid JSON'),
        };
      }
      const reason = this.redactor.text(error instanceof Error ? error.message : String(error));
      return {
        ok: false,
        error: new ConnectionError(`connection failed: ${reason}`, context, { cause: error }),
      };
    } finally {
      clearTimeout(timer);
      userSignal?.removeEventListener('abort', onUserAbort);
      release?.();
    }
  }

  #settle(context: RequestContext, result: FetchResult): Outcome<unknown> {
    const { response } = result;
    if (response.ok) {
      if (result.data === undefined && response.status !== 204) {
        return { ok: false, error: this.#invalidResponse(context, response, 'its body is empty') };
      }
      const inBody = this.#protocol.errorInSuccessBody?.(result.data);
      if (!inBody) return { ok: true, data: result.data };
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      const ErrorClass = apiErrorClassFor(inBody.classifyAs);
      const error = new ErrorClass(context, {
        ...inBody,
        status: response.status,
        body: this.#safeBody(result.data),
        retryAfterMs,
        providerMessage: inBody.providerMessage && this.redactor.text(inBody.providerMessage),
      });
      return { ok: false, error, retryAfterMs };
    }
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    const described = (this.#protocol.describeError ?? describeErrorBody)(result.error);
    const ErrorClass = apiErrorClassFor(response.status);
    const error = new ErrorClass(context, {
      ...described,
      status: response.status,
      requestId: described.requestId ?? requestIdFrom(response.headers),
      body: this.#safeBody(result.error),
      retryAfterMs,
      providerMessage: described.providerMessage && this.redactor.text(described.providerMessage),
    });
    return { ok: false, error, retryAfterMs };
  }

  #invalidResponse(
    context: RequestContext,
    response: Response,
    problem: string,
  ): InvalidResponseError {
    const type = response.headers.get('content-type') ?? 'no content type';
    return new InvalidResponseError(context, {
      status: response.status,
      body: undefined,
      requestId: requestIdFrom(response.headers),
      providerMessage: `the provider answered ${response.status} but ${problem} (${type})`,
    });
  }

  #markOutcomeUnknown(error: RequestError): RequestError {
    // Errors are immutable once built; the flag belongs in the message, so rebuild with it set.
    const context = { ...this.#contextOf(error), outcomeUnknown: true };
    if (error instanceof TimeoutError) return new TimeoutError(context, error.timeoutMs);
    if (error instanceof ApiError) {
      const ErrorClass = error.constructor as typeof ApiError;
      const retryAfterMs = (error as { retryAfterMs?: number }).retryAfterMs;
      const prefix = `${error.provider}.${error.operation} (${error.method} ${error.path}): HTTP ${error.status}`;
      const providerMessage =
        error.message.slice(prefix.length).replace(/^[^:]*: /, '') || undefined;
      return new ErrorClass(context, {
        status: error.status,
        code: error.code,
        codeName: error.codeName,
        requestId: error.requestId,
        body: error.body,
        retryAfterMs,
        providerMessage,
      });
    }
    const message = error.message.slice(error.message.indexOf('): ') + 3);
    const Class = error.constructor as typeof ConnectionError;
    return new Class(message, context, { cause: error.cause });
  }

  #contextOf(error: RequestError): RequestContext {
    return {
      provider: error.provider,
      operation: error.operation,
      method: error.method,
      path: error.path,
      kind: 'create',
      attempts: error.attempts,
    };
  }

  #context(operation: OperationInfo, attempts: number): RequestContext {
    return {
      provider: this.#protocol.provider,
      operation: operation.id,
      method: operation.method.toUpperCase(),
      path: operation.path,
      kind: operation.kind,
      attempts,
    };
  }

  #safeBody(body: unknown): unknown {
    const bounded =
      typeof body === 'string' && body.length > MAX_BODY_CHARS
        ? `${body.slice(0, MAX_BODY_CHARS)}…`
        : body;
    return this.redactor.value(bounded);
  }

  #logRequest(operation: OperationInfo, request: Request, body: unknown, attempt: number): void {
    this.#logger?.debug('tenantkit request', {
      provider: this.#protocol.provider,
      operation: operation.id,
      attempt,
      method: request.method,
      url: this.redactor.url(request.url),
      headers: this.redactor.headers(request.headers),
      body: this.redactor.value(body),
    });
  }

  #logResponse(operation: OperationInfo, result: FetchResult, startedAt: number): void {
    this.#logger?.debug('tenantkit response', {
      provider: this.#protocol.provider,
      operation: operation.id,
      status: result.response.status,
      durationMs: Math.round(performance.now() - startedAt),
      headers: this.redactor.headers(result.response.headers),
      body: this.redactor.value(result.response.ok ? result.data : result.error),
    });
  }
}

function requestIdFrom(headers: Headers): string | undefined {
  return headers.get('x-request-id') ?? headers.get('request-id') ?? undefined;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return undefined;
  return JSON.stringify(value);
}

/** Reads the error shapes our providers use: `{error: {code, message|msg}}`, `{error, message}`, `{detail}`, text. */
export function describeErrorBody(body: unknown): ErrorDescription {
  if (typeof body === 'string') {
    const text = body
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return { providerMessage: text ? text.slice(0, 200) : undefined };
  }
  if (typeof body !== 'object' || body === null) return {};
  const record = body as Record<string, unknown>;
  const nested =
    typeof record.error === 'object' && record.error !== null
      ? (record.error as Record<string, unknown>)
      : undefined;
  const code = nested?.code ?? (typeof record.error === 'string' ? record.error : record.code);
  const providerMessage = asText(
    nested?.message ?? nested?.msg ?? record.message ?? record.detail ?? record.msg,
  );
  const requestId = record.requestId ?? record.request_id ?? record.api_id;
  return {
    code: typeof code === 'string' || typeof code === 'number' ? code : undefined,
    providerMessage,
    requestId: typeof requestId === 'string' ? requestId : undefined,
  };
}
