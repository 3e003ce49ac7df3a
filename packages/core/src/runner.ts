/**
 * Runs a client's operations: throttling, timeout, cancellation, safe retries, typed errors,
 * redacted logs and hooks. A call goes through five stages, each in its own file, read top-down:
 *
 * 1. options  (`runner/options.ts`)  the client's and the call's options, checked, with defaults
 * 2. attempt  (`runner/attempt.ts`)  throttle slot, authentication, deadline and abort, send
 * 3. classify (`runner/classify.ts`) an answer becomes the payload, or a failure and its error
 * 4. retry    (`retry.ts`)           `shouldRetry`: the rules; `retryDelayMs`: the backoff
 * 5. logging  (`runner/logging.ts`, `runner/hooks.ts`) redacted records for the logger and hooks
 *
 * `run` below is the loop that ties them together.
 */
import {
  AbortedError,
  type OperationKind,
  type ProviderName,
  type RequestContext,
} from './errors.js';
import type { Redactor } from './redact.js';
import { capBody } from './response-guard.js';
import { retryDelayMs, shouldRetry } from './retry.js';
import { type AttemptTools, attemptOnce, type CallInProgress } from './runner/attempt.js';
import { Classifier, type Failure, type Outcome, requestContext } from './runner/classify.js';
import { abortable, callHooks } from './runner/hooks.js';
import { CallLog } from './runner/logging.js';
import {
  type CallOptions,
  type CoreOptions,
  callLimits,
  checkCallOptions,
  type FetchLike,
  type OperationInfo,
  type RunnerSettings,
  settingsFrom,
} from './runner/options.js';
import type { FetchResult, ProviderProtocol, RequestPlan, Send } from './runner/protocol.js';
import { sleep } from './throttle.js';

// The runner's public types, from the stage that defines each, so `./runner.js` is the one import.
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

const NO_CALL: CallOptions = Object.freeze({});

export class Runner {
  readonly redactor: Redactor;
  /** The most pages a list walk fetches (`paginate`'s `maxPages`). */
  readonly maxPages: number;
  readonly #provider: ProviderName;
  readonly #settings: RunnerSettings;
  readonly #tools: AttemptTools;
  readonly #rawFetch: FetchLike;

  constructor(protocol: ProviderProtocol, options: CoreOptions, redactor: Redactor) {
    const provider = protocol.provider;
    const settings = settingsFrom(provider, options);
    const classify = new Classifier(protocol, redactor, settings.maxResponseBytes);
    this.redactor = redactor;
    this.maxPages = settings.maxPages;
    this.#provider = provider;
    this.#settings = settings;
    this.#tools = {
      protocol,
      settings,
      classify,
      log: new CallLog(provider, redactor, settings.logger, settings.hooks),
    };
    this.#rawFetch = (request, init) =>
      settings
        .fetch(request, { ...init, redirect: 'manual' })
        .then((response) =>
          capBody(response, settings.maxResponseBytes, () =>
            classify.tooLarge(rawContext(provider, request), response),
          ),
        );
  }

  /**
   * The fetch every raw client call goes through: no retry, timeout or hooks, but never a
   * redirect followed (a 3xx comes back as it is) and no body read past `maxResponseBytes`.
   */
  get fetch(): FetchLike {
    return this.#rawFetch;
  }

  /** Sends `operation` with `send` (an openapi-fetch call), retrying as the rules allow. */
  async run<R extends FetchResult, TResult = Exclude<R['data'], undefined>>(
    operation: OperationInfo,
    send: Send<R>,
    plan: RequestPlan<Exclude<R['data'], undefined>, TResult> = {},
  ): Promise<TResult> {
    const call = plan.call ?? NO_CALL;
    checkCallOptions(this.#provider, operation.id, call);
    // Whatever is sent under a secret name (a password, a token) is scrubbed from now on.
    this.redactor.rememberSecretsIn(plan.input);
    const { timeoutMs, maxRetries } = callLimits(this.#provider, call, this.#settings);
    const progress: CallInProgress<R> = { operation, send, call, timeoutMs, input: plan.input };
    for (let attempt = 1; ; attempt++) {
      const answer = await attemptOnce(this.#tools, progress, attempt);
      const outcome = answer.ok ? this.#accept(answer.result, plan, operation, attempt) : answer;
      if (outcome.ok) return outcome.data;
      await this.#retryOrThrow(outcome, operation, attempt, maxRetries, call.signal);
    }
  }

  /** A full answer: classified, its secrets remembered, its payload taken out. */
  #accept<TData, TResult>(
    result: FetchResult,
    plan: RequestPlan<TData, TResult>,
    operation: OperationInfo,
    attempt: number,
  ): Outcome<TResult> {
    const { classify } = this.#tools;
    const classified = classify.answer(result, plan as RequestPlan<never, unknown>);
    if (!classified.ok) return classified;
    const data = classified.data as TData;
    // Whatever an answer holds under a secret name (a new key, a token) is scrubbed from now on.
    this.redactor.rememberSecretsIn(data);
    return classify.payload(data, plan, requestContext(this.#provider, operation, attempt));
  }

  /** Throws the failure's error unless the rules and the budget allow a retry; else waits for it. */
  async #retryOrThrow(
    failure: Failure,
    operation: OperationInfo,
    attempt: number,
    maxRetries: number,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const context = requestContext(this.#provider, operation, attempt);
    const decision = shouldRetry(operation.kind, failure.reason);
    if (!decision.retry || attempt > maxRetries) {
      throw failure.toError({ ...context, outcomeUnknown: decision.outcomeUnknown });
    }
    const { reason } = failure;
    const delayMs = retryDelayMs(
      attempt - 1,
      this.#settings.retry,
      reason.type === 'status' ? reason.retryAfterMs : undefined,
      reason.type === 'status' && reason.status === 429,
    );
    const { log, classify } = this.#tools;
    if (log.enabled) {
      // A retried create was provably not processed: its outcome is known.
      const known = { ...context, outcomeUnknown: false };
      const hooks = this.#settings.hooks?.beforeRetry;
      const event = log.retry(operation, attempt, delayMs, reason, () => failure.toError(known), {
        forHooks: Boolean(hooks?.length),
      });
      if (event && hooks) {
        const calling = callHooks(hooks, [event], (error) =>
          // The provider's error rides along: a hook that throws must not hide it.
          classify.hookFailed('beforeRetry', error, known, event.error),
        );
        await abortable(
          calling,
          signal,
          () => new AbortedError('aborted by the caller while waiting to retry', context),
        );
      }
    }
    try {
      await sleep(delayMs, signal);
    } catch {
      throw new AbortedError('aborted by the caller while waiting to retry', context);
    }
  }
}

/** A raw client call has no operation: its method and path stand in (never the query). */
function rawContext(provider: ProviderName, request: Request): RequestContext {
  const method = request.method.toUpperCase();
  // Stryker disable ObjectLiteral,StringLiteral: no error exposes a context's kind (kept for the type)
  const kinds: Record<string, OperationKind> = {
    POST: 'create',
    PUT: 'update',
    PATCH: 'update',
    DELETE: 'delete',
  };
  // Stryker restore ObjectLiteral,StringLiteral
  // Stryker disable next-line StringLiteral: a Request's URL is always absolute, so it always parses
  let path = '';
  try {
    path = new URL(request.url).pathname;
  } catch {}
  return {
    provider,
    operation: 'raw',
    method,
    path,
    // Stryker disable next-line LogicalOperator,StringLiteral: no error exposes a context's kind
    kind: kinds[method] ?? 'read',
    attempts: 1,
  };
}
