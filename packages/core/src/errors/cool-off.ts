/** A 409 that names when the change will be allowed, and how that moment is read from a provider. */
import { type ApiErrorDetails, ConflictError } from './api.js';
import type { RequestContext } from './request.js';

/**
 * The moment and the wait a provider named, each derived from the other when only one came. The
 * provider's numbers are untrusted: a time a `Date` cannot hold (beyond ±8.64e15 ms, `Infinity`,
 * NaN) or a negative wait is left out rather than thrown on (`toISOString` throws a RangeError).
 */
export function coolOffTimes(
  hints: Pick<ApiErrorDetails, 'retryAt' | 'retryAfterMs'> | undefined,
  now: number,
): { retryAt: Date | undefined; retryAfterMs: number | undefined } {
  const given = realMoment(hints?.retryAt);
  const wait =
    typeof hints?.retryAfterMs === 'number' &&
    Number.isFinite(hints.retryAfterMs) &&
    hints.retryAfterMs >= 0
      ? hints.retryAfterMs
      : undefined;
  // Stryker disable next-line ConditionalExpression: a Date of now + undefined is invalid, which realMoment drops too
  const retryAt = given ?? (wait === undefined ? undefined : realMoment(new Date(now + wait)));
  const retryAfterMs =
    wait ?? (retryAt === undefined ? undefined : Math.max(0, retryAt.getTime() - now));
  return { retryAt, retryAfterMs };
}

function realMoment(value: Date | undefined): Date | undefined {
  return value instanceof Date && Number.isFinite(value.getTime()) ? value : undefined;
}

/**
 * A 409 that says when the change will be allowed (a Vobiz number inside its 15-day cool-off, say).
 * Never retried automatically: the wait is days, not seconds. `retryAt` / `retryAfterMs` say when.
 */
export class CoolOffError extends ConflictError {
  static override readonly brand: string = 'CoolOffError';
  /** When the provider will allow the call again. */
  readonly retryAt: Date | undefined;
  /** How long that was from the answer, in ms. */
  readonly retryAfterMs: number | undefined;

  constructor(context: RequestContext & { outcomeUnknown?: boolean }, details: ApiErrorDetails) {
    const { retryAt, retryAfterMs } = coolOffTimes(details, Date.now());
    const when = retryAt ? `allowed again after ${retryAt.toISOString()}` : undefined;
    super(context, {
      ...details,
      providerMessage: [details.providerMessage, when].filter(Boolean).join('; ') || undefined,
    });
    this.retryAt = retryAt;
    this.retryAfterMs = retryAfterMs;
  }
}
