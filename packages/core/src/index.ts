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
  HookError,
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
  type FailureReason,
  parseRetryAfter,
  type RetryDecision,
  type RetryOptions,
  retryDelayMs,
  shouldRetry,
  wasNeverSent,
} from './retry.js';
export type {
  AfterResponseHook,
  BeforeRequestHook,
  BeforeRetryHook,
  HookName,
  Hooks,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
} from './runner/hooks.js';
export type {
  CallOptions,
  CoreOptions,
  FetchLike,
  Logger,
  OperationInfo,
} from './runner/options.js';
export {
  describeErrorBody,
  type ErrorDescription,
  type FetchResult,
  type ProviderProtocol,
  type RequestPlan,
  type Send,
  type SendInit,
} from './runner/protocol.js';
export { Runner } from './runner.js';
export { Secret } from './secret.js';
export { sleep, Throttle, type ThrottleOptions } from './throttle.js';
export { InputChecker } from './validation.js';
