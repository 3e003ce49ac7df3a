/**
 * Keeps Stryker's incremental results honest about static mutants.
 *
 * A static mutant sits in code that runs when a module loads (a pattern's flags, a constant), so
 * Stryker runs it against every test and records no per-test coverage for it. Its incremental
 * mode re-tests a survivor only when a test that covers it is added, so a static survivor is never
 * re-tested, however the tests change. When any test file of the package changed since the
 * recorded run, this drops those results so the next run tests them again.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

interface IncrementalReport {
  files: Record<string, { mutants: Array<{ static?: boolean; status: string }> }>;
  testFiles?: Record<string, { source?: string }>;
}

/** The package's test files (relative to `root`) and their content. */
export function currentTestFiles(root: string, packageDir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.test.ts'))
        files.set(relative(root, path), readFileSync(path, 'utf8'));
    }
  };
  const testDir = join(root, packageDir, 'test');
  if (existsSync(testDir)) walk(testDir);
  return files;
}

function testsChanged(report: IncrementalReport, tests: Map<string, string>): boolean {
  const recorded = report.testFiles ?? {};
  if (Object.keys(recorded).length !== tests.size) return true;
  return [...tests].some(([file, source]) => recorded[file]?.source !== source);
}

/**
 * Removes the static mutants that were not killed from the incremental file at `file` when the
 * tests differ from the recorded ones. Returns how many were removed (0 when nothing changed).
 */
export function forgetStaticSurvivors(file: string, tests: Map<string, string>): number {
  if (!existsSync(file)) return 0;
  const report = JSON.parse(readFileSync(file, 'utf8')) as IncrementalReport;
  if (!testsChanged(report, tests)) return 0;
  let removed = 0;
  for (const entry of Object.values(report.files)) {
    const kept = entry.mutants.filter(
      (mutant) => !mutant.static || mutant.status === 'Killed' || mutant.status === 'Timeout',
    );
    removed += entry.mutants.length - kept.length;
    entry.mutants = kept;
  }
  if (removed > 0) writeFileSync(file, JSON.stringify(report));
  return removed;
}
