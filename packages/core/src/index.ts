export {
  defineClientInspection,
  isRecord,
  isUnsafePathSegment,
  recordsOf,
  requireCredential,
} from './client.js';
export {
  AbortedError,
  ApiError,
  type ApiErrorDetails,
  AuthenticationError,
  apiErrorClassFor,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  CoolOffError,
  InvalidResponseError,
  NotFoundError,
  type OperationKind,
  PagingError,
  PermissionDeniedError,
  type ProviderName,
  RateLimitError,
  RedirectError,
  type RequestContext,
  RequestError,
  ResponseTooLargeError,
  ServerError,
  TenantkitError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
} from './errors.js';
export {
  nextOffset,
  nextOffsetWithTotal,
  nextPageNumber,
  type PageWalk,
  paginate,
} from './paging.js';
export { baseRedactor, isSecretKey, REDACTED, Redactor } from './redact.js';
export { DEFAULT_MAX_RESPONSE_BYTES } from './response-guard.js';
export {
  connectionErrorCode,
  DEFAULT_RETRY,
  type FailureFacts,
  type FailureVerdict,
  factsOf,
  judge,
  judgeFailure,
  parseRetryAfter,
  type RetryOptions,
  retryDelayMs,
  wasNeverSent,
} from './retry.js';
export {
  type AttemptInit,
  type CallOptions,
  type CoreOptions,
  describeErrorBody,
  type ErrorDescription,
  type FetchLike,
  type FetchResult,
  type Logger,
  type OperationInfo,
  type ProviderProtocol,
  Runner,
  type RunSpec,
} from './runner.js';
export { Secret } from './secret.js';
export { sleep, Throttle, type ThrottleOptions } from './throttle.js';
export { InputChecker } from './validation.js';
