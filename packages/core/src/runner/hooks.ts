/**
 * Hooks: the user's own functions at three points of a call, in the order given (like ky's hook
 * arrays), for tracing, metrics or logging without wrapping `fetch`. What they are handed for
 * logging is redacted like the logger's records; only `beforeRequest`'s live `Request` is not.
 */
import { ConfigurationError, type ProviderName, type RequestError } from '../errors.js';

/** A request about to be sent. URL, headers and body are redacted: fit for logging as they are. */
export interface RequestEvent {
  provider: ProviderName;
  operation: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** What the call was given (request body or parameters), redacted and bounded. */
  body: unknown;
}

/** An answer, read in full. Headers and body are redacted. */
export interface ResponseEvent {
  provider: ProviderName;
  operation: string;
  attempt: number;
  status: number;
  durationMs: number;
  headers: Record<string, string>;
  body: unknown;
}

/** A failed attempt about to be retried after `delayMs`. */
export interface RetryEvent {
  provider: ProviderName;
  operation: string;
  /** The attempt that failed. */
  attempt: number;
  delayMs: number;
  /** `HTTP 503`, `timeout`, `connection`, … */
  reason: string;
  /** The error this attempt would have ended the call with (its texts already redacted). */
  error: RequestError;
}

/**
 * Called with the `Request` about to be sent: add a header (a trace id) here. That `Request`
 * carries the credentials: never log it or its headers, log `event` instead.
 */
export type BeforeRequestHook = (request: Request, event: RequestEvent) => void | Promise<void>;
export type AfterResponseHook = (event: ResponseEvent) => void | Promise<void>;
export type BeforeRetryHook = (event: RetryEvent) => void | Promise<void>;

/**
 * Each list is called in order and awaited. A hook that throws ends the call with a `HookError`
 * (never retried). Hooks run for the client's operations, not for its raw client.
 */
export interface Hooks {
  beforeRequest?: readonly BeforeRequestHook[];
  afterResponse?: readonly AfterResponseHook[];
  beforeRetry?: readonly BeforeRetryHook[];
}

export type HookName = keyof Hooks;

/** The hooks of a client, copied when it was created (a later push to the arrays changes nothing). */
export interface HookLists {
  beforeRequest: readonly BeforeRequestHook[];
  afterResponse: readonly AfterResponseHook[];
  beforeRetry: readonly BeforeRetryHook[];
}

const HOOK_NAMES: readonly HookName[] = ['beforeRequest', 'afterResponse', 'beforeRetry'];

/** The `hooks` option checked: an object of arrays of functions. Undefined when there are none. */
export function checkHooks(provider: ProviderName, hooks: unknown): HookLists | undefined {
  if (hooks === undefined) return undefined;
  const fail = (option: string, rule: string): never => {
    throw new ConfigurationError(`${provider}: \`${option}\` must be ${rule}.`);
  };
  if (typeof hooks !== 'object' || hooks === null || Array.isArray(hooks))
    fail('hooks', 'an object of hook arrays (beforeRequest, afterResponse, beforeRetry)');
  const given = hooks as Record<string, unknown>;
  for (const name of Object.keys(given)) {
    if (!HOOK_NAMES.includes(name as HookName))
      fail(`hooks.${name}`, `one of ${HOOK_NAMES.join(', ')} (unknown hook)`);
  }
  const lists = {} as Record<HookName, readonly unknown[]>;
  for (const name of HOOK_NAMES) {
    const list = given[name] ?? [];
    if (!Array.isArray(list)) fail(`hooks.${name}`, 'an array of functions');
    (list as unknown[]).forEach((hook, index) => {
      if (typeof hook !== 'function') fail(`hooks.${name}[${index}]`, 'a function');
    });
    lists[name] = Object.freeze([...(list as unknown[])]);
  }
  const found = lists as unknown as HookLists;
  return HOOK_NAMES.some((name) => found[name].length > 0) ? found : undefined;
}

/**
 * Calls each hook of one list in order, awaiting each. A hook's error becomes `failure(error)`:
 * the caller builds a redacted error from it (a hook may quote the credentials it was handed).
 */
export async function callHooks<A extends unknown[]>(
  hooks: readonly ((...args: A) => void | Promise<void>)[],
  args: A,
  failure: (error: unknown) => Error,
): Promise<void> {
  for (const hook of hooks) {
    try {
      await hook(...args);
    } catch (error) {
      throw failure(error);
    }
  }
}

/**
 * `work` (a hook list being awaited), ended by the caller's abort: a hook that never settles must
 * not keep a cancelled call waiting (the timeout covers only the send).
 */
export function abortable(
  work: Promise<void>,
  signal: AbortSignal | undefined,
  aborted: () => Error,
): Promise<void> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
