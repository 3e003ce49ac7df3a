/**
 * The providers tenantkit knows, in a fixed order: the one list. The `Provider` type, the
 * facade's options and clients, the configuration hints, the capability table and the CLI's
 * provider choices are all derived from it. Adding a provider is one entry here (its package
 * brings the definition: see MAINTAINING.md, "Add a provider").
 */
import type { TenantRules } from '@tenantkit/core';
import { synthflowProvider, synthflowTenantRules } from '@tenantkit/synthflow';
import { twilioProvider, twilioTenantRules } from '@tenantkit/twilio';
import { vobizProvider, vobizTenantRules } from '@tenantkit/vobiz';
import { voximplantProvider, voximplantTenantRules } from '@tenantkit/voximplant';

export const PROVIDER_DEFINITIONS = [
  synthflowProvider,
  vobizProvider,
  voximplantProvider,
  twilioProvider,
] as const;

type Definition = (typeof PROVIDER_DEFINITIONS)[number];
export type Provider = Definition['name'];
export const PROVIDERS: readonly Provider[] = Object.freeze(
  PROVIDER_DEFINITIONS.map((definition) => definition.name),
);

/** The definition of one provider, by name. */
export type DefinitionOf<P extends Provider> = Extract<Definition, { name: P }>;
/** The client options a provider takes (its `createClient`'s argument). */
export type ClientOptionsOf<P extends Provider> = Parameters<DefinitionOf<P>['createClient']>[0];
/** The client a provider's definition builds. */
export type ClientOf<P extends Provider> = ReturnType<DefinitionOf<P>['createClient']>;

export const DEFINITIONS = Object.fromEntries(
  PROVIDER_DEFINITIONS.map((definition) => [definition.name, definition]),
) as { readonly [P in Provider]: DefinitionOf<P> };

/**
 * Each provider's part of the tenant sync (its package's `src/tenants.ts`), beside its definition
 * rather than on it: only `tenantkit/tenants` and the CLI read the rules, so a bundle of the facade
 * alone leaves them out (about 2 kB min+gzip, `pnpm size`). A provider of the registry without its
 * rules does not compile.
 */
export const TENANT_RULES = {
  synthflow: synthflowTenantRules,
  vobiz: vobizTenantRules,
  voximplant: voximplantTenantRules,
  twilio: twilioTenantRules,
} as const satisfies {
  readonly [P in Provider]: TenantRules<never, ReturnType<DefinitionOf<P>['facade']>>;
};
