/**
 * `apply`: brings each provider to the plan. Creates and updates first (each provider's own
 * queue, a concurrency limit per provider; the clients keep to each provider's rate limit), then,
 * only with `prune`, deletes of managed orphans. A failure is reported and the independent work
 * goes on. A create whose outcome is unknown is never repeated blindly: the record is looked up
 * by its name first, then adopted or created.
 */
import { type CallOptions, RequestError, Secret } from '@tenantkit/core';
import type { CreateInput, CreateResult, SubAccount } from '../model.js';
import type { Tenantkit } from '../tenantkit.js';
import { desiredSpec } from './desired.js';
import { createInput, secretFields, updateInput } from './fields.js';
import { tenantKeyOf } from './naming.js';
import {
  type PlanItem,
  type PlanOptions,
  planOne,
  planTenants,
  readManaged,
  type TenantPlan,
} from './plan.js';
import { runPool } from './pool.js';
import {
  type Environment,
  type MissingSecret,
  missingVariable,
  resolveSecret,
  type TenantSecret,
} from './secrets.js';
import type { TenantProvider, TenantsFile } from './types.js';

export type ItemOutcome =
  | 'created'
  | 'adopted'
  | 'updated'
  | 'unchanged'
  | 'deleted'
  | 'kept'
  | 'failed';

export interface ItemResult {
  tenant: string;
  provider: TenantProvider;
  name: string;
  /** What the plan said. */
  action: PlanItem['action'];
  outcome: ItemOutcome;
  id?: string;
  /** Why it failed (the provider's error, secrets redacted), or what to know about it. */
  message?: string;
}

export type ApplyEvent =
  | { type: 'start'; total: number }
  | ({ type: 'item'; done: number; total: number } & ItemResult)
  | { type: 'end'; result: ApplyResult };

export interface ApplyResult {
  /** True when every item reached the file's state (nothing failed). */
  converged: boolean;
  items: ItemResult[];
  counts: Record<ItemOutcome, number>;
}

export interface ApplyOptions extends Pick<PlanOptions, 'pageSize' | 'timeoutMs' | 'maxRetries'> {
  /** Delete managed orphans. Without it they are kept (and reported as `kept`). */
  prune?: boolean;
  /** Items in flight per provider. Default 4. */
  concurrency?: number;
  onProgress?(event: ApplyEvent): void;
  /** Receives each generated password and each one-time credential a create hands out. */
  onSecret?(secret: TenantSecret): void;
  /** Aborts at once: requests in flight too (a create's one-time credentials may be lost). */
  signal?: AbortSignal;
  /**
   * Stops gently: no item is started once it is aborted, those in flight finish (so their
   * one-time credentials reach `onSecret`). The result has only the items done; it is not
   * converged, and the next apply picks up the rest.
   */
  stop?: AbortSignal;
  /** Where `{ env: NAME }` secrets are read. Default `process.env` where there is one. */
  env?: Environment;
}

/** A saved plan no longer matches the providers: plan again. Nothing was sent. */
export class StalePlanError extends Error {
  override readonly name = 'StalePlanError';
  readonly differences: readonly string[];
  constructor(differences: string[]) {
    super(
      `the providers changed since the plan was made (${differences.slice(0, 5).join('; ')}${differences.length > 5 ? '; …' : ''}); plan again`,
    );
    this.differences = differences;
  }
}

/** Secrets the file references are missing from the environment. Nothing was sent. */
export class MissingSecretsError extends Error {
  override readonly name = 'MissingSecretsError';
  readonly missing: readonly MissingSecret[];
  constructor(missing: MissingSecret[]) {
    super(
      `environment variables the file references are not set: ${missing
        .map((item) => `${item.variable} (tenant ${item.tenant}, ${item.provider}, ${item.field})`)
        .join('; ')}`,
    );
    this.missing = missing;
  }
}

const OUTCOMES: ItemOutcome[] = [
  'created',
  'adopted',
  'updated',
  'unchanged',
  'deleted',
  'kept',
  'failed',
];
/** A create that ended in an unknown outcome is looked up, and at most this often made again. */
const MAX_CREATE_ATTEMPTS = 3;

function isPlan(value: TenantPlan | TenantsFile): value is TenantPlan {
  return Array.isArray((value as TenantPlan).items);
}

function defaultEnv(): Environment {
  const process = (globalThis as { process?: { env?: Environment } }).process;
  return process?.env ?? {};
}

/** A plan's meaning, for comparing a saved plan with a fresh one. */
const itemKey = (item: PlanItem) =>
  JSON.stringify([item.tenant, item.provider, item.action, item.id, item.ids, item.changes]);

export async function applyTenants(
  tk: Tenantkit,
  planOrFile: TenantPlan | TenantsFile,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const { pageSize, timeoutMs, maxRetries, signal } = options;
  const call: CallOptions = {
    ...(signal && { signal }),
    ...(timeoutMs !== undefined && { timeoutMs }),
    ...(maxRetries !== undefined && { maxRetries }),
  };
  const readOptions = { ...call, ...(pageSize !== undefined && { pageSize }) };
  const file = isPlan(planOrFile) ? planOrFile.file : planOrFile;
  const fresh = await planTenants(tk, file, {
    ...readOptions,
    ...(isPlan(planOrFile) && { providers: planOrFile.providers }),
  });
  if (isPlan(planOrFile)) {
    const saved = new Set(planOrFile.items.map(itemKey));
    const now = new Set(fresh.items.map(itemKey));
    const differences = [
      ...fresh.items.filter((item) => !saved.has(itemKey(item))),
      ...planOrFile.items.filter((item) => !now.has(itemKey(item))),
    ].map((item) => `${item.tenant} on ${item.provider}`);
    if (differences.length > 0) throw new StalePlanError([...new Set(differences)]);
  }
  const env = options.env ?? defaultEnv();
  checkSecrets(fresh, env);
  return execute(tk, fresh, { ...options, env }, call, pageSize);
}

function checkSecrets(plan: TenantPlan, env: Environment): void {
  const missing: MissingSecret[] = [];
  for (const item of plan.items) {
    if (item.action !== 'create') continue;
    const want = desiredSpec(plan.file, item.tenant, item.provider);
    if (!want) continue;
    for (const [field, ref] of Object.entries(secretFields(item.provider, want))) {
      const variable = missingVariable(ref, env);
      if (variable) missing.push({ tenant: item.tenant, provider: item.provider, field, variable });
    }
  }
  if (missing.length > 0) throw new MissingSecretsError(missing);
}

async function execute(
  tk: Tenantkit,
  plan: TenantPlan,
  options: ApplyOptions & { env: Environment },
  call: CallOptions,
  pageSize: number | undefined,
): Promise<ApplyResult> {
  const results: ItemResult[] = [];
  const total = plan.items.length;
  const report = (result: ItemResult) => {
    results.push(result);
    options.onProgress?.({ type: 'item', done: results.length, total, ...result });
  };
  options.onProgress?.({ type: 'start', total });
  const worker = new ItemWorker(tk, plan, options, call, pageSize);
  const run = async (item: PlanItem) => {
    try {
      report(await worker.run(item));
    } catch (error) {
      report({ ...base(item), outcome: 'failed', message: messageOf(error) });
    }
  };
  const limit = options.concurrency ?? 4;
  const byProvider = (items: PlanItem[]) =>
    plan.providers.map((provider) => items.filter((item) => item.provider === provider));
  // Creates and updates on every provider at once, each provider with its own queue…
  const converge = plan.items.filter((item) => item.action !== 'orphan');
  const stops = [options.signal, options.stop];
  await Promise.all(byProvider(converge).map((items) => runPool(items, limit, run, stops)));
  // …then orphans, once everything else has been tried.
  const orphans = plan.items.filter((item) => item.action === 'orphan');
  await Promise.all(byProvider(orphans).map((items) => runPool(items, limit, run, stops)));
  const counts = Object.fromEntries(
    OUTCOMES.map((outcome) => [outcome, 0]),
  ) as ApplyResult['counts'];
  for (const result of results) counts[result.outcome]++;
  const result: ApplyResult = {
    converged: counts.failed === 0 && results.length === total,
    items: results,
    counts,
  };
  options.onProgress?.({ type: 'end', result });
  return result;
}

const base = (item: PlanItem) => ({
  tenant: item.tenant,
  provider: item.provider,
  name: item.name,
  action: item.action,
  ...(item.id !== undefined && { id: item.id }),
});

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One plan item, done once. */
class ItemWorker {
  constructor(
    private readonly tk: Tenantkit,
    private readonly plan: TenantPlan,
    private readonly options: ApplyOptions & { env: Environment },
    private readonly call: CallOptions,
    private readonly pageSize: number | undefined,
  ) {}

  async run(item: PlanItem): Promise<ItemResult> {
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
        await this.tk.subaccounts.delete(item.provider, item.id as string, this.call);
        return { ...base(item), outcome: 'deleted' };
      case 'update':
        await this.update(item, item.id as string, item.changes);
        return { ...base(item), outcome: 'updated' };
      case 'create':
        return this.create(item);
    }
  }

  private async update(item: PlanItem, id: string, changes: PlanItem['changes']): Promise<void> {
    if (changes.length === 0) return;
    const current = await this.read(item.provider, id);
    const patch = updateInput(item.provider, changes, current);
    await this.tk.subaccounts.update(item.provider, id, patch as never, this.call);
  }

  private async read(provider: TenantProvider, id: string): Promise<SubAccount> {
    return this.tk.subaccounts.get(provider, id, this.call);
  }

  private async create(item: PlanItem): Promise<ItemResult> {
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
    const input = createInput(item.provider, item.name, want, secrets);
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
