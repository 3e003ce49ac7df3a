import { describeErrorBody, type ErrorDescription, isRecord } from '@tenantkit/core';

function nonBlankText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The `error` of the 409 a number's 15-day cool-off produces (docs: unassign-subaccount, did-cool-off). */
export const DID_COOL_OFF = 'did_cool_off_in_effect';

/** What Vobiz's cool-off answer means, for a body that names the code but says nothing itself. */
const COOL_OFF_SENTENCE =
  'the number carried a call in the last 15 days, so it stays with the sub-account until its cool-off ends';

/**
 * The times of `{error: "did_cool_off_in_effect", cool_off_until, cool_off_remaining_seconds}`:
 * the moment the number may be unassigned. Either field alone is enough; read on any body, since
 * a time is what makes a 409 a `CoolOffError`.
 */
function coolOffTimes(
  body: Record<string, unknown>,
): Pick<ErrorDescription, 'retryAt' | 'retryAfterMs'> {
  const until = nonBlankText(body.cool_off_until);
  const seconds = body.cool_off_remaining_seconds;
  const retryAt = until === undefined ? undefined : new Date(until);
  return {
    retryAt: retryAt && !Number.isNaN(retryAt.getTime()) ? retryAt : undefined,
    retryAfterMs:
      typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0
        ? seconds * 1000
        : undefined,
  };
}

/** The provider's own words: what core reads, or the Plivo-style `{api_id, error, message}`. */
function describeWords(body: Record<string, unknown>): ErrorDescription {
  if (typeof body.error !== 'string') return describeErrorBody(body);
  const sentence = nonBlankText(body.error);
  const message = nonBlankText(body.message);
  const parts =
    sentence && message && sentence !== message ? [sentence, message] : [message ?? sentence];
  const providerMessage = parts.filter((part) => part !== undefined).join(': ') || undefined;
  return {
    code: undefined,
    providerMessage,
    requestId: nonBlankText(body.api_id) ?? nonBlankText(body.requestId),
  };
}

/**
 * Vobiz answers errors in four shapes: the documented `{status, error: {code, message, details},
 * timestamp, requestId}` (core reads it), the Plivo-style `{api_id, error, message}` of its own
 * OpenAPI (`error` is a short sentence, not a code; `api_id` identifies the request), the flat
 * `{status, message}` of its Node SDK (core reads it), and the number cool-off body, whose
 * `error` is a code. The provider's own message is always kept: the cool-off sentence stands in
 * only for a cool-off body that brings none.
 */
export function describeVobizError(body: unknown): ErrorDescription {
  if (!isRecord(body)) return describeErrorBody(body);
  const times = coolOffTimes(body);
  if (body.error !== DID_COOL_OFF) return { ...describeWords(body), ...times };
  return {
    code: DID_COOL_OFF,
    providerMessage: nonBlankText(body.message) ?? COOL_OFF_SENTENCE,
    requestId: nonBlankText(body.api_id) ?? nonBlankText(body.requestId),
    ...times,
  };
}
