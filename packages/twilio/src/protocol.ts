import { describeErrorBody, type ErrorDescription, isRecord } from '@tenantkit/core';

/**
 * Symbolic names of the Twilio error codes a sub-account client meets (names ours, codes and
 * meanings from Twilio's error dictionary, twilio.com/docs/api/errors). Any other code is kept as a
 * number without a name.
 */
export const TWILIO_ERROR_CODES = {
  20003: 'AUTHENTICATION_FAILED',
  20005: 'ACCOUNT_NOT_ACTIVE',
  20007: 'PAGE_SIZE_TOO_LARGE',
  20404: 'NOT_FOUND',
  20429: 'TOO_MANY_REQUESTS',
  21101: 'SUBACCOUNT_CANNOT_OWN_SUBACCOUNTS',
  21475: 'INVALID_STATUS',
  21476: 'PARENT_ACCOUNT_SUSPENDED',
  21477: 'MAIN_ACCOUNT_STATUS_UNCHANGEABLE',
  21478: 'SUSPENDED_BY_TWILIO',
  21479: 'SUBACCOUNT_CLOSED',
  21480: 'SUBACCOUNT_LIMIT_REACHED',
  21481: 'INVALID_PAGE_TOKEN',
} as const satisfies Record<number, string>;

export type TwilioErrorCodeName = (typeof TWILIO_ERROR_CODES)[keyof typeof TWILIO_ERROR_CODES];

/** The code of a sub-account that was closed before (a repeated close gets it). */
export const SUBACCOUNT_CLOSED = 21479;

/** Twilio names each request in this header (`RQ…`), not in the error body. */
export const TWILIO_REQUEST_ID_HEADERS: readonly string[] = ['twilio-request-id'];

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Twilio's `{code, message, more_info, status}` (and the RFC 9457 `{type, title, status, code,
 * detail}` newer Twilio services send): the numeric code with its name, the message. Anything else
 * falls back to core's reading of common shapes.
 */
export function describeTwilioError(body: unknown): ErrorDescription {
  if (!isRecord(body) || typeof body.code !== 'number') return describeErrorBody(body);
  const code = body.code;
  const name: string | undefined = Object.hasOwn(TWILIO_ERROR_CODES, code)
    ? TWILIO_ERROR_CODES[code as keyof typeof TWILIO_ERROR_CODES]
    : undefined;
  return {
    code,
    codeName: name,
    providerMessage: text(body.message) ?? text(body.detail) ?? text(body.title),
  };
}
