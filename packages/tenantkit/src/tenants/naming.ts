/**
 * Identity without guessing: each managed record is named `<prefix><tenant key>` under the
 * provider's naming rule (its definition's `naming`), and only names that start with the prefix
 * are managed. A provider without a rule keeps a name as it is sent; one that keeps names in
 * lower case (Voximplant logins) is matched case-insensitively. The file's schema already limits
 * prefixes and keys to lower-case `a-z 0-9 _ . -`.
 *
 * A record another provider's record links to (a Twilio sub-account a Synthflow one calls through)
 * is renamed `<prefix><key> [synthflow]` once the link was sent: Synthflow cannot read the link
 * back, so this mark is the only trace of it (`links.ts`). Keys hold no space or bracket, so the
 * marked name still stands for one tenant only.
 */
import { DEFINITIONS } from '../registry.js';
import { linkableTarget } from './fields.js';
import { TENANT_PROVIDERS, type TenantProvider } from './types.js';

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

/** The provider whose link a record of `provider` can be marked with (Synthflow's, on Twilio). */
export function linkingProvider(provider: TenantProvider): TenantProvider | undefined {
  return TENANT_PROVIDERS.find((linking) => linkableTarget(linking) === provider);
}

/** The mark of `linking`'s link, at the end of the linked record's name. */
const linkMark = (linking: TenantProvider) => ` [${linking}]`;

/** The name a tenant's record at `provider` has once `linking`'s record was sent the link. */
export function markedName(
  provider: TenantProvider,
  prefix: string,
  key: string,
  linking: TenantProvider,
): string {
  return asStored(provider, `${prefix}${key}${linkMark(linking)}`);
}

/** True when a record's name says the link to it was sent. */
export function hasLinkMark(provider: TenantProvider, recordName: string): boolean {
  const linking = linkingProvider(provider);
  return linking !== undefined && asStored(provider, recordName).endsWith(linkMark(linking));
}

/** The tenant key a provider's record name stands for, or undefined when it is not managed. */
export function tenantKeyOf(
  provider: TenantProvider,
  prefix: string,
  recordName: string,
): string | undefined {
  const stored = asStored(provider, recordName);
  const linking = linkingProvider(provider);
  const name = hasLinkMark(provider, stored)
    ? stored.slice(0, -linkMark(linking as TenantProvider).length)
    : stored;
  const marker = asStored(provider, prefix);
  if (!name.startsWith(marker) || name.length === marker.length) return undefined;
  return name.slice(marker.length);
}
