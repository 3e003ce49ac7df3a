/**
 * `apply`: brings each provider to the plan. Creates and updates first (each provider's own
 * queue, a concurrency limit per provider; the clients keep to each provider's rate limit; a
 * record linked to another provider's waits for that one, tenant by tenant: `links.ts`), then,
 * only with `prune`, deletes of managed orphans. A failure is reported and the independent work
 * goes on. Each item is done by `apply-item.ts`.
 */
import type { CallOptions } from '@tenantkit/core';
import type { Tenantkit } from '../tenantkit.js';
import { MissingSecretsError, StalePlanError } from './apply-errors.js';
import { base, ItemWorker, messageOf } from './apply-item.js';
import { desiredSpec } from './desired.js';
import { secretFields } from './fields.js';
import { LinkWaits } from './links.js';
import { type PlanItem, type PlanOptions, planTenants, type TenantPlan } from './plan.js';
import { runPool } from './pool.js';
import {
  type Environment,
  type MissingSecret,
  missingVariable,
  type TenantSecret,
} from './secrets.js';
import type { TenantProvider, TenantsFile } from './types.js';

export { MissingSecretsError, StalePlanError } from './apply-errors.js';

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

const OUTCOMES: ItemOutcome[] = [
  'created',
  'adopted',
  'updated',
  'unchanged',
  'deleted',
  'kept',
  'failed',
];

function isPlan(value: TenantPlan | TenantsFile): value is TenantPlan {
  return Array.isArray((value as TenantPlan).items);
}

function defaultEnv(): Environment {
  const process = (globalThis as { process?: { env?: Environment } }).process;
  return process?.env ?? {};
}

/**
 * A plan's meaning, for comparing a saved plan with a fresh one. An orphan's name and whether it
 * is in use count: a marked orphan renamed plain since would be closed where the plan kept it.
 */
const itemKey = (item: PlanItem) =>
  JSON.stringify([
    item.tenant,
    item.provider,
    item.action,
    item.id,
    item.ids,
    item.changes,
    item.action === 'orphan' ? item.name : undefined,
    item.inUse !== undefined,
  ]);

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
  const links = new LinkWaits(plan);
  options.signal?.addEventListener('abort', () => links.abandon('aborted'), { once: true });
  const run = async (item: PlanItem) => {
    let result: ItemResult;
    try {
      result = await worker.run(item, await links.before(item));
    } catch (error) {
      result = { ...base(item), outcome: 'failed', message: messageOf(error) };
    }
    links.settle(item.provider, item.tenant, {
      ...(result.outcome !== 'failed' && result.id !== undefined && { id: result.id }),
      ...(result.outcome === 'failed' && { failed: result.message }),
    });
    report(result);
  };
  const limit = options.concurrency ?? 4;
  const byProvider = (items: PlanItem[]) =>
    plan.providers.map((provider) => items.filter((item) => item.provider === provider));
  // Creates and updates on every provider at once, each provider with its own queue…
  const converge = plan.items.filter((item) => item.action !== 'orphan');
  const stops = [options.signal, options.stop];
  await Promise.all(
    byProvider(converge).map(async (items) => {
      await runPool(items, limit, run, stops);
      // Stopped before some items started: an item of another provider that waits for one of
      // them would wait for ever (the CLI's first Ctrl-C hung); it fails instead, nothing sent.
      for (const item of items)
        links.settle(item.provider, item.tenant, { failed: 'not started: the apply was stopped' });
    }),
  );
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
