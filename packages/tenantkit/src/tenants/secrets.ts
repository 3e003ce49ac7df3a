/**
 * Secrets of a sync: passwords the file references (environment or generated) and the one-time
 * credentials a create hands out. Each is a `Secret` (prints as `[REDACTED]`) handed to the
 * caller's sink; none is ever part of a plan, an event or an error.
 */
import type { Secret } from '@tenantkit/core';
import type { SecretRef, TenantProvider } from './types.js';

/** One secret for the sink: where it belongs and its value (`.reveal()` to read it). */
export interface TenantSecret {
  tenant: string;
  provider: TenantProvider;
  /**
   * The record it belongs to. Absent only for a generated password whose create ended with an
   * unknown outcome that could not be looked up: the record may exist and hold it.
   */
  id?: string;
  name: string;
  /** `password`, `apiKey`, `signInLink`, `authId`, `authToken`, … */
  field: string;
  /** `generated`: made by apply; `handed-out`: returned once by the provider's create. */
  origin: 'generated' | 'handed-out';
  value: Secret;
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** A missing environment variable, found before anything is sent. */
export interface MissingSecret {
  tenant: string;
  provider: TenantProvider;
  field: string;
  variable: string;
}

/** The variable's own value: `constructor` or `toString` is a name every object answers to. */
function variable(env: Environment, name: string): string | undefined {
  const value = Object.hasOwn(env, name) ? env[name] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function missingVariable(ref: SecretRef, env: Environment): string | undefined {
  return 'env' in ref && variable(env, ref.env) === undefined ? ref.env : undefined;
}

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '!#%+-=?@_';
const ALL = LOWER + UPPER + DIGITS + SYMBOLS;

/** 24 characters from the Web Crypto RNG, with each class Voximplant's rule asks for. */
export function generatePassword(): string {
  const bytes = new Uint32Array(24);
  globalThis.crypto.getRandomValues(bytes);
  const pick = (alphabet: string, byte: number) => alphabet[byte % alphabet.length] as string;
  const chars = Array.from(bytes, (byte, index) =>
    pick([LOWER, UPPER, DIGITS, SYMBOLS][index] ?? ALL, byte),
  );
  return chars.join('');
}

/** The value of a reference; `generate` makes a new one each time it is asked. */
export function resolveSecret(
  ref: SecretRef,
  env: Environment,
): { value: string; generated: boolean } {
  if ('env' in ref) return { value: variable(env, ref.env) ?? '', generated: false };
  return { value: generatePassword(), generated: true };
}
