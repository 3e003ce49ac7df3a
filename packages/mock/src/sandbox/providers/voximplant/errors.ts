/**
 * Voximplant reports API errors as `{error: {code, msg}}` inside an HTTP 200. The codes and
 * messages are the provider's (shared/providers/voximplant-error-codes.txt).
 */
import { json, type SandboxResponse } from '../../definition.js';

const MESSAGES = {
  2: 'Internal error',
  100: 'Authorization failed',
  128: "Account's email is not unique",
  194: "The 'child_account_id' parameter is invalid",
  198: "The 'child_account_name' parameter is invalid",
  199: "The 'child_account_email' parameter is invalid",
  201: "The 'new_child_account_email' parameter is invalid",
  320: "The 'authorized_ip' parameter is invalid",
  321: 'The authorized IP is not found',
  340: 'Rate limit exceed',
  433: 'Invalid key id.',
  434: 'Invalid subuser id.',
  436: 'Sub user login is not unique.',
  440: "The 'role_id' parameter is invalid.",
  441: "The 'role_name' parameter is invalid.",
  447: 'Invalid token format.',
  448: 'Current subuser password is missing.',
  449: "Using 'role_id' and 'role_name' at the same_time.",
  452: 'Subuser name must be at least 5 and up to 20 characters long.',
  453: 'Subuser name should start with a letter and can contain latin characters',
  454: 'The token TTL exceeds the maximum limit.',
  455: 'Token issued in the future.',
  456: 'The token has expired.',
  458: 'Specify only one of the following parameters: %s',
  464: 'Password should be at least 8 characters long and contain uppercase characters (A-Z)',
  485: "Specify the '%s' parameter.",
  496: "The '%s' parameter is invalid.",
  524: 'Password cannot contain spaces.',
} as const;

export type VoximplantErrorCode = keyof typeof MESSAGES;

/** The error envelope in an HTTP 200; `%s` in the message is filled with `parameter`. */
export function voxError(code: VoximplantErrorCode, parameter = ''): SandboxResponse {
  return json(200, { error: { code, msg: MESSAGES[code].replace('%s', parameter) } });
}

/** The same envelope with a real HTTP error status (rate limit, server failure). */
export function voxHttpError(
  status: number,
  code: VoximplantErrorCode,
  headers: Record<string, string> = {},
): SandboxResponse {
  return json(status, { error: { code, msg: MESSAGES[code] } }, headers);
}

export const ok = (result: unknown): SandboxResponse => json(200, { result });
