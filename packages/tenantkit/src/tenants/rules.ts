/**
 * What the tenant sync needs from each provider: its tenant rules (core's `TenantRules`, written
 * in the provider's own package beside its facade adapter), registered beside its definition in
 * the registry. A provider of the registry has its block of the file, compared and applied, with
 * nothing written here; a registry without its rules does not compile.
 */
import type { TenantRules as ProviderTenantRules } from '@tenantkit/core';
import type { FacadeOf } from '../model.js';
import { PROVIDERS, type Provider, TENANT_RULES } from '../registry.js';

export type {
  Comparison,
  FieldChange,
  ResolvedSecrets,
  SchemaObject,
  SecretRef,
} from '@tenantkit/core';

/** Provider `P`'s part of the tenant sync; `T` is its block of the file. */
export type TenantRules<P extends Provider, T extends object> = ProviderTenantRules<T, FacadeOf<P>>;

/** A provider's block of the tenants file (`SynthflowTenant`, `VobizTenant`, …). */
export type TenantOf<P extends Provider> = Parameters<(typeof TENANT_RULES)[P]['secretFields']>[0];

/** The rules of each provider of the registry. */
export { TENANT_RULES };

/** A provider name a rule gave (`linksTo`), checked against the registry. */
export function registryProvider(name: string): Provider {
  if (!(PROVIDERS as readonly string[]).includes(name))
    throw new Error(`tenant rules name ${name}, which is not a provider of the registry`);
  return name as Provider;
}
