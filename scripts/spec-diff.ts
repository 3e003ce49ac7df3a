/**
 * `pnpm spec:diff [provider]`: compares each specs/<provider>.yaml (working tree) with its last
 * released version (.changeset/released-specs.json) and prints, per provider, what changed,
 * which changes are breaking (Optic's breaking-changes ruleset) and the bump that requires.
 * Breaking changes do not fail this command (`pnpm check:changesets` owns that verdict); it exits
 * non-zero only when it cannot run.
 *
 * `pnpm spec:diff --record [commit]` (run by `pnpm release:version`) records `commit` (default
 * HEAD) as the released baseline of every provider.
 */
import { providerStatus, readBaseline, recordBaseline } from './lib/release-baseline.js';
import { renderStatus } from './lib/spec-report.js';
import { providerSpecs, repoRoot } from './lib/specs.js';

const args = process.argv.slice(2);
try {
  if (args[0] === '--record') {
    const baseline = recordBaseline(repoRoot, args[1] ?? 'HEAD');
    for (const [provider, entry] of Object.entries(baseline.providers))
      console.log(
        `recorded ${provider}: spec ${entry.specVersion} at ${entry.commit.slice(0, 7)} as released with ${entry.package}@${entry.packageVersion}`,
      );
  } else {
    const only = args[0];
    const providers = providerSpecs(repoRoot)
      .map((spec) => spec.provider)
      .filter((p) => !only || p === only);
    if (providers.length === 0) throw new Error(`no spec named specs/${only}.yaml`);
    const baseline = readBaseline(repoRoot);
    for (const provider of providers)
      console.log(renderStatus(await providerStatus(repoRoot, provider, baseline)));
  }
} catch (error) {
  console.error(`spec:diff failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
