/**
 * Voximplant's service-account JWT, checked as the API documents it: RS256 signed with the key's
 * private half (`kid` = key id), `iss` = the account id as a number, `exp - iat` at most 3600 s.
 * Each refusal is the provider's code: 447 malformed, 100 unknown key / bad signature / other
 * account, 454 lifetime too long, 455 issued in the future, 456 expired.
 */
import { createPublicKey, verify } from 'node:crypto';
import type { SandboxResponse } from '../../definition.js';
import { voxError } from './errors.js';
import type { VoximplantState } from './state.js';

const MAX_TTL_SECONDS = 3600;
/** Clock skew tolerated before a token counts as issued in the future. */
const SKEW_SECONDS = 30;

function decodePart(part: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function checkToken(
  authorization: string | undefined,
  state: VoximplantState,
  now: Date,
): SandboxResponse | undefined {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
  const parts = token.split('.');
  const header = decodePart(parts[0]);
  const claims = decodePart(parts[1]);
  if (parts.length !== 3 || !header || !claims) return voxError(447);
  if (header.alg !== 'RS256' || typeof header.kid !== 'string') return voxError(447);
  const { iss, iat, exp } = claims;
  if (typeof iat !== 'number' || typeof exp !== 'number') return voxError(447);

  const key = state.keys.find((item) => item.key_id === header.kid);
  if (!key) return voxError(100);
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2] ?? '', 'base64url');
  if (!verify('sha256', signed, createPublicKey(key.public_key), signature)) return voxError(100);
  if (iss !== state.account.id) return voxError(100);

  const seconds = Math.floor(now.getTime() / 1000);
  if (exp - iat > MAX_TTL_SECONDS) return voxError(454);
  if (iat > seconds + SKEW_SECONDS) return voxError(455);
  if (exp <= seconds) return voxError(456);
  return undefined;
}
