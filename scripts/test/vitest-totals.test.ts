/**
 * Regression: a test file whose `beforeAll` failed (the sandbox took longer than the 60 s hook
 * guard) had its 10 tests reported as skipped, and CI's last line said "0 failed". The totals are
 * read from a real vitest report of two fixture files.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { totalsOf, type VitestReport } from '../lib/vitest-totals.js';

const fixtures = new URL('./fixtures/vitest-totals/', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'vitest-totals-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function reportOf(...files: string[]): VitestReport {
  const report = join(out, 'report.json');
  const run = spawnSync(
    process.execPath,
    [
      join(fixtures, '../../../../node_modules/vitest/vitest.mjs'),
      'run',
      '--root',
      fixtures,
      '--config',
      join(fixtures, 'vitest.config.mjs'),
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...files,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(run.status, run.stderr).toBe(1);
  return JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
}

describe('pnpm test totals', () => {
  it('count the tests of a file that failed outside its tests as failed', () => {
    const report = reportOf('broken-setup');
    expect(report.numFailedTests).toBe(0); // what vitest says
    const totals = totalsOf(report);
    expect(totals).toMatchObject({ passed: 0, failed: 2 });
    expect(totals.brokenFiles).toEqual([join(fixtures, 'broken-setup.fixture.ts')]);
  });

  it('count a failed test once and a skipped test not at all', () => {
    const totals = totalsOf(reportOf('fine'));
    expect(totals).toEqual({ passed: 1, failed: 1, brokenFiles: [] });
  });

  it('add both kinds across files', () => {
    expect(totalsOf(reportOf())).toMatchObject({ passed: 1, failed: 3 });
  });
});
