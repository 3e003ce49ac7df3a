/**
 * Runs every test (unit, contract against Prism, type tests) once and ends with one line,
 * `N passed, N failed`, the totals CI reads. Exits non-zero on any failure or if nothing ran.
 *
 * Without arguments, every test file runs as one project (vitest.all.config.ts: each worker loads a
 * module once for all packages, not once per package), and the type tests run in a second vitest
 * beside it: vitest checks a typecheck project (one `tsc`, seconds of CPU on one core) only after
 * every other file, so on a 2-core machine it was a tail with one core idle. Their output is
 * printed after the tests'.
 * With arguments (`pnpm test --project X`, `pnpm test -- --reporter=verbose`), one vitest as asked.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/specs.js';
import { totalsOf, type VitestReport } from './lib/vitest-totals.js';

interface Part {
  args: string[];
  /** Where its JSON report goes (read for the totals). */
  report: string;
  /** Its output is printed once it ended (a second vitest must not interleave with the first). */
  buffered: boolean;
}

mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
const asked = process.argv.slice(2);
const parts: Part[] = (
  asked.length > 0
    ? [{ args: asked, name: 'vitest', buffered: false }]
    : [
        { args: ['--config', 'vitest.all.config.ts'], name: 'vitest', buffered: false },
        { args: ['--project', 'types'], name: 'vitest-types', buffered: true },
      ]
).map(({ args, name, buffered }) => ({
  args,
  buffered,
  report: join(repoRoot, '.tmp', `${name}-report.json`),
}));

/** One vitest run: its exit status, and its output if buffered. */
function run({ args, report, buffered }: Part): Promise<{ status: number; output: string }> {
  rmSync(report, { force: true });
  const child = spawn(
    'pnpm',
    [
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...args,
    ],
    { cwd: repoRoot, stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit' },
  );
  const output: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('error', (error) => {
      output.push(Buffer.from(`test: could not start vitest: ${error.message}\n`));
      resolve({ status: 1, output: Buffer.concat(output).toString() });
    });
    child.on('close', (status) =>
      resolve({ status: status ?? 1, output: Buffer.concat(output).toString() }),
    );
  });
}

const results = await Promise.all(parts.map(run));
for (const { output } of results) if (output) process.stdout.write(output);

let passed = 0;
let failed = 0;
for (const { report } of parts) {
  if (!existsSync(report)) {
    console.log(`${passed} passed, ${failed + 1} failed`);
    console.error(`test: vitest wrote no report (${report})`);
    process.exit(1);
  }
  const totals = totalsOf(JSON.parse(readFileSync(report, 'utf8')) as VitestReport);
  for (const file of totals.brokenFiles)
    console.error(`test: ${file} failed outside its tests (its tests count as failed)`);
  passed += totals.passed;
  failed += totals.failed;
}
// vitest failed with every test passed (an unhandled error between tests): one failure, not none.
if (failed === 0 && results.some(({ status }) => status !== 0)) {
  console.error('test: vitest exited non-zero though no test failed (see its errors above)');
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
