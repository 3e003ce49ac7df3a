/**
 * One error hierarchy for every tenantkit client. `instanceof` works across packages and across
 * duplicate copies of this module (ESM + CJS, two versions): classes match on a global brand,
 * not on object identity.
 */
const BRANDS = Symbol.for('@tenantkit/core:error-brands');

export type ProviderName = 'synthflow' | 'vobiz' | 'voximplant' | (string & {});
export type OperationKind = 'create' | 'read' | 'update' | 'delete';

export class TenantkitError extends Error {
  static readonly brand: string = 'TenantkitError';

  /** `this` is the class `instanceof` asks about (usually a subclass), hence biome.json's override. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    const brands = (value as { [BRANDS]?: ReadonlySet<string> })[BRANDS];
    return brands
      ? brands.has(this.brand)
      : Function.prototype[Symbol.hasInstance].call(this, value);
  }

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    const brands = new Set<string>();
    for (
      let ctor: unknown = new.target;
      // Stryker disable next-line ConditionalExpression: either test alone ends the walk, no brand missed (Error, Function.prototype own none); a `false` walk is also caught by the brand tests
      typeof ctor === 'function' && ctor !== Error;
      ctor = Object.getPrototypeOf(ctor)
    ) {
      // Stryker disable next-line ConditionalExpression: adding an inherited brand again changes nothing (a Set)
      if (Object.hasOwn(ctor, 'brand')) brands.add((ctor as typeof TenantkitError).brand);
    }
    Object.defineProperty(this, BRANDS, { value: brands });
    Object.defineProperty(this, 'name', {
      value: new.target.name,
      enumerable: false,
      configurable: true,
    });
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) out[key] = value;
    return out;
  }
}

/** The client was configured wrongly (missing credentials, unparseable key, bad option). */
export class ConfigurationError extends TenantkitError {
  static override readonly brand: string = 'ConfigurationError';
}

/** Input rejected on our side before anything was sent. */
export class ValidationError extends TenantkitError {
  static override readonly brand: string = 'ValidationError';
  readonly provider: ProviderName;
  readonly operation: string;
  /** Path of the offending field, e.g. `products.phone_numbers[0].number`. */
  readonly field: string;
  /** Short rule name, e.g. `non-blank`, `e164`, `unique-items`. */
  readonly rule: string;

  constructor(details: {
    provider: ProviderName;
    operation: string;
    field: string;
    rule: string;
    message: string;
  }) {
    super(
      `${details.provider}.${details.operation}: ${details.field} ${details.message} (rule: ${details.rule})`,
    );
    this.provider = details.provider;
    this.operation = details.operation;
    this.field = details.field;
    this.rule = details.rule;
  }
}

/** What every error raised while talking to a provider knows about the call. */
export interface RequestContext {
  provider: ProviderName;
  operation: string;
  method: string;
  /** Path template, never the filled URL (which may carry secrets in its query). */
  path: string;
  kind: OperationKind;
  /** How many HTTP attempts were made. */
  attempts: number;
}

const UNKNOWN_OUTCOME =
  'The create may or may not have been processed; it was not retried automatically. Check (get or list) before trying again.';

/** Base of the errors raised after a request was started. */
export class RequestError extends TenantkitError {
  static override readonly brand: string = 'RequestError';
  readonly provider: ProviderName;
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  /** True when a create may have been processed although it failed: the SDK did not retry it. */
  readonly outcomeUnknown: boolean;

  constructor(
    message: string,
    context: RequestContext & { outcomeUnknown?: boolean },
    options?: { cause?: unknown },
  ) {
    const outcomeUnknown = context.outcomeUnknown ?? false;
    super(
      `${context.provider}.${context.operation} (${context.method} ${context.path}): ${message}${outcomeUnknown ? ` ${UNKNOWN_OUTCOME}` : ''}`,
      options,
    );
    this.provider = context.provider;
    this.operation = context.operation;
    this.method = context.method;
    this.path = context.path;
    this.attempts = context.attempts;
    this.outcomeUnknown = outcomeUnknown;
  }
}

export interface ApiErrorDetails {
  status: number;
  /** Provider error code (Vobiz `error.code`, Voximplant numeric code, Synthflow `error`). */
  code?: string | number | undefined;
  /** Symbolic name of the code where known (Voximplant `AUTHORIZATION_FAILED`). */
  codeName?: string | undefined;
  requestId?: string | undefined;
  /** Parsed response body, with secret fields redacted. */
  body: unknown;
  /** The provider's own message, redacted. */
  providerMessage?: string | undefined;
  retryAfterMs?: number | undefined;
  /** When the provider says the call will be allowed again (read from its error body). */
  retryAt?: Date | undefined;
}

/** The provider answered with an error (an HTTP error status, or an error inside a 200 body). */
export class ApiError extends RequestError {
  static override readonly brand: string = 'ApiError';
  readonly status: number;
  readonly code: string | number | undefined;
  readonly codeName: string | undefined;
  readonly requestId: string | undefined;
  readonly body: unknown;

  constructor(context: RequestContext & { outcomeUnknown?: boolean }, details: ApiErrorDetails) {
    const code =
      details.code === undefined
        ? ''
        : ` ${details.code}${details.codeName ? ` ${details.codeName}` : ''}`;
    const said = details.providerMessage ? `: ${details.providerMessage}` : '';
    super(`HTTP ${details.status}${code}${said}`, context);
    this.status = details.status;
    this.code = details.code;
    this.codeName = details.codeName;
    this.requestId = details.requestId;
    this.body = details.body;
  }
}

export class BadRequestError extends ApiError {
  static override readonly brand: string = 'BadRequestError';
}
export class AuthenticationError extends ApiError {
  static override readonly brand: string = 'AuthenticationError';
}
export class PermissionDeniedError extends ApiError {
  static override readonly brand: string = 'PermissionDeniedError';
}
export class NotFoundError extends ApiError {
  static override readonly brand: string = 'NotFoundError';
}
export class ConflictError extends ApiError {
  static override readonly brand: string = 'ConflictError';
}
/**
 * The moment and the wait a provider named, each derived from the other when only one came. The
 * provider's numbers are untrusted: a time a `Date` cannot hold (beyond ±8.64e15 ms, `Infinity`,
 * NaN) or a negative wait is left out rather than thrown on (`toISOString` throws a RangeError).
 */
function coolOffTimes(
  hints: Pick<ApiErrorDetails, 'retryAt' | 'retryAfterMs'> | undefined,
  now: number,
): { retryAt: Date | undefined; retryAfterMs: number | undefined } {
  const given = realMoment(hints?.retryAt);
  const wait =
    typeof hints?.retryAfterMs === 'number' &&
    Number.isFinite(hints.retryAfterMs) &&
    hints.retryAfterMs >= 0
      ? hints.retryAfterMs
      : undefined;
  // Stryker disable next-line ConditionalExpression: a Date of now + undefined is invalid, which realMoment drops too
  const retryAt = given ?? (wait === undefined ? undefined : realMoment(new Date(now + wait)));
  const retryAfterMs =
    wait ?? (retryAt === undefined ? undefined : Math.max(0, retryAt.getTime() - now));
  return { retryAt, retryAfterMs };
}

function realMoment(value: Date | undefined): Date | undefined {
  return value instanceof Date && Number.isFinite(value.getTime()) ? value : undefined;
}

/**
 * A 409 that says when the change will be allowed (a Vobiz number inside its 15-day cool-off, say).
 * Never retried automatically: the wait is days, not seconds. `retryAt` / `retryAfterMs` say when.
 */
export class CoolOffError extends ConflictError {
  static override readonly brand: string = 'CoolOffError';
  /** When the provider will allow the call again. */
  readonly retryAt: Date | undefined;
  /** How long that was from the answer, in ms. */
  readonly retryAfterMs: number | undefined;

  constructor(context: RequestContext & { outcomeUnknown?: boolean }, details: ApiErrorDetails) {
    const { retryAt, retryAfterMs } = coolOffTimes(details, Date.now());
    const when = retryAt ? `allowed again after ${retryAt.toISOString()}` : undefined;
    super(context, {
      ...details,
      providerMessage: [details.providerMessage, when].filter(Boolean).join('; ') || undefined,
    });
    this.retryAt = retryAt;
    this.retryAfterMs = retryAfterMs;
  }
}

export class UnprocessableEntityError extends ApiError {
  static override readonly brand: string = 'UnprocessableEntityError';
}
export class RateLimitError extends ApiError {
  static override readonly brand: string = 'RateLimitError';
  /** How long the provider asked us to wait (parsed `Retry-After`), if it said. */
  readonly retryAfterMs: number | undefined;

  constructor(context: RequestContext & { outcomeUnknown?: boolean }, details: ApiErrorDetails) {
    super(context, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}
export class ServerError extends ApiError {
  static override readonly brand: string = 'ServerError';
  /** Parsed `Retry-After`, if the provider sent one (a 503 with it proves a create was not processed). */
  readonly retryAfterMs: number | undefined;

  constructor(context: RequestContext & { outcomeUnknown?: boolean }, details: ApiErrorDetails) {
    super(context, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}
/** A success status whose body is not what the API promises (HTML, malformed JSON, empty). */
export class InvalidResponseError extends ApiError {
  static override readonly brand: string = 'InvalidResponseError';
}

/**
 * The provider answered with a response the client refuses to read whole: larger than
 * `maxResponseBytes`. The body was not read past the limit and its connection was closed.
 */
export class ResponseTooLargeError extends InvalidResponseError {
  static override readonly brand: string = 'ResponseTooLargeError';
  readonly limitBytes: number;

  constructor(
    context: RequestContext & { outcomeUnknown?: boolean },
    details: Omit<ApiErrorDetails, 'body'> & { limitBytes: number },
  ) {
    super(context, { ...details, body: undefined });
    this.limitBytes = details.limitBytes;
  }
}

/**
 * The provider answered with a redirect (3xx). tenantkit never follows one: the credentials and
 * the body of the request would go to wherever it points. Only the target's origin is kept.
 */
export class RedirectError extends ApiError {
  static override readonly brand: string = 'RedirectError';
  /** Scheme, host and port of the `Location` (never its path or query); undefined if none or unreadable. */
  readonly locationOrigin: string | undefined;

  constructor(
    context: RequestContext & { outcomeUnknown?: boolean },
    details: Omit<ApiErrorDetails, 'body'> & { locationOrigin: string | undefined },
  ) {
    super(context, { ...details, body: undefined });
    this.locationOrigin = details.locationOrigin;
  }
}

/**
 * A list walk stopped: the provider repeated itself, the page cap (`maxPages`) was reached, or its
 * link to the next page pointed away from the client's base URL (another origin or resource).
 */
export class PagingError extends TenantkitError {
  static override readonly brand: string = 'PagingError';
  readonly provider: ProviderName;
  readonly operation: string;
  /** Pages fetched before the walk stopped. */
  readonly pages: number;
  readonly reason: 'repeated-page' | 'cursor-not-advancing' | 'page-cap' | 'cursor-elsewhere';

  constructor(details: {
    provider: ProviderName;
    operation: string;
    pages: number;
    reason: PagingError['reason'];
    message: string;
  }) {
    super(`${details.provider}.${details.operation}: ${details.message}`);
    this.provider = details.provider;
    this.operation = details.operation;
    this.pages = details.pages;
    this.reason = details.reason;
  }
}

/** The request could not be completed at the network level (refused, reset, DNS). */
export class ConnectionError extends RequestError {
  static override readonly brand: string = 'ConnectionError';
}
/** No answer within the per-request timeout. */
export class TimeoutError extends RequestError {
  static override readonly brand: string = 'TimeoutError';
  readonly timeoutMs: number;

  constructor(context: RequestContext & { outcomeUnknown?: boolean }, timeoutMs: number) {
    super(`no response within ${timeoutMs} ms`, context);
    this.timeoutMs = timeoutMs;
  }
}
/** The caller's AbortSignal fired. */
export class AbortedError extends RequestError {
  static override readonly brand: string = 'AbortedError';
}
/**
 * A function given in the `hooks` option threw. Its message is scrubbed of secrets and `cause` is a
 * scrubbed copy of what it threw. After a create was sent, `outcomeUnknown` is true.
 */
export class HookError extends RequestError {
  static override readonly brand: string = 'HookError';
  /** The hook list the failing function was in: `beforeRequest`, `afterResponse` or `beforeRetry`. */
  readonly hook: string;

  constructor(
    hook: string,
    reason: string,
    context: RequestContext & { outcomeUnknown?: boolean },
    options?: { cause?: unknown },
  ) {
    super(`a ${hook} hook failed: ${reason}`, context, options);
    this.hook = hook;
  }
}

type ApiErrorClass = new (
  context: RequestContext & { outcomeUnknown?: boolean },
  details: ApiErrorDetails,
) => ApiError;

/**
 * The subclass for an HTTP status; `ApiError` itself for statuses without a dedicated class. A 409
 * whose body says when it will be allowed (`retryAt` / `retryAfterMs`) is a `CoolOffError`.
 */
export function apiErrorClassFor(
  status: number,
  hints?: Pick<ApiErrorDetails, 'retryAt' | 'retryAfterMs'>,
): ApiErrorClass {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return coolOffTimes(hints, Date.now()).retryAfterMs !== undefined
        ? CoolOffError
        : ConflictError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 ? ServerError : ApiError;
  }
}
