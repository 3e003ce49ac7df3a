/**
 * The deadline of one attempt: its work settles, or the timeout passes, or the caller aborts,
 * whichever comes first. The attempt's controller is aborted in the last two cases, so a fetch that
 * honours its signal is cancelled on the wire; the race ends on time even for one that does not.
 */

/** The abort reason of a deadline, told apart from the caller's own reasons. */
export const TIMEOUT = Symbol('tenantkit.timeout');

/** setTimeout fires at once for delays above this (2^31 - 1 ms, ~24.8 days): no timer then. */
const MAX_TIMER_MS = 2_147_483_647;

function onDeadline(controller: AbortController, stop: (reason: unknown) => void): void {
  controller.abort(TIMEOUT);
  stop(TIMEOUT);
}

export async function withDeadline<T>(
  work: () => Promise<T>,
  controller: AbortController,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onCallerAbort: (() => void) | undefined;
  try {
    return await new Promise<T>((resolve, reject) => {
      if (timeoutMs <= MAX_TIMER_MS) timer = setTimeout(onDeadline, timeoutMs, controller, reject);
      if (callerSignal) {
        onCallerAbort = () => {
          controller.abort(callerSignal.reason);
          reject(callerSignal.reason);
        };
        callerSignal.addEventListener('abort', onCallerAbort, { once: true });
      }
      work().then(resolve, reject);
    });
  } finally {
    clearTimeout(timer);
    if (onCallerAbort) callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}
