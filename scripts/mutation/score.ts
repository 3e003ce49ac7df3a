/** Per-file mutation scores from a StrykerJS JSON report (mutation-testing-report-schema). */

export interface Target {
  /** Lowest acceptable mutation score of the package, in percent. */
  minScore: number;
  /** Whether the package's tests need the Prism mocks. */
  prism: boolean;
}

export type MutantStatus =
  | 'Killed'
  | 'Survived'
  | 'NoCoverage'
  | 'Timeout'
  | 'CompileError'
  | 'RuntimeError'
  | 'Ignored'
  | 'Pending';

export interface MutationReport {
  files: Record<string, { mutants: Array<{ status: MutantStatus }> }>;
}

export interface FileScore {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  ignored: number;
  /** Mutants that broke the code itself (no test verdict): left out of the score, as Stryker does. */
  errors: number;
  /** Killed + timeout + survived + no coverage: the mutants the score is taken over. */
  valid: number;
  /** Detected (killed or timed out) over valid, in percent; 100 when there is nothing to detect. */
  score: number;
}

export interface ReportScore {
  files: Array<{ file: string } & FileScore>;
  total: FileScore;
}

function emptyScore(): FileScore {
  return {
    killed: 0,
    timeout: 0,
    survived: 0,
    noCoverage: 0,
    ignored: 0,
    errors: 0,
    valid: 0,
    score: 100,
  };
}

function count(score: FileScore, status: MutantStatus): void {
  switch (status) {
    case 'Killed':
      score.killed++;
      break;
    case 'Timeout':
      score.timeout++;
      break;
    case 'Survived':
      score.survived++;
      break;
    case 'NoCoverage':
      score.noCoverage++;
      break;
    case 'Ignored':
      score.ignored++;
      break;
    default:
      score.errors++;
  }
}

function finish(score: FileScore): FileScore {
  const detected = score.killed + score.timeout;
  score.valid = detected + score.survived + score.noCoverage;
  score.score = score.valid === 0 ? 100 : (100 * detected) / score.valid;
  return score;
}

/** Scores each file and the whole report; ignored mutants (marked equivalent) count nowhere. */
export function scoreReport(report: MutationReport): ReportScore {
  const total = emptyScore();
  const files = Object.entries(report.files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, { mutants }]) => {
      const score = emptyScore();
      for (const { status } of mutants) {
        count(score, status);
        count(total, status);
      }
      return { file, ...finish(score) };
    });
  return { files, total: finish(total) };
}

/** A fixed-width table: one row per file, then the total. */
export function formatScoreTable(score: ReportScore): string {
  const header = ['file', 'score %', 'killed', 'timeout', 'survived', 'no cov', 'ignored'];
  const row = (file: string, s: FileScore) => [
    file,
    s.score.toFixed(2),
    String(s.killed),
    String(s.timeout),
    String(s.survived),
    String(s.noCoverage),
    String(s.ignored),
  ];
  const rows = [header, ...score.files.map((f) => row(f.file, f)), row('total', score.total)];
  const widths = header.map((_, column) => Math.max(...rows.map((r) => (r[column] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0),
        )
        .join('  '),
    )
    .join('\n');
}
