import type { Random } from '../../random.js';

/**
 * Console sign-in tokens: JWT-shaped (the sandbox only compares them). With `now`, they carry
 * `iat`/`exp` like the ones a create hands out; the parent's is timeless, so the same seed gives
 * the same credentials.
 */
export function consoleToken(kind: string, subject: string, random: Random, now?: Date): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = now && Math.floor(now.getTime() / 1000);
  const payload = { sub: subject, type: kind, ...(iat && { iat, exp: iat + 1800 }) };
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}.${random.hex(43)}`;
}
