/**
 * Each provider's part of the tenant sync, keyed by the registry's provider names: the type
 * below makes a provider of the registry without its rules (or rules for a provider the registry
 * does not have) a compile error, so the file's providers are the registry's.
 */
import type { Provider } from '../../registry.js';
import type { TenantRules } from '../rules.js';
import { synthflowTenantRules } from './synthflow.js';
import { twilioTenantRules } from './twilio.js';
import { vobizTenantRules } from './vobiz.js';
import { voximplantTenantRules } from './voximplant.js';

export const TENANT_RULES = {
  synthflow: synthflowTenantRules,
  vobiz: vobizTenantRules,
  voximplant: voximplantTenantRules,
  twilio: twilioTenantRules,
} as const satisfies { readonly [P in Provider]: TenantRules<P, never> };

/** A provider's block of the tenants file (`SynthflowTenant`, `VobizTenant`, …). */
export type TenantOf<P extends Provider> =
  (typeof TENANT_RULES)[P] extends TenantRules<P, infer T> ? T : never;

export type { SynthflowTenant } from './synthflow.js';
export type { TwilioTenant } from './twilio.js';
export type { VobizTenant } from './vobiz.js';
export type { VoximplantTenant } from './voximplant.js';
