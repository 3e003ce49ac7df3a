/** Voximplant's password rule, for subusers and child accounts alike. */
import type { SandboxResponse } from '../../definition.js';
import { sha256 } from '../../hash.js';
import { voxError } from './errors.js';

/** At least one lower-case letter, upper-case letter, digit and special character (docs). */
const STRONG_PASSWORD = /^(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9])(?=.*[^A-Za-z0-9\s]).{8,}$/;

export function passwordProblem(password: string): SandboxResponse | undefined {
  if (/\s/.test(password)) return voxError(524);
  if (!STRONG_PASSWORD.test(password)) return voxError(464);
  return undefined;
}

/** What is stored instead of a password: a hash salted with the owner's id. */
export const passwordHash = (ownerId: number, password: string) => sha256(`${ownerId}:${password}`);
