/**
 * Identity without guessing: each managed record is named `<prefix><tenant key>` under the
 * provider's naming rules, and only names that start with the prefix are managed.
 *
 * - Synthflow and Vobiz keep a name as it is sent.
 * - Voximplant stores a login in lower case, 5–20 characters of `a-z 0-9 _ . -`, starting with a
 *   letter. The file's schema already limits prefixes and keys to those characters, lower case.
 */
import type { TenantProvider } from './types.js';

export const VOXIMPLANT_LOGIN = { min: 5, max: 20 } as const;

/** The name a tenant's record has at a provider. */
export function managedName(provider: TenantProvider, prefix: string, key: string): string {
  const name = `${prefix}${key}`;
  return provider === 'voximplant' ? name.toLowerCase() : name;
}

/** The rule a derived name breaks at this provider, or undefined when it is fine. */
export function nameProblem(provider: TenantProvider, name: string): string | undefined {
  if (provider !== 'voximplant') return undefined;
  if (name.length < VOXIMPLANT_LOGIN.min || name.length > VOXIMPLANT_LOGIN.max)
    return `makes the Voximplant login "${name}" (${name.length} characters); Voximplant takes ${VOXIMPLANT_LOGIN.min} to ${VOXIMPLANT_LOGIN.max}`;
  if (!/^[a-z][a-z0-9_.-]*$/.test(name))
    return `makes the Voximplant login "${name}", which must start with a letter and hold only a-z 0-9 _ . -`;
  return undefined;
}

/** The tenant key a provider's record name stands for, or undefined when it is not managed. */
export function tenantKeyOf(
  provider: TenantProvider,
  prefix: string,
  recordName: string,
): string | undefined {
  const name = provider === 'voximplant' ? recordName.toLowerCase() : recordName;
  const marker = provider === 'voximplant' ? prefix.toLowerCase() : prefix;
  if (!name.startsWith(marker) || name.length === marker.length) return undefined;
  return name.slice(marker.length);
}
