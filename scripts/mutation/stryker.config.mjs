// StrykerJS configuration for one package, chosen by TENANTKIT_MUTATION_PACKAGE (set by
// `pnpm test:mutation`, see scripts/mutation.ts; default `core`). Run from the repository root so
// the sandbox holds the whole workspace: provider tests need scripts/ (Prism setup) and specs/.
import { existsSync, readFileSync } from 'node:fs';

const targets = JSON.parse(readFileSync(new URL('./targets.json', import.meta.url), 'utf8'));
// biome-ignore lint/suspicious/noUndeclaredEnvVars: set by scripts/mutation.ts; no turbo task reads it
const name = process.env.TENANTKIT_MUTATION_PACKAGE ?? 'core';
const target = targets[name];
if (!target) throw new Error(`unknown mutation package "${name}" (known: ${Object.keys(targets)})`);
// biome-ignore lint/suspicious/noUndeclaredEnvVars: set by scripts/mutation.ts; no turbo task reads it
const reports = process.env.TENANTKIT_MUTATION_REPORTS ?? `reports/mutation/${name}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // By name: Stryker's default plugin glob looks beside its own package, which pnpm keeps apart.
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'scripts/mutation/vitest.config.ts' },
  // Hand-written source only: generated clients and data tables are not ours to pin down. A
  // provider package's `provider.ts` is its registry entry (capability prose, CLI flags, env names):
  // data the facade reads, pinned by the tenantkit package's tests (README matrices, CLI help,
  // secret settings), which a provider's own test run does not load; its ~100 literals would all
  // survive as static mutants there and take most of the run (measured on twilio, see MAINTAINING).
  mutate: [
    `packages/${name}/src/**/*.ts`,
    ...['generated', 'data']
      .filter((dir) => existsSync(`packages/${name}/src/${dir}`))
      .map((dir) => `!packages/${name}/src/${dir}/**`),
    // Its `tenants.ts` (the definition's tenant-sync rules) likewise: pinned by the tenantkit
    // package's tenants tests, which a provider's own run does not load (and tenantkit's own
    // `src/tenants/` held these rules, unmutated, until they moved into the provider packages).
    ...(name === 'core'
      ? []
      : [`!packages/${name}/src/provider.ts`, `!packages/${name}/src/tenants.ts`]),
  ],
  coverageAnalysis: 'perTest',
  // Not shared: the file is a cache of this checkout's last run (see MAINTAINING.md).
  incremental: true,
  incrementalFile: `${reports}/incremental.json`,
  concurrency: 2,
  // A loaded, shared machine: a slow mutant should not be misread as an infinite loop. A timeout
  // counts as killed and incremental runs keep it, so a false one would inflate the score for good:
  // with 10 s, a run under load (load average 17 on 2 cores) timed out 16 of 52 synthflow mutants
  // that had survived or been killed outright on a quiet machine.
  timeoutMS: 30_000,
  reporters: ['progress', 'clear-text', 'html', 'json'],
  htmlReporter: { fileName: `${reports}/index.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  clearTextReporter: { allowEmojis: false, reportTests: false, reportScoreTable: true },
  // Colours only: scripts/mutation.ts holds each package to its target (a focused run is not).
  thresholds: { high: 90, low: target.minScore, break: null },
  // The sandbox copies the repository; these are build output, caches and earlier reports.
  ignorePatterns: ['.turbo', '.tmp', 'coverage', 'reports', '*.tgz'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
