import {
  AbortedError,
  type ApiErrorDetails,
  apiErrorClassFor,
  ConfigurationError,
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
  /** A 2xx without a body is a success too (the provider documents no body, or several shapes). */
  bodyOptional?: boolean;
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
const MAX_BODY_CHARS = 2_000;
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
    const call = spec.call ?? NO_CALL;
    const provider = this.#protocol.provider;
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
        if (!spec.unwrap) return data as unknown as TResult;
        const result = spec.unwrap(data);
        if (result !== undefined) return result;
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

  async #attempt<R extends FetchResult>(
    operation: OperationInfo,
    attempt: (init: AttemptInit) => Promise<R>,
    call: CallOptions,
    timeoutMs: number,
    attemptNumber: number,
    spec: RunSpec<never, unknown>,
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
    const fetchInit: RequestInit = { signal: controller.signal };
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
    const keep = (answer: Response) => {
      response = answer;
      return answer;
    };
    const fetchOnce: FetchLike = (request, init) => {
      sent = true;
      if (this.#logger) this.#logRequest(operation, request, spec.input, attemptNumber);
      return this.#fetch(request, init ? { ...init, ...fetchInit } : fetchInit).then(keep);
    };
    try {
      const auth = this.#protocol.authHeaders ? await this.#protocol.authHeaders() : NO_HEADERS;
      const headers = call.headers ? { ...call.headers, ...auth } : auth;
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
      return this.#settle(result, spec.bodyOptional === true);
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

  #settle(result: FetchResult, bodyOptional: boolean): Outcome<unknown> {
    const { response } = result;
    if (response.ok) {
      if (result.data === undefined && response.status !== 204 && !bodyOptional) {
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
    const text = (value: string | undefined) =>
      value === undefined ? undefined : this.redactor.text(value);
    return {
      code:
        typeof described.code === 'string' ? this.redactor.text(described.code) : described.code,
      codeName: described.codeName,
      providerMessage: text(described.providerMessage),
      requestId: text(described.requestId),
    };
  }

  #invalidResponse(response: Response, problem: string): Failure {
    return {
      ok: false,
      facts: INVALID_RESPONSE,
      build: (context) =>
        new InvalidResponseError(context, {
          status: response.status,
          body: undefined,
          requestId: requestIdFrom(response.headers),
          providerMessage: `the provider answered ${response.status} but ${problem} (${
            response.headers.get('content-type') ?? 'no content type'
          })`,
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
          providerMessage: `the provider's answer lacks ${expects ?? 'the expected payload'}`,
        }),
    };
  }

  #connectionFailure(error: unknown): Failure {
    const code = connectionErrorCode(error);
    const neverSent = wasNeverSent(error);
    return {
      ok: false,
      facts: { type: 'connection', neverSent },
      build: (context) => {
        const reason = this.redactor.text(error instanceof Error ? error.message : String(error));
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
    const reason = this.redactor.text(error instanceof Error ? error.message : String(error));
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
