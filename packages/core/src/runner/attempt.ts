/**
 * Stage 2 of a call: one attempt. Wait for a throttle slot, authenticate, start the clock, send
 * (never following a redirect, never reading past the size limit), and hand back the answer read
 * in full, or the failure that ended the attempt. The caller's abort ends it at once.
 */
import { AbortedError, TenantkitError } from '../errors.js';
import { capBody, isRedirect, Refusal, refuseRedirect } from '../response-guard.js';
import type { Classifier, Failure } from './classify.js';
import { requestContext } from './classify.js';
import { TIMEOUT, withDeadline } from './deadline.js';
import { abortable, callHooks } from './hooks.js';
import type { CallLog } from './logging.js';
import {
  type CallOptions,
  callHeaders,
  type FetchLike,
  type OperationInfo,
  type RunnerSettings,
} from './options.js';
import type { FetchResult, ProviderProtocol, Send, SendInit } from './protocol.js';

/** What every attempt of a client shares, fixed when the client is made. */
export interface AttemptTools {
  protocol: ProviderProtocol;
  settings: RunnerSettings;
  classify: Classifier;
  log: CallLog;
}

/** One call, as its attempts see it. */
export interface CallInProgress<R extends FetchResult> {
  operation: OperationInfo;
  send: Send<R>;
  call: CallOptions;
  timeoutMs: number;
  /** What the call was given, for the log and hooks. */
  input: unknown;
}

export type Answer<R> = { ok: true; result: R } | Failure;

const NO_HEADERS: Record<string, string> = Object.freeze({}) as Record<string, string>;
// Stryker disable next-line StringLiteral: a Refusal's reason is only ever compared with 'redirect'
const tooLarge = () => new Refusal('too-large');

/**
 * The init each send gets. `signal` is a getter on the prototype, so the `{ ...init }` a client
 * hands to openapi-fetch leaves it out: openapi-fetch would put it on the Request it builds, and
 * undici's Request follows a signal with a listener, a WeakRef and a FinalizationRegistry entry,
 * the costliest part of a call. The attempt gives the signal to `fetch` itself instead (as
 * `init.signal`, which the global fetch honours), and races the deadline so a custom fetch that
 * ignores `init` still ends on time.
 */
class PrivateSignalInit implements SendInit {
  readonly fetch: FetchLike;
  readonly headers: Record<string, string>;
  readonly #controller: AbortController;

  constructor(fetch: FetchLike, headers: Record<string, string>, controller: AbortController) {
    this.fetch = fetch;
    this.headers = headers;
    this.#controller = controller;
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }
}

export async function attemptOnce<R extends FetchResult>(
  tools: AttemptTools,
  progress: CallInProgress<R>,
  attempt: number,
): Promise<Answer<R>> {
  const { protocol, settings, classify, log } = tools;
  const { operation, call, timeoutMs } = progress;
  const { hooks } = settings;
  const context = () => requestContext(protocol.provider, operation, attempt);
  const callerSignal = call.signal;
  if (callerSignal?.aborted) throw new AbortedError('aborted by the caller', context());
  let release: (() => void) | undefined;
  if (settings.throttle) {
    try {
      release = await settings.throttle.acquire(callerSignal);
    } catch {
      throw new AbortedError('aborted by the caller while queued', context());
    }
  }
  // The clock starts here, after any queueing, and is per attempt.
  const controller = new AbortController();
  const fetchInit: RequestInit = { signal: controller.signal, redirect: 'manual' };
  let response: Response | undefined;
  let sent = false;
  const startedAt = log.now();
  const fetchOnce = (request: Request, init?: RequestInit): Promise<Response> => {
    const go = () =>
      settings.fetch(request, init ? { ...init, ...fetchInit } : fetchInit).then((answer) => {
        response = answer;
        if (isRedirect(answer)) refuseRedirect(answer, request.url);
        return capBody(answer, settings.maxResponseBytes, tooLarge);
      });
    sent = true;
    if (!log.enabled) return go();
    const event = log.request(operation, attempt, request, progress.input);
    if (!hooks?.beforeRequest.length) return go();
    return callHooks(hooks.beforeRequest, [request, event], (error) =>
      classify.hookFailed('beforeRequest', error, { ...context(), outcomeUnknown: false }),
    ).then(go);
  };
  try {
    const auth = protocol.authHeaders ? await protocol.authHeaders() : NO_HEADERS;
    const headers = call.headers
      ? callHeaders(protocol.provider, operation, call.headers, auth)
      : auth;
    // The caller may have given up while the auth headers were being prepared.
    if (callerSignal?.aborted) throw new AbortedError('aborted by the caller', context());
    const result = await withDeadline(
      () => progress.send(new PrivateSignalInit(fetchOnce, headers, controller)),
      controller,
      timeoutMs,
      callerSignal,
    );
    if (log.enabled) {
      const event = log.response(operation, attempt, result, startedAt);
      if (hooks?.afterResponse.length) {
        // The request was answered: a create may exist now, whatever the hook says.
        const outcomeUnknown = operation.kind === 'create';
        const calling = callHooks(hooks.afterResponse, [event], (error) =>
          classify.hookFailed('afterResponse', error, { ...context(), outcomeUnknown }),
        );
        await abortable(
          calling,
          callerSignal,
          () => new AbortedError('aborted by the caller', { ...context(), outcomeUnknown }),
        );
      }
    }
    return { ok: true, result };
  } catch (error) {
    if (controller.signal.aborted) {
      if (controller.signal.reason === TIMEOUT) return classify.timedOut(timeoutMs);
      // A create already on the wire may have been processed: say so, as a timeout does.
      throw new AbortedError('aborted by the caller', {
        ...context(),
        outcomeUnknown: sent && operation.kind === 'create',
      });
    }
    if (error instanceof TenantkitError) throw error;
    if (!sent) throw classify.notBuilt(operation, error);
    return classify.thrown(error, response);
  } finally {
    release?.();
  }
}
