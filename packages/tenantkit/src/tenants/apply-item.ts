/**
 * One plan item, done once: an update, a delete of a managed orphan (only with `prune`), or a
 * create. A create whose outcome is unknown is never repeated blindly: the record is looked up by
 * its name first, then adopted or created; generated passwords reach the secrets sink either way.
 */
import { type CallOptions, RequestError, Secret } from '@tenantkit/core';
import type { CreateInput, CreateResult, SubAccount } from '../model.js';
import type { Tenantkit } from '../tenantkit.js';
import type { ApplyOptions, ItemResult } from './apply.js';
import { desiredSpec } from './desired.js';
import { afterCreateInput, createInput, secretFields, updateInput } from './fields.js';
import type { LinkedRecord } from './links.js';
import { markedName, tenantKeyOf } from './naming.js';
import { type PlanItem, planOne, readManaged, type TenantPlan } from './plan.js';
import { type Environment, resolveSecret, type TenantSecret } from './secrets.js';
import type { TenantProvider } from './types.js';

/** A create that ended in an unknown outcome is looked up, and at most this often made again. */
const MAX_CREATE_ATTEMPTS = 3;

export const base = (item: PlanItem) => ({
  tenant: item.tenant,
  provider: item.provider,
  name: item.name,
  action: item.action,
  ...(item.id !== undefined && { id: item.id }),
});

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One plan item, done once. */
export class ItemWorker {
  constructor(
    private readonly tk: Tenantkit,
    private readonly plan: TenantPlan,
    private readonly options: ApplyOptions & { env: Environment },
    private readonly call: CallOptions,
    private readonly pageSize: number | undefined,
  ) {}

  /** `linked`: the record of another provider this one is linked to (see links.ts). */
  async run(item: PlanItem, linked?: LinkedRecord): Promise<ItemResult> {
    switch (item.action) {
      case 'unchanged':
        return { ...base(item), outcome: 'unchanged' };
      case 'conflict':
        return {
          ...base(item),
          outcome: 'failed',
          message: `${item.ids?.length} records at ${item.provider} are named ${item.name} (ids ${item.ids?.join(', ')}); none was touched: remove or rename all but one`,
        };
      case 'orphan':
        if (!this.options.prune)
          return { ...base(item), outcome: 'kept', message: 'managed but not in the file' };
        if (item.inUse)
          return { ...base(item), outcome: 'kept', message: `in use, not deleted: ${item.inUse}` };
        await this.tk.subaccounts.delete(item.provider, item.id as string, this.call);
        return { ...base(item), outcome: 'deleted' };
      case 'update':
        await this.update(item, item.id as string, item.changes, linked);
        return this.markLink(item, linked, { ...base(item), outcome: 'updated' });
      case 'create':
        return this.markLink(item, linked, await this.create(item, linked));
    }
  }

  /**
   * The link was sent with this item's create or update: the linked record's name now says so
   * (`links.ts`). If that rename fails the item fails, and the next plan sends the link again (a
   * rename whose answer was lost is read back first: done after all, the item succeeds).
   */
  private async markLink(
    item: PlanItem,
    linked: LinkedRecord | undefined,
    result: ItemResult,
  ): Promise<ItemResult> {
    if (!linked || linked.marked) return result;
    const { provider, id } = linked;
    const name = markedName(provider, this.plan.file.prefix, item.tenant, item.provider);
    try {
      await this.tk.subaccounts.update(provider, id, { name } as never, this.call);
      return result;
    } catch (error) {
      // The answer was lost, not the rename: read the name back before calling it a failure.
      if (await this.renamedAfterAll(provider, id, name)) return result;
      return {
        ...result,
        outcome: 'failed',
        message: `the ${provider} link was sent, but renaming ${provider} ${id} to "${name}" to record it failed (${messageOf(error)}); the next apply sends the link again`,
      };
    }
  }

  /**
   * After a failed rename: true when the record carries `name` now (read back). An update's lost
   * answer is not flagged `outcomeUnknown` (updates are retried, not looked up), so any failure is.
   */
  private async renamedAfterAll(
    provider: TenantProvider,
    id: string,
    name: string,
  ): Promise<boolean> {
    const record = await this.read(provider, id).catch(() => undefined);
    return record?.name === name;
  }

  private async update(
    item: PlanItem,
    id: string,
    changes: PlanItem['changes'],
    linked?: LinkedRecord,
  ): Promise<void> {
    if (changes.length === 0) return;
    const current = await this.read(item.provider, id);
    const patch = updateInput(item.provider, changes, current);
    // The link is a change while the linked record is new or unmarked (links.ts): send it then.
    const relink = linked && changes.some((change) => change.field === linked.provider);
    // A name changes only to drop the link mark of a link the file no longer declares.
    const rename = changes.find((change) => change.field === 'name');
    const named = rename ? { ...patch, name: rename.desired } : patch;
    const body = relink ? withLink(named, linked) : named;
    await this.tk.subaccounts.update(item.provider, id, body as never, this.call);
  }

  private async read(provider: TenantProvider, id: string): Promise<SubAccount> {
    return this.tk.subaccounts.get(provider, id, this.call);
  }

  private async create(item: PlanItem, linked?: LinkedRecord): Promise<ItemResult> {
    const want = desiredSpec(this.plan.file, item.tenant, item.provider);
    if (!want) throw new Error(`tenant ${item.tenant} has no ${item.provider} entry`);
    // Resolved once: an attempt after an unknown outcome sends the same password, so a record
    // the lost answer made holds the password handed to the sink.
    const secrets: Record<string, string> = {};
    const generated: string[] = [];
    for (const [field, ref] of Object.entries(secretFields(item.provider, want))) {
      const { value, generated: made } = resolveSecret(ref, this.options.env);
      secrets[field] = value;
      if (made) generated.push(field);
    }
    const made = createInput(item.provider, item.name, want, secrets);
    const input = linked ? withLink(made, linked) : made;
    for (let attempt = 1; ; attempt++) {
      let created: CreateResult;
      try {
        created = await this.tk.subaccounts.create(
          item.provider,
          input as CreateInput<typeof item.provider>,
          this.call,
        );
      } catch (error) {
        if (!(error instanceof RequestError && error.outcomeUnknown)) throw error;
        // It may exist: look before doing anything else.
        const found = await this.lookUp(item).catch((lookUpError: unknown) => {
          // The record may exist and hold the password generated here: keep it, or it is lost.
          this.handOver(item, undefined, secrets, generated);
          throw new Error(
            `the create's outcome was unknown and looking ${item.name} up failed (${messageOf(lookUpError)}); ${generated.length > 0 ? 'its generated password went to the secrets sink in case the record exists; ' : ''}the next apply adopts it or creates it`,
          );
        });
        if (found.length > 1)
          throw new Error(
            `the create's outcome was unknown and ${found.length} records named ${item.name} exist now (ids ${found.map((r) => r.id).join(', ')}); none was touched`,
          );
        const record = found[0];
        if (record) return this.adopt(item, record, secrets, generated, want);
        if (attempt >= MAX_CREATE_ATTEMPTS)
          throw new Error(
            `${attempt} creates of ${item.name} ended with an unknown outcome and none made the record; last: ${messageOf(error)}`,
          );
        continue;
      }
      this.handOver(item, created.id, secrets, generated);
      for (const [field, value] of Object.entries(created.credentials as Record<string, Secret>))
        this.secret(item, created.id, field, 'handed-out', value);
      // Fields the provider's create does not take (a Twilio sub-account declared suspended).
      const after = afterCreateInput(item.provider, want);
      if (after)
        await this.tk.subaccounts.update(item.provider, created.id, after as never, this.call);
      return { ...base(item), id: created.id, outcome: 'created' };
    }
  }

  /** The record an unknown-outcome create made: checked against the file, updated if needed. */
  private async adopt(
    item: PlanItem,
    record: SubAccount,
    secrets: Record<string, string>,
    generated: string[],
    want: NonNullable<ReturnType<typeof desiredSpec>>,
  ): Promise<ItemResult> {
    this.handOver(item, record.id, secrets, generated);
    const { changes } = planOne(item.tenant, item.provider, item.name, want, [record]);
    await this.update(item, record.id, changes);
    return {
      ...base(item),
      id: record.id,
      outcome: 'adopted',
      message:
        "the create's answer was lost but the record was made; one-time credentials in that answer cannot be recovered",
    };
  }

  private handOver(
    item: PlanItem,
    id: string | undefined,
    secrets: Record<string, string>,
    generated: string[],
  ): void {
    for (const field of generated)
      this.secret(item, id, field, 'generated', new Secret(secrets[field] as string));
  }

  private secret(
    item: PlanItem,
    id: string | undefined,
    field: string,
    origin: TenantSecret['origin'],
    value: Secret,
  ): void {
    this.options.onSecret?.({
      tenant: item.tenant,
      provider: item.provider,
      ...(id !== undefined && { id }),
      name: item.name,
      field,
      origin,
      value,
    });
  }

  private async lookUp(item: PlanItem): Promise<SubAccount[]> {
    const records = await readManaged(
      this.tk,
      this.plan.file.prefix,
      item.provider,
      this.pageSize,
      this.call,
    );
    const found = records.get(item.tenant) ?? [];
    return found.filter(
      (record) => tenantKeyOf(item.provider, this.plan.file.prefix, record.name) === item.tenant,
    );
  }
}

/** A create or update input with the linked record under its provider's name (`twilio: {…}`). */
function withLink<T extends object>(input: T, linked: LinkedRecord): T {
  return { ...input, [linked.provider]: { provider: linked.provider, id: linked.id } };
}
