import { ConfigurationError, type ProviderName } from './errors.js';
import { REDACTED } from './redact.js';

const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

/**
 * A required credential option: present, a string, not blank, and fit for an HTTP header. Returns
 * it trimmed (a key pasted from a file often ends in a line break; `Headers` would send it trimmed,
 * and the redactor must know the value actually sent). Never echoes the value.
 */
export function requireCredential(
  provider: ProviderName,
  option: string,
  value: unknown,
  hint: string,
): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    throw new ConfigurationError(
      `${provider}: \`${option}\` is required and must not be blank. ${hint}`,
    );
  }
  if (typeof value !== 'string')
    throw new ConfigurationError(`${provider}: \`${option}\` must be a string.`);
  const trimmed = value.trim();
  // Node's Headers would reject anything else with an error that quotes the value.
  if (!/^[\x21-\x7e]+$/.test(trimmed))
    throw new ConfigurationError(
      `${provider}: \`${option}\` must be visible ASCII without spaces or line breaks (check what was pasted with it).`,
    );
  return trimmed;
}

/**
 * What every provider client offers beside its resources: `raw`, the typed openapi-fetch client,
 * authenticated, for anything not wrapped (no retries or timeout), and the base URL it calls.
 */
export interface ProviderClientBase<Raw> {
  readonly raw: Raw;
  readonly baseUrl: string;
}

/** A JSON object (not an array, not null): the only shape a provider's record can have. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON array of objects, or undefined for anything else (a list with a `null` in it, say). */
export function recordsOf<T>(value: unknown): T[] | undefined {
  return Array.isArray(value) && value.every(isRecord) ? (value as T[]) : undefined;
}

/** A value that cannot be one URL path segment: it would address another resource. */
export function isUnsafePathSegment(value: string): boolean {
  return /[/?#]/.test(value) || value === '.' || value === '..';
}

/** Makes `util.inspect(client)` and `JSON.stringify(client)` show what is safe and nothing secret. */
export function defineClientInspection(
  client: object,
  name: string,
  visible: Record<string, unknown>,
): void {
  const shown = { ...visible, credentials: REDACTED };
  Object.defineProperty(client, inspectCustom, { value: () => `${name} ${JSON.stringify(shown)}` });
  Object.defineProperty(client, 'toJSON', { value: () => ({ client: name, ...shown }) });
}
