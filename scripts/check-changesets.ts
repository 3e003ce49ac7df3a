/**
 * `pnpm check:changesets` (CI): versioning follows the specs. Fails when a provider's spec or
 * generated code changed since its release baseline without a pending changeset naming the
 * package, when a breaking spec change gets less than major (minor below 1.0.0), when a changed
 * spec keeps its info.version, when the facade is not released with a provider it wraps, or when
 * an internal dependency is not `workspace:^`. Rules: scripts/lib/changeset-check.ts.
 */
import { checkChangesets } from './lib/changeset-check.js';
import { repoRoot } from './lib/specs.js';

try {
  const { problems, notes } = await checkChangesets(repoRoot);
  for (const note of notes) console.log(`check:changesets: ${note}`);
  if (problems.length > 0) {
    console.error(`\ncheck:changesets: ${problems.length} problem(s):`);
    for (const problem of problems) console.error(`  ✗ ${problem}`);
    console.error('\nSee MAINTAINING.md ("When a provider\'s docs change").');
    process.exit(1);
  }
  console.log('check:changesets: versioning matches the spec changes');
} catch (error) {
  console.error(
    `check:changesets: could not run: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(2);
}
