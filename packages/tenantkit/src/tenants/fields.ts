/**
 * The tenant sync's per-provider steps, dispatched to the provider's rules (its definition's
 * `tenants`, in its own package): which
 * fields differ from what the provider reads back, the secrets a create needs, and the create or
 * update that brings the record to the file.
 */
import type { CreateInput, SubAccount, UpdateInput } from '../model.js';
import {
  type Comparison,
  type FieldChange,
  type ResolvedSecrets,
  registryProvider,
  type SecretRef,
  TENANT_RULES,
  type TenantRules,
} from './rules.js';
import type { TenantProvider, TenantSpec } from './types.js';

export type { Comparison, FieldChange, ResolvedSecrets } from './rules.js';

type Want = NonNullable<TenantSpec[TenantProvider]>;

/**
 * The rules of one provider, for a block and a record known (by the caller) to be that
 * provider's: TypeScript cannot follow the provider from the argument into the union.
 */
const rulesOf = (provider: TenantProvider) =>
  TENANT_RULES[provider] as TenantRules<TenantProvider, Want>;

export function compare(provider: TenantProvider, want: Want, have: SubAccount): Comparison {
  return rulesOf(provider).compare(want, have);
}

/** Secret fields of a provider's block, and the default when the file names none. */
export function secretFields(provider: TenantProvider, want: Want): Record<string, SecretRef> {
  return rulesOf(provider).secretFields(want);
}

export function createInput(
  provider: TenantProvider,
  name: string,
  want: Want,
  secrets: ResolvedSecrets,
): CreateInput<TenantProvider> {
  return rulesOf(provider).createInput(name, want, secrets);
}

/** The update that applies `changes` (only compared fields ever change after creation). */
export function updateInput(
  provider: TenantProvider,
  changes: readonly FieldChange[],
  have: SubAccount,
): UpdateInput<TenantProvider> {
  return rulesOf(provider).updateInput(changes, have);
}

/** What must be sent right after a create (fields the provider's create does not take), if any. */
export function afterCreateInput(
  provider: TenantProvider,
  want: Want,
): UpdateInput<TenantProvider> | undefined {
  return rulesOf(provider).afterCreate?.(want);
}

/** A record the provider still lists but that is gone for good: never managed. */
export function isGone(provider: TenantProvider, have: SubAccount): boolean {
  return rulesOf(provider).isGone?.(have) ?? false;
}

/** The provider whose record (the same tenant's) this block links to, if any. */
export function linkTarget(provider: TenantProvider, want: Want): TenantProvider | undefined {
  const target = rulesOf(provider).linksTo?.(want);
  return target === undefined ? undefined : registryProvider(target);
}

/** Fields that name the linked record another way, beside the link (a file error). */
export function linkRivals(provider: TenantProvider, want: Want): string[] {
  return rulesOf(provider).linkRivals?.(want) ?? [];
}

/** The id of a record of its `linkable` provider a block names directly, if any. */
export function namesLinkable(provider: TenantProvider, want: Want): string | undefined {
  return rulesOf(provider).namesLinkable?.(want);
}

/** The provider a block of `provider` can link to (its records carry that link's mark), if any. */
export function linkableTarget(provider: TenantProvider): TenantProvider | undefined {
  const target = rulesOf(provider).linkable;
  return target === undefined ? undefined : registryProvider(target);
}
