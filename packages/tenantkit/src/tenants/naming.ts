/**
 * Identity without guessing: each managed record is named `<prefix><tenant key>` under the
 * provider's naming rule (its definition's `naming`), and only names that start with the prefix
 * are managed. A provider without a rule keeps a name as it is sent; one that keeps names in
 * lower case (Voximplant logins) is matched case-insensitively. The file's schema already limits
 * prefixes and keys to lower-case `a-z 0-9 _ . -`.
 */
import { DEFINITIONS } from '../registry.js';
import type { TenantProvider } from './types.js';

const ruleOf = (provider: TenantProvider) => DEFINITIONS[provider].naming;
const asStored = (provider: TenantProvider, name: string) =>
  ruleOf(provider)?.lowerCase ? name.toLowerCase() : name;

/** The name a tenant's record has at a provider. */
export function managedName(provider: TenantProvider, prefix: string, key: string): string {
  return asStored(provider, `${prefix}${key}`);
}

/** The rule a derived name breaks at this provider, or undefined when it is fine. */
export function nameProblem(provider: TenantProvider, name: string): string | undefined {
  const rule = ruleOf(provider);
  if (!rule) return undefined;
  const { length, pattern } = rule;
  if (length && (name.length < length.min || name.length > length.max))
    return `makes the ${rule.noun} "${name}" (${name.length} characters), which takes ${length.min} to ${length.max}`;
  if (pattern && !pattern.test.test(name))
    return `makes the ${rule.noun} "${name}", which ${pattern.rule}`;
  return undefined;
}

/** The tenant key a provider's record name stands for, or undefined when it is not managed. */
export function tenantKeyOf(
  provider: TenantProvider,
  prefix: string,
  recordName: string,
): string | undefined {
  const name = asStored(provider, recordName);
  const marker = asStored(provider, prefix);
  if (!name.startsWith(marker) || name.length === marker.length) return undefined;
  return name.slice(marker.length);
}
