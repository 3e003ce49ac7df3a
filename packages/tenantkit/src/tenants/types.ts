/** A tenants file in memory: what `parseTenantsFile` returns and `plan` takes. */
import { PROVIDERS, type Provider } from '../registry.js';
import type { TenantOf } from './rules.js';

/** The providers a tenants file can declare: the registry's, in the order apply works through them. */
export const TENANT_PROVIDERS = PROVIDERS;
export type TenantProvider = Provider;

// The providers' blocks under the names the package has always exported.
export type { SynthflowTenant } from '@tenantkit/synthflow';
export type { TwilioTenant } from '@tenantkit/twilio';
export type { VobizTenant } from '@tenantkit/vobiz';
export type { VoximplantTenant } from '@tenantkit/voximplant';
export type { SecretRef } from './rules.js';

/** What one tenant wants at each provider (a provider left out is not managed for it). */
export type TenantSpec = { [P in Provider]?: TenantOf<P> };

export interface TenantsFile {
  version: 1;
  /** Every managed record is named `<prefix><tenant key>`; no other record is ever touched. */
  prefix: string;
  defaults?: TenantSpec;
  tenants: Record<string, TenantSpec>;
}
