/**
 * The totals of a vitest JSON report, as CI prints them (`N passed, N failed`). A file that fails
 * outside its tests (a `beforeAll` that throws, a hook that times out, an import error) reports its
 * tests as skipped and `numFailedTests: 0`: counted as such, a broken file would read "0 failed".
 * Here each test of such a file that did not pass counts as failed (the file itself, if it has none).
 */
export interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults?: readonly {
    name: string;
    status: string;
    assertionResults?: readonly { status: string }[];
  }[];
}

export interface Totals {
  passed: number;
  failed: number;
  /** Files that failed outside their tests, for the message. */
  brokenFiles: string[];
}

export function totalsOf(report: VitestReport): Totals {
  let failed = report.numFailedTests;
  const brokenFiles: string[] = [];
  for (const file of report.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    if (file.status !== 'failed' || tests.some((test) => test.status === 'failed')) continue;
    brokenFiles.push(file.name);
    failed += Math.max(1, tests.filter((test) => test.status !== 'passed').length);
  }
  return { passed: report.numPassedTests, failed, brokenFiles };
}
