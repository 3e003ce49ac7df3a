/**
 * `tenantkit/tenants`: declare every tenant once, `plan` the difference on each provider,
 * `apply` it. Built on the facade's public operations only (`tk.subaccounts.*`).
 *
 *   const sync = tenantSync(tk);
 *   const plan = await sync.plan(loadTenantsFile('tenants.yaml'));
 *   await sync.apply(plan, { onSecret: (secret) => vault.put(secret) });
 */
import { readFileSync } from 'node:fs';
import type { Tenantkit } from '../tenantkit.js';
import { type ApplyOptions, type ApplyResult, applyTenants } from './apply.js';
import { parseTenantsFile } from './file.js';
import { type PlanOptions, planTenants, type TenantPlan } from './plan.js';
import type { TenantsFile } from './types.js';

export {
  type ApplyEvent,
  type ApplyOptions,
  type ApplyResult,
  type ItemOutcome,
  type ItemResult,
  MissingSecretsError,
  StalePlanError,
} from './apply.js';
export type { FieldChange } from './fields.js';
export {
  checkTenantsFile,
  describeIssue,
  parseTenantsFile,
  TenantsFileError,
  type TenantsFileIssue,
} from './file.js';
export { managedName, tenantKeyOf } from './naming.js';
export {
  isEmptyPlan,
  type PlanAction,
  PlanError,
  type PlanItem,
  type PlanOptions,
  type TenantPlan,
} from './plan.js';
export { TENANTS_SCHEMA } from './schema.js';
export type { Environment, TenantSecret } from './secrets.js';
export {
  openSecretsFile,
  type SecretsFile,
  SecretsFileError,
  SecretsFileExistsError,
} from './secrets-file.js';
export {
  type SecretRef,
  type SynthflowTenant,
  TENANT_PROVIDERS,
  type TenantProvider,
  type TenantSpec,
  type TenantsFile,
  type TwilioTenant,
  type VobizTenant,
  type VoximplantTenant,
} from './types.js';

export interface TenantSync {
  /** Reads the providers and says what apply would do; sends nothing but reads. */
  plan(file: TenantsFile, options?: PlanOptions): Promise<TenantPlan>;
  /**
   * Converges the providers. Given a file, it plans first; given a saved plan, it refuses with a
   * StalePlanError when the providers changed since.
   */
  apply(planOrFile: TenantPlan | TenantsFile, options?: ApplyOptions): Promise<ApplyResult>;
}

/** Plan and apply a tenants file through a configured facade. */
export function tenantSync(tk: Tenantkit): TenantSync {
  return {
    plan: (file, options) => planTenants(tk, file, options),
    apply: (planOrFile, options) => applyTenants(tk, planOrFile, options),
  };
}

/** Reads and checks a tenants file (YAML or JSON); a TenantsFileError lists every problem. */
export function loadTenantsFile(path: string): TenantsFile {
  return parseTenantsFile(readFileSync(path, 'utf8'), { source: path });
}
