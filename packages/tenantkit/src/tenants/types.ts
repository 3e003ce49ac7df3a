/** A tenants file in memory: what `parseTenantsFile` returns and `plan` takes. */
import type { Permission as SynthflowPermission } from '@tenantkit/synthflow';
import type { SynthflowLimits, VobizLimits } from '../model.js';

/** The providers a tenants file can declare, in the order apply works through them. */
export const TENANT_PROVIDERS = ['synthflow', 'vobiz', 'voximplant'] as const;
export type TenantProvider = (typeof TENANT_PROVIDERS)[number];

/** A secret is never written in the file: read from the environment, or generated. */
export type SecretRef = { env: string } | { generate: true };

export interface SynthflowTenant {
  /** Invited at creation; Synthflow cannot read it back, so it is never compared. */
  email?: string;
  limits?: SynthflowLimits;
  /** Each permission on or off; those not named are left as they are. */
  permissions?: Partial<Record<SynthflowPermission, boolean>>;
  extra?: { twilio_account_sid?: string; twilio_auth_token?: SecretRef };
}

export interface VobizTenant {
  email?: string;
  description?: string;
  enabled?: boolean;
  limits?: VobizLimits;
  permissions?: Record<string, boolean>;
  /** Web-console password, set at creation only. */
  password?: SecretRef;
  extra?: { phone?: string; kyc_mode?: 'personal_use' | 'customer_use'; business_type?: string };
}

export interface VoximplantTenant {
  description?: string;
  /** The role names the subuser holds, exactly: missing ones are granted, others removed. */
  roles?: string[];
  /** Set at creation only. Default: generated. */
  password?: SecretRef;
}

export interface TenantSpec {
  synthflow?: SynthflowTenant;
  vobiz?: VobizTenant;
  voximplant?: VoximplantTenant;
}

export interface TenantsFile {
  version: 1;
  /** Every managed record is named `<prefix><tenant key>`; no other record is ever touched. */
  prefix: string;
  defaults?: TenantSpec;
  tenants: Record<string, TenantSpec>;
}
