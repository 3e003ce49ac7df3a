/**
 * `plan`: reads every managed record of each provider (paged and throttled by the clients),
 * finds each tenant's record by its managed name, and says per tenant and provider what apply
 * would do. Reads only: nothing is sent but list calls.
 */
import type { CallOptions } from '@tenantkit/core';
import type { SubAccount } from '../model.js';
import type { Tenantkit } from '../tenantkit.js';
import { desiredSpec } from './desired.js';
import { type Comparison, compare, type FieldChange, isGone } from './fields.js';
import { checkTenantsFile } from './file.js';
import { addLinkChanges, markInUse } from './links.js';
import { hasLinkMark, managedName, tenantKeyOf } from './naming.js';
import {
  TENANT_PROVIDERS,
  type TenantProvider,
  type TenantSpec,
  type TenantsFile,
} from './types.js';

export type PlanAction = 'create' | 'update' | 'unchanged' | 'orphan' | 'conflict';

export interface PlanItem {
  tenant: string;
  provider: TenantProvider;
  /** The managed name (`<prefix><tenant key>` under the provider's rules). */
  name: string;
  action: PlanAction;
  /** The record's id (update, unchanged, orphan). */
  id?: string;
  /** Conflict: the ids of every record with this name; none is touched. */
  ids?: string[];
  /** Update: each field that differs, current → desired. */
  changes: FieldChange[];
  /** Fields the file sets that the provider cannot read back (shown, never a change). */
  notComparable: string[];
  /**
   * The record's name carries the link mark (`<prefix><key> [synthflow]`): the same tenant's
   * linking record was sent this record's credentials (`links.ts`).
   */
  linkSent?: true;
  /**
   * Orphan: why `prune` keeps it anyway — a record a declared record still calls through (`links.ts`).
   */
  inUse?: string;
}

export interface TenantPlan {
  version: 1;
  /** The file the plan was made from (secrets only as references). */
  file: TenantsFile;
  /** Providers read; a saved plan is applied against the same ones. */
  providers: TenantProvider[];
  items: PlanItem[];
}

export interface PlanOptions extends Pick<CallOptions, 'signal' | 'timeoutMs' | 'maxRetries'> {
  /** Providers to read. Default: every provider the facade is configured for. */
  providers?: readonly TenantProvider[];
  /** Items per list request, for the providers that page (Vobiz at most 100). */
  pageSize?: number;
}

/** A provider the file needs is not configured, or a read failed: no plan can be made. */
export class PlanError extends Error {
  override readonly name = 'PlanError';
}

/** Plans the file against the providers. `file` is checked first (TenantsFileError). */
export async function planTenants(
  tk: Tenantkit,
  file: TenantsFile,
  options: PlanOptions = {},
): Promise<TenantPlan> {
  const desired = checkTenantsFile(file);
  const providers = providersToRead(tk, desired, options.providers);
  const { providers: _, pageSize, ...call } = options;
  const records = await Promise.all(
    providers.map((provider) => readManaged(tk, desired.prefix, provider, pageSize, call)),
  );
  const items = providers.flatMap((provider, index) =>
    planProvider(desired, provider, records[index] as Map<string, SubAccount[]>),
  );
  addLinkChanges(desired, items);
  markInUse(desired, items);
  return { version: 1, file: desired, providers, items };
}

function providersToRead(
  tk: Tenantkit,
  file: TenantsFile,
  wanted: readonly TenantProvider[] | undefined,
): TenantProvider[] {
  const providers = TENANT_PROVIDERS.filter((provider) =>
    wanted ? wanted.includes(provider) : tk.isConfigured(provider),
  );
  for (const provider of TENANT_PROVIDERS) {
    const users = Object.keys(file.tenants).filter((key) => file.tenants[key]?.[provider]);
    if (users.length === 0) continue;
    if (!providers.includes(provider) || !tk.isConfigured(provider))
      throw new PlanError(
        `${provider} is declared by tenant${users.length === 1 ? '' : 's'} ${users.slice(0, 5).join(', ')}${users.length > 5 ? ', …' : ''} but is ${tk.isConfigured(provider) ? 'left out of providers' : 'not configured'}`,
      );
  }
  return providers;
}

/** Managed records by tenant key; a record without the prefix is never kept, nor looked at again. */
export async function readManaged(
  tk: Tenantkit,
  prefix: string,
  provider: TenantProvider,
  pageSize: number | undefined,
  call: CallOptions,
): Promise<Map<string, SubAccount[]>> {
  const byKey = new Map<string, SubAccount[]>();
  // Synthflow answers every record at once: a page size is only for providers that page.
  const pages = pageSize !== undefined && tk.capabilities(provider).paging.supported;
  const options = { ...call, ...(pages && { pageSize }) };
  for await (const record of tk.subaccounts.list(provider, options)) {
    const key = tenantKeyOf(provider, prefix, record.name);
    // A closed Twilio sub-account keeps its name in the list for a while: it is not the tenant's.
    if (key === undefined || isGone(provider, record)) continue;
    const list = byKey.get(key);
    if (list) list.push(record);
    else byKey.set(key, [record]);
  }
  return byKey;
}

function planProvider(
  file: TenantsFile,
  provider: TenantProvider,
  records: Map<string, SubAccount[]>,
): PlanItem[] {
  const items: PlanItem[] = [];
  for (const key of Object.keys(file.tenants).sort()) {
    const want = desiredSpec(file, key, provider);
    if (want === undefined) continue;
    items.push(
      planOne(key, provider, managedName(provider, file.prefix, key), want, records.get(key)),
    );
  }
  for (const [key, found] of [...records].sort(([a], [b]) => a.localeCompare(b))) {
    if (file.tenants[key]?.[provider] !== undefined) continue;
    for (const record of found)
      items.push({
        tenant: key,
        provider,
        name: record.name,
        action: 'orphan',
        id: record.id,
        changes: [],
        notComparable: [],
      });
  }
  return items;
}

export function planOne(
  tenant: string,
  provider: TenantProvider,
  name: string,
  want: NonNullable<TenantSpec[TenantProvider]>,
  found: readonly SubAccount[] | undefined,
): PlanItem {
  if (!found || found.length === 0) {
    const notComparable: string[] = [];
    return { tenant, provider, name, action: 'create', changes: [], notComparable };
  }
  if (found.length > 1)
    return {
      tenant,
      provider,
      name,
      action: 'conflict',
      ids: found.map((record) => record.id),
      changes: [],
      notComparable: [],
    };
  const record = found[0] as SubAccount;
  const { changes, notComparable }: Comparison = compare(provider, want, record);
  return {
    tenant,
    provider,
    name,
    action: changes.length > 0 ? 'update' : 'unchanged',
    id: record.id,
    changes,
    notComparable,
    ...(hasLinkMark(provider, record.name) && { linkSent: true as const }),
  };
}

/** True when applying the plan would change nothing (orphans count only when pruning, and not in use). */
export function isEmptyPlan(plan: TenantPlan, options: { prune?: boolean } = {}): boolean {
  return plan.items.every(
    (item) =>
      item.action === 'unchanged' ||
      (item.action === 'orphan' && (!options.prune || item.inUse !== undefined)),
  );
}
