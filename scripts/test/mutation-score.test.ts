import { describe, expect, it } from 'vitest';
import { formatScoreTable, type MutantStatus, scoreReport } from '../mutation/score.js';

const mutants = (...statuses: MutantStatus[]) => ({
  mutants: statuses.map((status) => ({ status })),
});

describe('mutation scores', () => {
  const report = {
    files: {
      'packages/core/src/redact.ts': mutants('Killed', 'Killed', 'Timeout', 'Survived', 'Ignored'),
      'packages/core/src/errors.ts': mutants(
        'NoCoverage',
        'Killed',
        'CompileError',
        'RuntimeError',
      ),
      'packages/core/src/index.ts': mutants(),
    },
  };

  it('counts killed and timed-out mutants as detected, over all but ignored and broken ones', () => {
    const score = scoreReport(report);
    expect(score.files.map((file) => [file.file, file.valid, file.score])).toEqual([
      ['packages/core/src/errors.ts', 2, 50],
      ['packages/core/src/index.ts', 0, 100],
      ['packages/core/src/redact.ts', 4, 75],
    ]);
    expect(score.total).toEqual({
      killed: 3,
      timeout: 1,
      survived: 1,
      noCoverage: 1,
      ignored: 1,
      errors: 2,
      valid: 6,
      score: (100 * 4) / 6,
    });
  });

  it('prints one aligned row per file and a total', () => {
    const lines = formatScoreTable(scoreReport(report)).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^file\s+score %\s+killed\s+timeout\s+survived\s+no cov\s+ignored$/);
    expect(lines[3]).toMatch(/^packages\/core\/src\/redact\.ts\s+75\.00\s+2\s+1\s+1\s+0\s+1$/);
    expect(lines[4]).toMatch(/^total\s+66\.67\s+3\s+1\s+1\s+1\s+1$/);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });
});
