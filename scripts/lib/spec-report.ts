/** Human-readable rendering of a provider's status against its release baseline. */
import type { ProviderStatus } from './release-baseline.js';
import type { BreakingFinding } from './spec-compat.js';

const MAX_CHANGES = 40;
const SYMBOL = { added: '+', removed: '-', changed: '~' } as const;

const short = (commit: string) => commit.slice(0, 7);

/** One line per distinct verdict, with every place it applies. */
function groupBreaking(findings: BreakingFinding[]): string[] {
  const groups = new Map<string, string[]>();
  for (const finding of findings) {
    const key = `${finding.message} [${finding.rule}]`;
    const places = groups.get(key) ?? [];
    places.push(`${finding.operation} ${finding.where}`.trim());
    groups.set(key, places);
  }
  return [...groups].flatMap(([verdict, places]) => [
    `    ✗ ${verdict}`,
    ...[...new Set(places)].map((place) => `        at ${place}`),
  ]);
}

export function verdictLine(status: ProviderStatus): string {
  if (status.level === 'none') return 'no release needed';
  const pkg = `${status.packageName ?? `packages/${status.provider}`}@${status.packageVersion ?? '?'}`;
  const why =
    status.level === 'breaking'
      ? 'breaking'
      : status.level === 'addition'
        ? 'additive (new operations, fields, parameters or values)'
        : status.specChanged
          ? 'non-breaking, nothing added (descriptions, examples, info or other compatible edits)'
          : 'generated code changed with the spec unchanged';
  const below1 = status.packageVersion?.startsWith('0.') ? ' (below 1.0.0: one level lower)' : '';
  const spec =
    status.specBump === 'none'
      ? ''
      : `; spec info.version needs a ${status.specBump} bump over ${status.baseline?.specVersion}`;
  return `${why} → ${pkg} needs a changeset with at least ${status.packageBump}${below1}${spec}`;
}

export function renderStatus(status: ProviderStatus): string {
  const base = status.baseline;
  const header = `${status.provider} — ${status.packageName ?? '(no package)'} ${status.packageVersion ?? ''}`;
  if (!base)
    return `${header}\n  no release baseline: never released, everything is new\n  verdict: ${verdictLine(status)}\n`;
  const since = `baseline ${short(base.commit)} (spec ${base.specVersion}, ${base.package}@${base.packageVersion})`;
  if (status.level === 'none') return `${header}\n  unchanged since ${since}\n`;
  const lines = [
    header,
    `  since ${since}: spec ${status.specChanged ? `changed (info.version ${base.specVersion} → ${status.headSpecVersion ?? 'deleted'})` : 'unchanged'}, generated code ${status.generatedChanged ? 'changed' : 'unchanged'}`,
  ];
  const comparison = status.comparison;
  if (comparison) {
    lines.push(
      comparison.breaking.length > 0
        ? `  BREAKING (${comparison.breaking.length} findings):`
        : '  breaking: none',
    );
    lines.push(...groupBreaking(comparison.breaking));
    if (comparison.changes.length === 0)
      lines.push('  operations: no operation changed (descriptions, examples or info only)');
    else {
      // The same edit of a shared schema shows up in every operation and status using it.
      const groups = new Map<string, string[]>();
      for (const change of comparison.changes) {
        const label = `${SYMBOL[change.change]} ${change.key || '(whole)'}  ${change.change}${change.additive ? ' (additive)' : ''}`;
        groups.set(label, [
          ...(groups.get(label) ?? []),
          `${change.operation} ${change.where}`.trim(),
        ]);
      }
      lines.push(`  changes (${comparison.changes.length}, ${groups.size} distinct):`);
      for (const [label, places] of [...groups].slice(0, MAX_CHANGES)) {
        const shown = places.slice(0, 3).join('; ');
        lines.push(
          `    ${label}`,
          `        at ${shown}${places.length > 3 ? `; … ${places.length - 3} more` : ''}`,
        );
      }
      if (groups.size > MAX_CHANGES) lines.push(`    … and ${groups.size - MAX_CHANGES} more`);
    }
  }
  lines.push(`  verdict: ${verdictLine(status)}`);
  return `${lines.join('\n')}\n`;
}
