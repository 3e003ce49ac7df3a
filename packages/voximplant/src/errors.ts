import { type ErrorDescription, isRecord } from '@tenantkit/core';
import { PACKED_ERROR_NAMES } from './data/error-names.js';

/**
 * Symbolic name of every known code (the first name where a code has two), unpacked on first use.
 * The names alone ship with the client; the full table, messages included, is the
 * `@tenantkit/voximplant/error-codes` subpath (three times the weight, and the provider always
 * sends its own message with an error).
 */
let names: Map<number, string> | undefined;

/** Each token is the gap from the previous code (digits, no leading zero), then the name. */
function unpackNames(): Map<number, string> {
  const table = new Map<number, string>();
  let code = 0;
  for (const token of PACKED_ERROR_NAMES.split(' ')) {
    const gap = Number.parseInt(token, 10);
    code += gap;
    table.set(code, token.slice(String(gap).length));
  }
  return table;
}

/** `AUTHORIZATION_FAILED` for 100; undefined for a code the table does not know. */
export function errorCodeName(code: number): string | undefined {
  names ??= unpackNames();
  return names.get(code);
}

/**
 * Which HTTP status (and so which error class) a Voximplant code means, since the API reports
 * most errors inside HTTP 200. 340 maps to 429 so the runner retries it like any rate limit.
 */
const STATUS_BY_CODE = new Map<number, number>([
  [100, 401], // AUTHORIZATION_FAILED
  [447, 401], // token format
  [454, 401], // token lifetime too long
  [455, 401], // token issued in the future
  [456, 401], // token expired
  [104, 403], // FORBIDDEN_COMMAND (the key's roles do not allow the method)
  [433, 404], // unknown key id
  [434, 404], // unknown subuser id
  [321, 404], // AUTHORIZED_IP_NOT_FOUND (DelAuthorizedAccountIP)
  [436, 409], // subuser login taken
  [493, 409], // a value that must be unique is not
  [340, 429], // rate limit
  [1, 500],
  [2, 500],
  [4, 500],
]);

export function statusForCode(code: number | undefined): number {
  // Stryker disable next-line ConditionalExpression: the table has no undefined key, so asking it for one gives 400 as well
  return (code !== undefined && STATUS_BY_CODE.get(code)) || 400;
}

/** Codes that say our token itself was refused: the cached one must not be reused. */
export const TOKEN_REJECTED_CODES: ReadonlySet<number> = new Set([100, 447, 454, 455, 456]);

interface ErrorDetail {
  code?: unknown;
  msg?: unknown;
}

/** The error objects of an envelope: `{error: {...}}` or `{errors: [...]}`; empty when neither. */
function errorDetails(body: unknown): ErrorDetail[] {
  if (!isRecord(body)) return [];
  const { error, errors } = body as { error?: unknown; errors?: unknown };
  if (typeof error === 'object' && error !== null) return [error as ErrorDetail];
  if (Array.isArray(errors))
    return errors.filter((item): item is ErrorDetail => typeof item === 'object' && item !== null);
  return [];
}

function numericCode(value: unknown): number | undefined {
  if (Number.isInteger(value)) return value as number;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

/** Code, name and message of a Voximplant error body (the first error of an `errors` array). */
export function describeVoximplantError(body: unknown): ErrorDescription & { code?: number } {
  const details = errorDetails(body);
  const first = details[0];
  if (!first)
    // Whole: the runner scrubs the text first, then cuts it (a secret may straddle any cut).
    return typeof body === 'string' && body.trim() ? { providerMessage: body } : {};
  const code = numericCode(first.code);
  const messages = details
    .map((detail) => (typeof detail.msg === 'string' ? detail.msg : undefined))
    .filter((msg): msg is string => Boolean(msg));
  return {
    code,
    // Stryker disable next-line ConditionalExpression: the table has no name for an undefined code either
    codeName: code === undefined ? undefined : errorCodeName(code),
    providerMessage: messages.join('; ') || undefined,
  };
}

/** A 200 whose body carries `error`, or a non-empty `errors`, is a failure. */
export function errorInSuccessBody(
  data: unknown,
): (ErrorDescription & { code?: number; classifyAs: number }) | undefined {
  if (errorDetails(data).length === 0) return undefined;
  const described = describeVoximplantError(data);
  return { ...described, classifyAs: statusForCode(described.code) };
}
