/**
 * One error hierarchy for every tenantkit client, one file per family under `errors/`: the root
 * and its cross-copy `instanceof`, errors raised on our side, request errors, provider answers,
 * the cool-off conflict, and the status → class choice.
 */
export {
  ApiError,
  type ApiErrorDetails,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  ResponseTooLargeError,
  ServerError,
  UnprocessableEntityError,
} from './errors/api.js';
export { CoolOffError } from './errors/cool-off.js';
export { ConfigurationError, PagingError, ValidationError } from './errors/local.js';
export {
  AbortedError,
  ConnectionError,
  HookError,
  type RequestContext,
  RequestError,
  TimeoutError,
} from './errors/request.js';
export { apiErrorClassFor } from './errors/status.js';
export { type OperationKind, type ProviderName, TenantkitError } from './errors/tenantkit-error.js';
