/**
 * Stage 3 of a call: classify. An answer (or what went wrong getting one) becomes either the
 * payload or a `Failure`: the reason, which decides the retry, and how to build the one error the
 * caller sees, once, with the final attempt count and `outcomeUnknown`. Every provider text that
 * reaches an error is scrubbed whole, then cut.
 */
import {
  apiErrorClassFor,
  ConfigurationError,
  ConnectionError,
  HookError,
  InvalidResponseError,
  NotFoundError,
  type ProviderName,
  RedirectError,
  type RequestContext,
  type RequestError,
  ResponseTooLargeError,
  TenantkitError,
  TimeoutError,
} from '../errors.js';
import type { Redactor } from '../redact.js';
import { Refusal } from '../response-guard.js';
import {
  connectionErrorCode,
  type FailureReason,
  parseRetryAfter,
  wasNeverSent,
} from '../retry.js';
import type { HookName } from './hooks.js';
import type { OperationInfo } from './options.js';
import {
  describeErrorBody,
  type FetchResult,
  type ProviderProtocol,
  type RequestPlan,
  requestIdFrom,
} from './protocol.js';
import { ProviderText } from './provider-text.js';

export type ErrorContext = RequestContext & { outcomeUnknown: boolean };

/** A failed attempt: why (for the retry decision) and how to build the caller's error. */
export interface Failure {
  ok: false;
  reason: FailureReason;
  toError: (context: ErrorContext) => RequestError;
}
export type Outcome<T> = { ok: true; data: T } | Failure;

const TIMED_OUT: FailureReason = Object.freeze({ type: 'timeout' });
const INVALID_RESPONSE: FailureReason = Object.freeze({ type: 'invalid-response' });

export function requestContext(
  provider: ProviderName,
  operation: OperationInfo,
  attempts: number,
): RequestContext {
  return {
    provider,
    operation: operation.id,
    method: operation.method.toUpperCase(),
    path: operation.path,
    kind: operation.kind,
    attempts,
  };
}

export class Classifier {
  readonly #protocol: ProviderProtocol;
  readonly #redactor: Redactor;
  readonly #text: ProviderText;
  readonly #maxResponseBytes: number;

  constructor(protocol: ProviderProtocol, redactor: Redactor, maxResponseBytes: number) {
    this.#protocol = protocol;
    this.#redactor = redactor;
    this.#text = new ProviderText(redactor);
    this.#maxResponseBytes = maxResponseBytes;
  }

  /** An answer read in full: its data, or the failure its status (or its body) says. */
  answer(result: FetchResult, plan: RequestPlan<never, unknown>): Outcome<unknown> {
    const { response } = result;
    if (response.ok) {
      const emptyOk = plan.bodyOptional === true || (response.status === 204 && !plan.unwrap);
      if (result.data === undefined && !emptyOk) {
        return this.#invalidResponse(response, 'its body is empty');
      }
      const inBody = this.#protocol.errorInSuccessBody?.(result.data);
      if (!inBody) return { ok: true, data: result.data };
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      return {
        ok: false,
        reason: { type: 'status', status: inBody.classifyAs, retryAfterMs },
        toError: (context) =>
          new (apiErrorClassFor(inBody.classifyAs))(context, {
            ...this.#text.description(inBody),
            status: response.status,
            body: this.safeBody(result.data),
            retryAfterMs,
          }),
      };
    }
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    return {
      ok: false,
      reason: { type: 'status', status: response.status, retryAfterMs },
      toError: (context) => {
        const described = (this.#protocol.describeError ?? describeErrorBody)(result.error);
        // A time named in the body (a cool-off) only informs the error; retries follow the header.
        const hints = {
          retryAt: described.retryAt,
          retryAfterMs: retryAfterMs ?? described.retryAfterMs,
        };
        return new (apiErrorClassFor(response.status, described))(context, {
          ...this.#text.description({
            ...described,
            requestId:
              described.requestId ??
              requestIdFrom(response.headers, this.#protocol.requestIdHeaders),
          }),
          status: response.status,
          body: this.safeBody(result.error),
          ...hints,
        });
      },
    };
  }

  /**
   * The payload the plan asks for, out of a successful answer's data: `unwrap`ped, and for a read
   * by id the record asked for (else a `NotFoundError`, thrown at once: never retried).
   */
  payload<TData, TResult>(
    data: TData,
    plan: RequestPlan<TData, TResult>,
    context: RequestContext,
  ): Outcome<TResult> {
    if (!plan.unwrap || (data === undefined && plan.bodyOptional))
      return { ok: true, data: data as unknown as TResult };
    const result = this.#unwrap(data, plan.unwrap);
    if (result === undefined) return this.#missingPayload(data, plan.expects);
    if (!plan.found || plan.found(result)) return { ok: true, data: result };
    throw new NotFoundError(context, {
      status: 404,
      body: this.safeBody(data),
      providerMessage: `the answer does not hold ${plan.subject ?? 'the record asked for'}`,
    });
  }

  /** What an attempt threw once the request was out: a refused or unreadable answer, or the network. */
  thrown(error: unknown, response: Response | undefined): Failure {
    if (error instanceof Refusal && response) {
      return error.reason === 'redirect'
        ? this.#redirected(response, error.locationOrigin)
        : {
            ok: false,
            reason: INVALID_RESPONSE,
            toError: (context) => this.tooLarge(context, response),
          };
    }
    if (error instanceof SyntaxError && response) {
      // No cause: a JSON parser's message quotes the body it choked on.
      return this.#invalidResponse(response, 'its body is not valid JSON');
    }
    return this.#connectionFailure(error);
  }

  timedOut(timeoutMs: number): Failure {
    return {
      ok: false,
      reason: TIMED_OUT,
      toError: (context) => new TimeoutError(context, timeoutMs),
    };
  }

  tooLarge(context: RequestContext, response: Response): ResponseTooLargeError {
    const limitBytes = this.#maxResponseBytes;
    return new ResponseTooLargeError(context, {
      status: response.status,
      limitBytes,
      requestId: this.#text.short(requestIdFrom(response.headers, this.#protocol.requestIdHeaders)),
      providerMessage: `answer larger than maxResponseBytes (${limitBytes}): not read, connection closed`,
    });
  }

  /** The request could not even be built or authenticated (a malformed base URL, say). */
  notBuilt(operation: OperationInfo, error: unknown): ConfigurationError {
    return new ConfigurationError(
      `${this.#protocol.provider}.${operation.id}: the request could not be prepared: ${this.#text.reason(error)}`,
      { cause: this.#redactor.error(error) },
    );
  }

  /** A user's hook threw: what it said is scrubbed (it was handed a Request with credentials). */
  hookFailed(
    hook: HookName,
    error: unknown,
    context: ErrorContext,
    providerError?: RequestError,
  ): HookError {
    return new HookError(hook, this.#text.reason(error), context, {
      cause: this.#redactor.error(error),
      providerError,
    });
  }

  /** Scrubbed whole, then bounded (strings cut to 2,000 characters, at most 500 values). */
  safeBody(body: unknown): unknown {
    return this.#redactor.bounded(body);
  }

  /** The payload, or undefined for any shape `unwrap` does not expect (it must never throw a TypeError at the caller). */
  #unwrap<TData, TResult>(
    data: TData,
    unwrap: (data: TData) => TResult | undefined,
  ): TResult | undefined {
    if (data === undefined || data === null) return undefined;
    try {
      return unwrap(data);
    } catch (error) {
      if (error instanceof TenantkitError) throw error;
      return undefined;
    }
  }

  #invalidResponse(response: Response, problem: string): Failure {
    return {
      ok: false,
      reason: INVALID_RESPONSE,
      toError: (context) =>
        new InvalidResponseError(context, {
          status: response.status,
          body: undefined,
          requestId: this.#text.short(
            requestIdFrom(response.headers, this.#protocol.requestIdHeaders),
          ),
          providerMessage: `the provider answered ${response.status} but ${problem} (${this.#text.short(response.headers.get('content-type') ?? 'no content type')})`,
        }),
    };
  }

  #missingPayload(data: unknown, expects: string | undefined): Failure {
    return {
      ok: false,
      reason: INVALID_RESPONSE,
      toError: (context) =>
        new InvalidResponseError(context, {
          status: 200,
          body: this.safeBody(data),
          providerMessage: `the answer lacks ${expects ?? 'the expected payload'} (got ${
            Array.isArray(data) ? 'an array' : data === null ? 'null' : withArticle(typeof data)
          })`,
        }),
    };
  }

  /** A redirect is never followed: to the caller it is an error naming only where it pointed. */
  #redirected(response: Response, locationOrigin: string | undefined): Failure {
    const origin = this.#text.short(locationOrigin);
    const status = response.status;
    return {
      ok: false,
      reason: INVALID_RESPONSE,
      toError: (context) =>
        new RedirectError(context, {
          status,
          locationOrigin: origin,
          requestId: this.#text.short(
            requestIdFrom(response.headers, this.#protocol.requestIdHeaders),
          ),
          providerMessage: `redirect to ${origin ?? 'an unnamed location'} not followed (check baseUrl)`,
        }),
    };
  }

  #connectionFailure(error: unknown): Failure {
    const code = connectionErrorCode(error);
    const neverSent = wasNeverSent(error);
    return {
      ok: false,
      reason: { type: 'connection', neverSent },
      toError: (context) =>
        new ConnectionError(
          `connection failed${neverSent ? ' before the request was sent' : ''}: ${this.#text.reason(
            error,
          )}${code ? ` (${code})` : ''}`,
          context,
          { cause: this.#redactor.error(error) },
        ),
    };
  }
}

/** `an object`, `a string`: what the answer held, for an error message. */
function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
