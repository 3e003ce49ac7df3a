import { ConfigurationError, type ProviderName } from './errors.js';
import { REDACTED } from './redact.js';

const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

/** A required credential option: present, a string, not blank. Never echoes the value. */
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
  return value;
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
