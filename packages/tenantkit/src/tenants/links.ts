/**
 * References between one tenant's records at different providers: a Synthflow sub-account that
 * calls through the same tenant's Twilio sub-account (`synthflow: { twilio: true }`).
 *
 * - The file: the linked provider's entry must exist for that tenant (a file error otherwise).
 * - State: Synthflow cannot read the link back, so the linked record's name keeps it: once
 *   Synthflow was sent the Twilio sub-account's SID and token, the Twilio sub-account is renamed
 *   `<prefix><key> [synthflow]` (`naming.ts`). The rename comes only after Synthflow accepted the
 *   link, so a failure or an abort in between leaves the plain name, and the link still to send.
 * - The plan: a linking record that exists is sent the link (a change `twilio: – → <its name>`)
 *   while the linked record is new or unmarked: created by this plan, made before the link was
 *   declared, or left unmarked by a failed or aborted apply. A marked record whose tenant no longer
 *   declares the link gets its plain name back (`name: <marked> → <plain>`), so a link declared
 *   again later is sent again.
 * - Apply: dependency order, tenant by tenant — the linking item waits for the linked item and
 *   is handed its id (the facade fetches the token from Twilio), sends the link, then marks the
 *   linked record; if the linked item failed, the linking one fails too, saying why, and nothing
 *   is sent for it.
 */
import { desiredSpec } from './desired.js';
import { linkableTarget, linkRivals, linkTarget, namesLinkable } from './fields.js';
import type { Locate, TenantsFileIssue } from './file.js';
import { hasLinkMark, linkingProvider, markedName } from './naming.js';
import type { PlanItem, TenantPlan } from './plan.js';
import { TENANT_PROVIDERS, type TenantProvider, type TenantsFile } from './types.js';

/** The linked record, as the facade takes it (`{ provider: 'twilio', id }`). */
export interface LinkedRecord {
  provider: TenantProvider;
  id: string;
  /** Its name carries the link mark already: nothing to rename after the link is sent. */
  marked: boolean;
}

/** What an item of the same tenant ended with: its record's id, or why it failed. */
interface Settled {
  id?: string;
  failed?: string;
}

/** The provider a tenant's record at `provider` links to, if the file says so. */
export function linkOf(
  file: TenantsFile,
  tenant: string,
  provider: TenantProvider,
): TenantProvider | undefined {
  const want = desiredSpec(file, tenant, provider);
  return want === undefined ? undefined : linkTarget(provider, want);
}

/** A link to a provider the tenant does not declare cannot be made: a file error. */
export function linkIssues(file: TenantsFile, locate: Locate): TenantsFileIssue[] {
  const issues: TenantsFileIssue[] = [];
  for (const tenant of Object.keys(file.tenants))
    for (const provider of TENANT_PROVIDERS) {
      const target = linkOf(file, tenant, provider);
      if (target === undefined) continue;
      const want = desiredSpec(file, tenant, provider);
      for (const field of want ? linkRivals(provider, want) : [])
        issues.push({
          tenant,
          provider,
          field: `tenants.${tenant}.${provider}.${field}`,
          rule: 'at-most-one',
          message: `cannot be combined with ${target}: true (the link sends this tenant's ${target} sub-account): name it once`,
          ...locate(['tenants', tenant, provider], target),
        });
      if (file.tenants[tenant]?.[target] !== undefined) continue;
      issues.push({
        tenant,
        provider,
        field: `tenants.${tenant}.${provider}.${target}`,
        rule: 'linked-record',
        message: `links to this tenant's ${target} sub-account, but the tenant has no ${target} entry`,
        ...locate(['tenants', tenant, provider], target),
      });
    }
  return issues;
}

/**
 * A linking record that exists is sent the link while the record it links to is new or unmarked;
 * a marked record whose tenant no longer declares the link gets its plain name back.
 */
export function addLinkChanges(file: TenantsFile, items: PlanItem[]): void {
  const byKey = new Map(items.map((item) => [`${item.provider}/${item.tenant}`, item]));
  for (const item of items) {
    if (item.action !== 'unchanged' && item.action !== 'update') continue;
    const target = linkOf(file, item.tenant, item.provider);
    const linked = target && byKey.get(`${target}/${item.tenant}`);
    if (target && linked && linkToSend(linked)) {
      item.changes.push({ field: target, current: null, desired: linked.name });
      item.action = 'update';
    }
    const linking = linkingProvider(item.provider);
    if (item.linkSent && linking && linkOf(file, item.tenant, linking) !== item.provider) {
      const current = markedName(item.provider, file.prefix, item.tenant, linking);
      item.changes.push({ field: 'name', current, desired: item.name });
      item.action = 'update';
    }
  }
}

/**
 * An orphan another declared record still calls through is never pruned (closing a Twilio
 * sub-account cannot be undone): its name carries the link mark and its tenant still declares the
 * linking record, or a declared record names its id directly (`extra.twilio_account_sid`).
 */
export function markInUse(file: TenantsFile, items: PlanItem[]): void {
  const namedBy = new Map<string, string>();
  for (const tenant of Object.keys(file.tenants))
    for (const provider of TENANT_PROVIDERS) {
      const want = desiredSpec(file, tenant, provider);
      const id = want && namesLinkable(provider, want);
      const target = linkableTarget(provider);
      if (id && target)
        namedBy.set(`${target}/${id}`, `tenant ${tenant}'s ${provider} entry names its id`);
    }
  for (const item of items) {
    if (item.action !== 'orphan') continue;
    const linking = linkingProvider(item.provider);
    const named = namedBy.get(`${item.provider}/${item.id}`);
    if (named) item.inUse = named;
    else if (
      linking &&
      hasLinkMark(item.provider, item.name) &&
      file.tenants[item.tenant]?.[linking]
    )
      item.inUse = `tenant ${item.tenant}'s ${linking} sub-account, still declared, was sent its credentials (the name's link mark); give it its plain name to let --prune close it`;
  }
}

/** The linked record is made by this plan, or exists without the mark of a sent link. */
function linkToSend(linked: PlanItem): boolean {
  if (linked.action === 'create') return true;
  return (linked.action === 'unchanged' || linked.action === 'update') && !linked.linkSent;
}

/** Apply's dependency order: each linking item waits for the linked item of its tenant. */
export class LinkWaits {
  readonly #file: TenantsFile;
  /** Linked records whose names carry the mark already (`provider/tenant`). */
  readonly #marked: Set<string>;
  readonly #waits = new Map<string, { done: Promise<Settled>; settle(s: Settled): void }>();

  constructor(plan: TenantPlan) {
    this.#file = plan.file;
    const marked = plan.items.filter((item) => item.linkSent);
    this.#marked = new Set(marked.map((item) => `${item.provider}/${item.tenant}`));
    for (const item of plan.items) {
      if (item.action === 'orphan') continue;
      const target = linkOf(plan.file, item.tenant, item.provider);
      if (target) this.#wait(`${target}/${item.tenant}`);
    }
  }

  /**
   * The linked record, once it is there, for an item that sends the link (a create, or an update
   * whose changes name it); throws (nothing sent) when it failed. Any other item goes on at once.
   */
  async before(item: PlanItem): Promise<LinkedRecord | undefined> {
    const target = linkOf(this.#file, item.tenant, item.provider);
    if (target === undefined) return undefined;
    const sendsLink =
      item.action === 'create' ||
      (item.action === 'update' && item.changes.some((change) => change.field === target));
    if (!sendsLink) return undefined;
    const key = `${target}/${item.tenant}`;
    const settled = await this.#wait(key).done;
    if (settled.id === undefined)
      throw new Error(
        `waits for tenant ${item.tenant}'s ${target} sub-account, which failed (${settled.failed ?? 'no record'}); nothing was sent`,
      );
    return { provider: target, id: settled.id, marked: this.#marked.has(key) };
  }

  /** An item ended: whatever waits for its record goes on. */
  settle(provider: TenantProvider, tenant: string, settled: Settled): void {
    this.#waits.get(`${provider}/${tenant}`)?.settle(settled);
  }

  /** Nothing more will run (the caller aborted): every wait ends as a failure. */
  abandon(reason: string): void {
    for (const wait of this.#waits.values()) wait.settle({ failed: reason });
  }

  #wait(key: string) {
    let wait = this.#waits.get(key);
    if (!wait) {
      let settle: (s: Settled) => void = () => {};
      const done = new Promise<Settled>((resolve) => {
        settle = resolve;
      });
      wait = { done, settle };
      this.#waits.set(key, wait);
    }
    return wait;
  }
}
