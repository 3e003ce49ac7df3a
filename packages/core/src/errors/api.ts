/** The provider answered with an error: `ApiError` and one subclass per status it has a name for. */
import { type RequestContext, RequestError } from './request.js';

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
