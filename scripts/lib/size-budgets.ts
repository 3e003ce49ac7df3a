/**
 * The size budgets `pnpm size` enforces, read from each package's own package.json
 * (`"tenantkit": { "size": { … } }`), so a new provider package brings its budget with it. Every
 * provider package must have one: a package without a budget is an error, not a skipped case.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagedProviderSpecs, repoRoot } from './specs.js';

/** One package's `"tenantkit": { "size": … }` block. */
interface SizeBlock {
  /** What the consumer imports: one export's name, or `*` for everything. */
  import: string;
  /** min+gzip kB: the goal (issue 11). Over it is reported. */
  targetKb?: number;
  /** min+gzip kB: above this CI fails. */
  ceilingKb?: number;
  /** Why the ceiling is where it is: each raise, with what was measured (kept with the number). */
  why?: string[];
}

export interface SizeCase {
  name: string;
  /** The consumer's code. */
  consumer: string;
  targetKb: number | undefined;
  ceilingKb: number | undefined;
}

function caseOf(packageName: string, size: SizeBlock): SizeCase {
  const consumer =
    size.import === '*'
      ? `export * from '${packageName}';`
      : `import { ${size.import} } from '${packageName}';\nconsole.log(${size.import});`;
  const name = size.import === '*' ? `${packageName} (everything)` : packageName;
  return { name, consumer, targetKb: size.targetKb, ceilingKb: size.ceilingKb };
}

/** The cases, one per package with a budget (in directory order); throws for a provider without. */
export function sizeCases(root = repoRoot): SizeCase[] {
  const dir = join(root, 'packages');
  const budgeted = new Map<string, SizeCase>();
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (!entry.isDirectory()) continue;
    let manifest: { name?: string; tenantkit?: { size?: SizeBlock } };
    try {
      manifest = JSON.parse(readFileSync(join(dir, entry.name, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    const size = manifest.tenantkit?.size;
    if (size && manifest.name) budgeted.set(entry.name, caseOf(manifest.name, size));
  }
  const providers = new Set(packagedProviderSpecs(root).map(({ provider }) => provider));
  const missing = [...providers]
    .filter((provider) => !budgeted.has(provider))
    .map((provider) => `packages/${provider}/package.json`);
  if (missing.length > 0)
    throw new Error(`no size budget in ${missing.join(', ')}: add "tenantkit": { "size": { … } }`);
  // Everything first, then each provider's client alone, then what builds on them (the facade).
  const rank = (dir: string, item: SizeCase) =>
    item.consumer.startsWith('export *') ? 0 : providers.has(dir) ? 1 : 2;
  return [...budgeted].sort(([a, x], [b, y]) => rank(a, x) - rank(b, y)).map(([, item]) => item);
}
