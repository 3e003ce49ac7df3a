import {
  AbortedError,
  type ApiErrorDetails,
  apiErrorClassFor,
  ConfigurationError,
  ConnectionError,
  InvalidResponseError,
  NotFoundError,
  type OperationKind,
  type ProviderName,
  RedirectError,
  type RequestContext,
  type RequestError,
  ResponseTooLargeError,
  TenantkitError,
  TimeoutError,
  ValidationError,
} from './errors.js';
import { cut, type Redactor } from './redact.js';
import {
  capBody,
  DEFAULT_MAX_RESPONSE_BYTES,
  isRedirect,
  Refusal,
  refuseRedirect,
} from './response-guard.js';
import {
  connectionErrorCode,
  DEFAULT_RETRY,
  type FailureFacts,
  judge,
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
  /**
   * Per-request timeout; the clock starts when the request starts (after any throttle queue) and
   * restarts for each retry. Default 30 000 ms; `Infinity` disables it.
   */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 2; `0` disables. */
  maxRetries?: number;
  /** Backoff tuning: first delay (default 500 ms) and cap (default 8 s). */
  retryDelay?: { initialMs?: number; maxMs?: number };
  /**
   * Largest response body read, in bytes. Default 4 MiB; `Infinity` disables. A larger answer
   * fails with a `ResponseTooLargeError` and its connection is closed.
   */
  maxResponseBytes?: number;
  /** Most pages one `listAll` walk fetches before failing with a `PagingError`. Default 1,000. */
  maxPages?: number;
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
  /**
   * A 2xx without a body is a success too (the provider documents no body, or several shapes): the
   * call resolves to `undefined` and `unwrap` is skipped. Otherwise only a 204 to a call without
   * `unwrap` may be empty.
   */
  bodyOptional?: boolean;
  /**
   * For a read by id: whether the unwrapped result is the record asked for. When it is not (the
   * provider answered with another record, or none), the call fails with a `NotFoundError`.
   */
  found?: (result: TResult) => boolean;
  /** What was looked for, for that error's message (e.g. "sub-account SA_X"). */
  subject?: string;
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

/** What a provider's error body says; `retryAt` / `retryAfterMs` when it names a time to try again. */
export type ErrorDescription = Pick<
  ApiErrorDetails,
  'code' | 'codeName' | 'providerMessage' | 'requestId' | 'retryAt' | 'retryAfterMs'
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
/** A provider's message is scrubbed whole, then cut to this length; codes and ids to the shorter one. */
const MAX_MESSAGE_CHARS = 200;
const MAX_ID_CHARS = 100;
const DEFAULT_MAX_PAGES = 1_000;
/** setTimeout fires at once for delays above this (2^31 - 1 ms, ~24.8 days). */
const MAX_TIMER_MS = 2_147_483_647;
const NO_HEADERS: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_CALL: CallOptions = Object.freeze({});
const TIMED_OUT: FailureFacts = Object.freeze({ type: 'timeout' });
const INVALID_RESPONSE: FailureFacts = Object.freeze({ type: 'invalid-response' });

type ErrorContext = RequestContext & { outcomeUnknown: boolean };

/**
 * A failed attempt: the facts decide retry and outcome first; `build` makes the one error the
 * caller sees, once, with the final attempt count and `outcomeUnknown`.
 */
interface Failure {
  ok: false;
  facts: FailureFacts;
  build: (context: ErrorContext) => RequestError;
}
type Outcome<T> = { ok: true; data: T } | Failure;

const noop = () => {};
const tooLarge = () => new Refusal('too-large');

/** Ends an attempt at its deadline: cancels the fetch, and settles the race for fetches that ignore it. */
function onDeadline(controller: AbortController, stop: (reason: unknown) => void): void {
  controller.abort(TIMEOUT);
  stop(TIMEOUT);
}

/**
 * The init each attempt gets. `signal` is a getter on the prototype, so the `{ ...init }` a client
 * hands to openapi-fetch leaves it out: openapi-fetch would put it on the Request it builds, and
 * undici's Request follows a signal with a listener, a WeakRef and a FinalizationRegistry entry,
 * the costliest part of a call. The runner gives the signal to `fetch` itself instead (as
 * `init.signal`, which the global fetch honours), and races the attempt against the deadline so a
 * custom fetch that ignores `init` still ends on time.
 */
class Attempt implements AttemptInit {
  readonly fetch: FetchLike;
  readonly headers: Record<string, string>;
  readonly #controller: AbortController;

  constructor(fetch: FetchLike, headers: Record<string, string>, controller: AbortController) {
    this.fetch = fetch;
    this.headers = headers;
    this.#controller = controller;
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }
}

/** Runs operations: throttling, timeout, cancellation, safe retries, typed errors, redacted logs. */
export class Runner {
  readonly redactor: Redactor;
  readonly #protocol: ProviderProtocol;
  readonly #fetch: FetchLike;
  readonly #timeoutMs: number;
  readonly #retry: Required<RetryOptions>;
  readonly #throttle: Throttle | undefined;
  readonly #logger: Logger | undefined;
  readonly #maxResponseBytes: number;
  /** The most pages a list walk fetches (`paginate`'s `maxPages`). */
  readonly maxPages: number;
  readonly #rawFetch: FetchLike;

  constructor(protocol: ProviderProtocol, options: CoreOptions, redactor: Redactor) {
    this.#protocol = protocol;
    this.redactor = redactor;
    const provider = protocol.provider;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#timeoutMs = checkTimeout(provider, 'timeoutMs', options.timeoutMs ?? 30_000);
    this.#retry = {
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
    };
    const { maxConcurrency, maxRequestsPerSecond } = options;
    checkPositive(provider, 'maxConcurrency', maxConcurrency, true);
    checkPositive(provider, 'maxRequestsPerSecond', maxRequestsPerSecond, false);
    this.#throttle =
      maxConcurrency || maxRequestsPerSecond
        ? new Throttle({
            ...(maxConcurrency ? { maxConcurrency } : {}),
            ...(maxRequestsPerSecond ? { maxRequestsPerSecond } : {}),
          })
        : undefined;
    this.#logger = options.logger;
    this.#maxResponseBytes = checkLimit(
      provider,
      'maxResponseBytes',
      options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    );
    this.maxPages = checkLimit(provider, 'maxPages', options.maxPages ?? DEFAULT_MAX_PAGES);
    this.#rawFetch = (request, init) =>
      this.#fetch(request, { ...init, redirect: 'manual' }).then((response) =>
        capBody(response, this.#maxResponseBytes, () =>
          this.#tooLargeError(rawContext(provider, request), response),
        ),
      );
  }

  /**
   * The fetch every raw client call goes through: no retry or timeout, but never a redirect
   * followed (a 3xx comes back as it is) and no body read past `maxResponseBytes`.
   */
  get fetch(): FetchLike {
    return this.#rawFetch;
  }

  async run<R extends FetchResult, TResult = Exclude<R['data'], undefined>>(
    operation: OperationInfo,
    attempt: (init: AttemptInit) => Promise<R>,
    spec: RunSpec<Exclude<R['data'], undefined>, TResult> = {},
  ): Promise<TResult> {
    const call = spec.call ?? NO_CALL;
    const provider = this.#protocol.provider;
    checkCallOptions(provider, operation.id, call);
    // Whatever is sent under a secret name (a password, a token) is scrubbed from now on.
    this.redactor.rememberSecretsIn(spec.input);
    const maxRetries =
      call.maxRetries === undefined
        ? this.#retry.maxRetries
        : checkRetries(provider, call.maxRetries);
    const timeoutMs =
      call.timeoutMs === undefined
        ? this.#timeoutMs
        : checkTimeout(provider, 'timeoutMs', call.timeoutMs);
    for (let attemptNumber = 1; ; attemptNumber++) {
      let outcome = await this.#attempt(operation, attempt, call, timeoutMs, attemptNumber, spec);
      if (outcome.ok) {
        const data = outcome.data as Exclude<R['data'], undefined>;
        // Whatever an answer holds under a secret name (a new key, a token) is scrubbed from now on.
        this.redactor.rememberSecretsIn(data);
        if (!spec.unwrap || (data === undefined && spec.bodyOptional))
          return data as unknown as TResult;
        const result = this.#unwrap(data, spec);
        if (result !== undefined) {
          if (!spec.found || spec.found(result)) return result;
          throw this.#notFound(operation, attemptNumber, data, spec.subject);
        }
        outcome = this.#missingPayload(data, spec.expects);
      }
      const verdict = judge(operation.kind, outcome.facts);
      if (!verdict.retry || attemptNumber > maxRetries) {
        throw outcome.build({
          ...this.#context(operation, attemptNumber),
          outcomeUnknown: verdict.outcomeUnknown,
        });
      }
      const { facts } = outcome;
      const delayMs = retryDelayMs(
        attemptNumber - 1,
        this.#retry,
        facts.type === 'status' ? facts.retryAfterMs : undefined,
      );
      this.#logger?.debug('tenantkit retry', {
        provider,
        operation: operation.id,
        attempt: attemptNumber,
        delayMs,
        reason: facts.type === 'status' ? `HTTP ${facts.status}` : facts.type,
      });
      try {
        await sleep(delayMs, call.signal);
      } catch {
        throw new AbortedError(
          'aborted by the caller while waiting to retry',
          this.#context(operation, attemptNumber),
        );
      }
    }
  }

  /** The payload, or undefined for any shape `unwrap` does not expect (it must never throw a TypeError at the caller). */
  #unwrap<TData, TResult>(data: TData, spec: RunSpec<TData, TResult>): TResult | undefined {
    if (data === undefined || data === null) return undefined;
    try {
      return spec.unwrap?.(data);
    } catch (error) {
      if (error instanceof TenantkitError) throw error;
      return undefined;
    }
  }

  async #attempt<R extends FetchResult>(
    operation: OperationInfo,
    attempt: (init: AttemptInit) => Promise<R>,
    call: CallOptions,
    timeoutMs: number,
    attemptNumber: number,
    spec: Pick<RunSpec<never, unknown>, 'input' | 'unwrap' | 'bodyOptional'>,
  ): Promise<Outcome<R['data']>> {
    const userSignal = call.signal;
    if (userSignal?.aborted) {
      throw new AbortedError('aborted by the caller', this.#context(operation, attemptNumber));
    }
    let release: (() => void) | undefined;
    if (this.#throttle) {
      try {
        release = await this.#throttle.acquire(userSignal);
      } catch {
        throw new AbortedError(
          'aborted by the caller while queued',
          this.#context(operation, attemptNumber),
        );
      }
    }
    // The clock starts here, after any queueing, and is per attempt.
    const controller = new AbortController();
    const fetchInit: RequestInit = { signal: controller.signal, redirect: 'manual' };
    let stop: (reason: unknown) => void = noop;
    const onUserAbort = userSignal
      ? () => {
          controller.abort(userSignal.reason);
          stop(userSignal.reason);
        }
      : undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let response: Response | undefined;
    let sent = false;
    const startedAt = this.#logger ? performance.now() : 0;
    const fetchOnce: FetchLike = (request, init) => {
      sent = true;
      if (this.#logger) this.#logRequest(operation, request, spec.input, attemptNumber);
      return this.#fetch(request, init ? { ...init, ...fetchInit } : fetchInit).then((answer) => {
        response = answer;
        if (isRedirect(answer)) refuseRedirect(answer, request.url);
        return capBody(answer, this.#maxResponseBytes, tooLarge);
      });
    };
    try {
      const auth = this.#protocol.authHeaders ? await this.#protocol.authHeaders() : NO_HEADERS;
      const headers = call.headers
        ? callHeaders(this.#protocol.provider, operation, call.headers, auth)
        : auth;
      // The caller may have given up while the auth headers were being prepared.
      if (userSignal?.aborted) {
        throw new AbortedError('aborted by the caller', this.#context(operation, attemptNumber));
      }
      // Settles with the attempt, or at the deadline / the caller's abort, whichever comes first.
      const result = await new Promise<R>((resolve, reject) => {
        stop = reject;
        if (timeoutMs <= MAX_TIMER_MS) timer = setTimeout(onDeadline, timeoutMs, controller, stop);
        if (onUserAbort) userSignal?.addEventListener('abort', onUserAbort, { once: true });
        attempt(new Attempt(fetchOnce, headers, controller)).then(resolve, reject);
      });
      if (this.#logger) this.#logResponse(operation, result, startedAt);
      return this.#settle(result, spec.bodyOptional === true, spec.unwrap !== undefined);
    } catch (error) {
      if (controller.signal.aborted) {
        if (controller.signal.reason === TIMEOUT) {
          return {
            ok: false,
            facts: TIMED_OUT,
            build: (context) => new TimeoutError(context, timeoutMs),
          };
        }
        // A create already on the wire may have been processed: say so, as a timeout does.
        throw new AbortedError('aborted by the caller', {
          ...this.#context(operation, attemptNumber),
          outcomeUnknown: sent && operation.kind === 'create',
        });
      }
      if (error instanceof TenantkitError) throw error;
      if (!sent) throw this.#notBuilt(operation, error);
      const answered = response;
      if (error instanceof Refusal && answered) {
        return error.reason === 'redirect'
          ? this.#redirected(answered, error.locationOrigin)
          : {
              ok: false,
              facts: INVALID_RESPONSE,
              build: (context) => this.#tooLargeError(context, answered),
            };
      }
      if (error instanceof SyntaxError && answered) {
        // No cause: a JSON parser's message quotes the body it choked on.
        return this.#invalidResponse(answered, 'its body is not valid JSON');
      }
      return this.#connectionFailure(error);
    } finally {
      clearTimeout(timer);
      if (onUserAbort) userSignal?.removeEventListener('abort', onUserAbort);
      release?.();
    }
  }

  #settle(result: FetchResult, bodyOptional: boolean, expectsPayload: boolean): Outcome<unknown> {
    const { response } = result;
    if (response.ok) {
      const emptyOk = bodyOptional || (response.status === 204 && !expectsPayload);
      if (result.data === undefined && !emptyOk) {
        return this.#invalidResponse(response, 'its body is empty');
      }
      const inBody = this.#protocol.errorInSuccessBody?.(result.data);
      if (!inBody) return { ok: true, data: result.data };
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      return {
        ok: false,
        facts: { type: 'status', status: inBody.classifyAs, retryAfterMs },
        build: (context) =>
          new (apiErrorClassFor(inBody.classifyAs))(context, {
            ...this.#scrubbed(inBody),
            status: response.status,
            body: this.#safeBody(result.data),
            retryAfterMs,
          }),
      };
    }
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    return {
      ok: false,
      facts: { type: 'status', status: response.status, retryAfterMs },
      build: (context) => {
        const described = (this.#protocol.describeError ?? describeErrorBody)(result.error);
        // A time named in the body (a cool-off) only informs the error; retries follow the header.
        const hints = {
          retryAt: described.retryAt,
          retryAfterMs: retryAfterMs ?? described.retryAfterMs,
        };
        return new (apiErrorClassFor(response.status, described))(context, {
          ...this.#scrubbed({
            ...described,
            requestId: described.requestId ?? requestIdFrom(response.headers),
          }),
          status: response.status,
          body: this.#safeBody(result.error),
          ...hints,
        });
      },
    };
  }

  /** The provider's own words end up in the message: its text, a string code and a request id alike. */
  #scrubbed(described: ErrorDescription): ErrorDescription {
    const { code } = described;
    return {
      code: typeof code === 'string' ? this.#said(code, MAX_ID_CHARS) : code,
      codeName: described.codeName,
      providerMessage: this.#said(described.providerMessage, MAX_MESSAGE_CHARS),
      requestId: this.#said(described.requestId, MAX_ID_CHARS),
    };
  }

  /** Provider text fit for a message: scrubbed whole first (a secret may straddle any cut), then cut. */
  #said<T extends string | undefined>(text: T, max: number): T {
    return (text === undefined ? text : cut(this.redactor.text(text), max)) as T;
  }

  #invalidResponse(response: Response, problem: string): Failure {
    return {
      ok: false,
      facts: INVALID_RESPONSE,
      build: (context) =>
        new InvalidResponseError(context, {
          status: response.status,
          body: undefined,
          requestId: this.#said(requestIdFrom(response.headers), MAX_ID_CHARS),
          providerMessage: `the provider answered ${response.status} but ${problem} (${this.#said(
            response.headers.get('content-type') ?? 'no content type',
            MAX_ID_CHARS,
          )})`,
        }),
    };
  }

  #missingPayload(data: unknown, expects: string | undefined): Failure {
    return {
      ok: false,
      facts: INVALID_RESPONSE,
      build: (context) =>
        new InvalidResponseError(context, {
          status: 200,
          body: this.#safeBody(data),
          providerMessage: `the answer lacks ${expects ?? 'the expected payload'} (got ${
            Array.isArray(data) ? 'an array' : data === null ? 'null' : `a ${typeof data}`
          })`,
        }),
    };
  }

  #notFound(
    operation: OperationInfo,
    attempts: number,
    data: unknown,
    subject: string | undefined,
  ): NotFoundError {
    return new NotFoundError(this.#context(operation, attempts), {
      status: 404,
      body: this.#safeBody(data),
      providerMessage: `the answer does not hold ${subject ?? 'the record asked for'}`,
    });
  }

  /** A redirect is never followed: to the caller it is an error naming only where it pointed. */
  #redirected(response: Response, locationOrigin: string | undefined): Failure {
    const origin = this.#said(locationOrigin, MAX_ID_CHARS);
    const status = response.status;
    return {
      ok: false,
      facts: INVALID_RESPONSE,
      build: (context) =>
        new RedirectError(context, {
          status,
          locationOrigin: origin,
          requestId: this.#said(requestIdFrom(response.headers), MAX_ID_CHARS),
          providerMessage: `redirect to ${origin ?? 'an unnamed location'} not followed (check baseUrl)`,
        }),
    };
  }

  #tooLargeError(
    context: ErrorContext | RequestContext,
    response: Response,
  ): ResponseTooLargeError {
    const limitBytes = this.#maxResponseBytes;
    return new ResponseTooLargeError(context, {
      status: response.status,
      limitBytes,
      requestId: this.#said(requestIdFrom(response.headers), MAX_ID_CHARS),
      providerMessage: `answer larger than maxResponseBytes (${limitBytes}): not read, connection closed`,
    });
  }

  #connectionFailure(error: unknown): Failure {
    const code = connectionErrorCode(error);
    const neverSent = wasNeverSent(error);
    return {
      ok: false,
      facts: { type: 'connection', neverSent },
      build: (context) => {
        const reason = this.#said(
          error instanceof Error ? error.message : String(error),
          MAX_MESSAGE_CHARS,
        );
        const cause = this.redactor.error(error);
        return new ConnectionError(
          `connection failed${neverSent ? ' before the request was sent' : ''}: ${reason}${
            code ? ` (${code})` : ''
          }`,
          context,
          { cause },
        );
      },
    };
  }

  /** The request could not even be built or authenticated (a malformed base URL, say). */
  #notBuilt(operation: OperationInfo, error: unknown): ConfigurationError {
    const reason = this.#said(
      error instanceof Error ? error.message : String(error),
      MAX_MESSAGE_CHARS,
    );
    return new ConfigurationError(
      `${this.#protocol.provider}.${operation.id}: the request could not be prepared: ${reason}`,
      { cause: this.redactor.error(error) },
    );
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

  /** Scrubbed whole, then bounded (strings cut to 2,000 characters, at most 500 values). */
  #safeBody(body: unknown): unknown {
    return this.redactor.bounded(body);
  }

  #logRequest(operation: OperationInfo, request: Request, body: unknown, attempt: number): void {
    this.#logger?.debug('tenantkit request', {
      provider: this.#protocol.provider,
      operation: operation.id,
      attempt,
      method: request.method,
      url: this.redactor.url(request.url),
      headers: this.redactor.headers(request.headers),
      body: this.redactor.bounded(body),
    });
  }

  #logResponse(operation: OperationInfo, result: FetchResult, startedAt: number): void {
    this.#logger?.debug('tenantkit response', {
      provider: this.#protocol.provider,
      operation: operation.id,
      status: result.response.status,
      durationMs: Math.round(performance.now() - startedAt),
      headers: this.redactor.headers(result.response.headers),
      body: this.redactor.bounded(result.response.ok ? result.data : result.error),
    });
  }
}

function checkTimeout(provider: ProviderName, option: string, value: number): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw new ConfigurationError(
      `${provider}: \`${option}\` must be a positive number of milliseconds (or Infinity for none).`,
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

/** The per-call options, checked like any input: a clear error naming the option, never a TypeError later. */
function checkCallOptions(provider: ProviderName, operation: string, call: unknown): void {
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
function callHeaders(
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

/** A raw client call has no operation: its method and path stand in (never the query). */
function rawContext(provider: ProviderName, request: Request): RequestContext {
  const method = request.method.toUpperCase();
  const kinds: Record<string, OperationKind> = {
    POST: 'create',
    PUT: 'update',
    PATCH: 'update',
    DELETE: 'delete',
  };
  let path = '';
  try {
    path = new URL(request.url).pathname;
  } catch {}
  return { provider, operation: 'raw', method, path, kind: kinds[method] ?? 'read', attempts: 1 };
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
    // `[^<>]`, not `[^>]`: a run of `<` without `>` must not make every `<` scan to the end.
    const text = body
      .replace(/<[^<>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    // Not cut here: the runner scrubs the whole text, then cuts it.
    return { providerMessage: text || undefined };
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
