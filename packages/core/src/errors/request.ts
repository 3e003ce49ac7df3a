/**
 * Errors raised after a request was started that carry no provider answer: the base every such
 * error shares (what it knows about the call), and the network, timeout, abort and hook failures.
 */
import { type OperationKind, type ProviderName, TenantkitError } from './tenantkit-error.js';

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
  /**
   * For a `beforeRetry` hook: the provider's error of the attempt that failed (what the call would
   * have thrown without a retry), so a throwing hook never hides it. Undefined for the other hooks.
   */
  readonly providerError?: RequestError;

  constructor(
    hook: string,
    reason: string,
    context: RequestContext & { outcomeUnknown?: boolean },
    options?: { cause?: unknown; providerError?: RequestError },
  ) {
    super(`a ${hook} hook failed: ${reason}`, context, options && { cause: options.cause });
    this.hook = hook;
    if (options?.providerError) this.providerError = options.providerError;
  }
}
