/**
 * The providers tenantkit knows, in a fixed order: the one list. The `Provider` type, the
 * facade's options and clients, the configuration hints, the capability table and the CLI's
 * provider choices are all derived from it. Adding a provider is one entry here (its package
 * brings the definition: see MAINTAINING.md, "Add a provider").
 */
import { synthflowProvider } from '@tenantkit/synthflow';
import { twilioProvider } from '@tenantkit/twilio';
import { vobizProvider } from '@tenantkit/vobiz';
import { voximplantProvider } from '@tenantkit/voximplant';

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
