/** Which `ApiError` subclass an HTTP status (and a 409's cool-off hints) calls for. */
import {
  ApiError,
  type ApiErrorDetails,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  UnprocessableEntityError,
} from './api.js';
import { CoolOffError, coolOffTimes } from './cool-off.js';
import type { RequestContext } from './request.js';

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
