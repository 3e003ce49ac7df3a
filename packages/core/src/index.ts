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
export { type AnswerSpec, type MethodSpec, operationMethod } from './method.js';
export {
  nextOffset,
  nextOffsetWithTotal,
  nextPageNumber,
  type PageWalk,
  paginate,
  reportedPageSize,
} from './paging.js';
export {
  ALL_UNIFIED_OPERATIONS,
  type CapabilityRow,
  type CredentialSetting,
  defineProvider,
  extraSupport,
  type FeatureSupport,
  type FieldSupport,
  INPUT_FIELDS,
  type InputField,
  type MockKit,
  onCreateAndUpdate,
  type ProviderConfiguration,
  type ProviderDefinition,
  type ProviderSpecInfo,
  UNIFIED_OPERATIONS,
  type UnifiedOperation,
} from './provider.js';
export {
  createProviderClient,
  type OpenApiClientOptions,
  type ProviderClientParts,
  type ProviderClientSetup,
} from './provider-client.js';
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
