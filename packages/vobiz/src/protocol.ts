import { describeErrorBody, type ErrorDescription } from '@tenantkit/core';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonBlankText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The `error` of the 409 a number's 15-day cool-off produces (docs: unassign-subaccount, did-cool-off). */
export const DID_COOL_OFF = 'did_cool_off_in_effect';

/**
 * `{error: "did_cool_off_in_effect", cool_off_until, cool_off_remaining_seconds}`: a code, not a
 * sentence, and the moment the number may be unassigned. Either time field alone is enough.
 */
function describeCoolOff(body: Record<string, unknown>): ErrorDescription | undefined {
  const until = nonBlankText(body.cool_off_until);
  const seconds = body.cool_off_remaining_seconds;
  const retryAt = until === undefined ? undefined : new Date(until);
  const validAt = retryAt && !Number.isNaN(retryAt.getTime()) ? retryAt : undefined;
  const retryAfterMs =
    typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0
      ? seconds * 1000
      : undefined;
  if (body.error !== DID_COOL_OFF && validAt === undefined && retryAfterMs === undefined)
    return undefined;
  return {
    code: nonBlankText(body.error) ?? DID_COOL_OFF,
    providerMessage:
      'the number carried a call in the last 15 days, so it stays with the sub-account until its cool-off ends',
    requestId: nonBlankText(body.api_id),
    retryAt: validAt,
    retryAfterMs,
  };
}

/**
 * Vobiz answers errors in four shapes: the documented `{status, error: {code, message, details},
 * timestamp, requestId}` (core reads it), the Plivo-style `{api_id, error, message}` of its own
 * OpenAPI (`error` is a short sentence, not a code; `api_id` identifies the request), the flat
 * `{status, message}` of its Node SDK (core reads it), and the number cool-off body above.
 */
export function describeVobizError(body: unknown): ErrorDescription {
  if (!isRecord(body)) return describeErrorBody(body);
  const coolOff = describeCoolOff(body);
  if (coolOff) return coolOff;
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
