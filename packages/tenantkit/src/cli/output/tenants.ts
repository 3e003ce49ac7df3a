/** How `tenantkit tenants plan|apply` print a plan and an apply's result for people. */
import type { ApplyResult, ItemResult, PlanItem, TenantPlan } from '../../tenants/index.js';
import { printable } from './printable.js';
import { gridTable } from './sheet.js';

const SIGN: Record<PlanItem['action'], string> = {
  create: '+',
  update: '~',
  unchanged: '=',
  orphan: '-',
  conflict: '!',
};

const value = (item: unknown) => (item === null ? 'null' : JSON.stringify(item));

function detail(item: PlanItem, prune: boolean): string {
  switch (item.action) {
    case 'create':
      return `create ${item.name}`;
    case 'update':
      return item.changes
        .map((change) => `${change.field}: ${value(change.current)} → ${value(change.desired)}`)
        .join('; ');
    case 'unchanged':
      return 'unchanged';
    case 'orphan':
      if (item.inUse)
        return `orphan ${item.name} (${item.id}): in use, kept even with --prune: ${item.inUse}`;
      return prune
        ? `delete ${item.name} (${item.id}): managed, not in the file`
        : `orphan ${item.name} (${item.id}): managed, not in the file (--prune deletes it)`;
    case 'conflict':
      return `conflict: ${item.ids?.length} records named ${item.name} (${item.ids?.join(', ')}); none will be touched`;
  }
}

/** One line per tenant and provider; unchanged ones only with `verbose`. */
export function planText(plan: TenantPlan, options: { prune: boolean; verbose?: boolean }): string {
  const lines: string[] = [];
  const items = [...plan.items].sort(
    (a, b) => a.tenant.localeCompare(b.tenant) || a.provider.localeCompare(b.provider),
  );
  for (const item of items) {
    if (item.action === 'unchanged' && !options.verbose) continue;
    lines.push(
      `${SIGN[item.action]} ${item.tenant}  ${item.provider}  ${detail(item, options.prune)}`,
    );
    if (item.notComparable.length > 0 && item.action !== 'create')
      lines.push(`    not comparable (sent on create only): ${item.notComparable.join(', ')}`);
  }
  const count = (action: PlanItem['action']) =>
    plan.items.filter((item) => item.action === action).length;
  const orphans = plan.items.filter((item) => item.action === 'orphan' && !item.inUse).length;
  lines.push(
    `Plan: ${count('create')} to create, ${count('update')} to update, ${orphans} to ${options.prune ? 'delete' : 'keep (orphans)'}, ${count('unchanged')} unchanged${count('conflict') > 0 ? `, ${count('conflict')} in conflict` : ''}.`,
  );
  return printable(lines.join('\n'));
}

/** The final table: every item that did something or failed, then the counts. */
export function applySummary(result: ApplyResult): string {
  const shown = result.items.filter((item) => item.outcome !== 'unchanged');
  const rows = shown
    .sort((a, b) => a.tenant.localeCompare(b.tenant) || a.provider.localeCompare(b.provider))
    .map((item: ItemResult) => [
      item.tenant,
      item.provider,
      item.outcome,
      item.id ?? '',
      item.message ?? '',
    ]);
  const counts = Object.entries(result.counts)
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${count} ${outcome}`)
    .join(', ');
  const table =
    rows.length > 0
      ? `${gridTable(['tenant', 'provider', 'outcome', 'id', 'message'], rows)}\n`
      : '';
  return printable(
    `${table}${result.converged ? 'Converged' : 'Not converged'}: ${counts || 'nothing to do'}.`,
  );
}
