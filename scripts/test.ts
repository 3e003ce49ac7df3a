/**
 * Runs every test (unit, contract against Prism, type tests) once and ends with one line,
 * `N passed, N failed`, the totals CI reads. Exits non-zero on any failure or if nothing ran.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/specs.js';

const report = join(repoRoot, '.tmp', 'vitest-report.json');
mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
rmSync(report, { force: true });

const vitest = spawnSync(
  'pnpm',
  [
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { cwd: repoRoot, stdio: 'inherit' },
);

if (!existsSync(report)) {
  console.log('0 passed, 1 failed');
  console.error('test: vitest wrote no report');
  process.exit(1);
}
const totals = JSON.parse(readFileSync(report, 'utf8')) as {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
};
console.log(`${totals.numPassedTests} passed, ${totals.numFailedTests} failed`);
process.exit(
  vitest.status !== 0 || totals.numFailedTests > 0 || totals.numPassedTests === 0 ? 1 : 0,
);
