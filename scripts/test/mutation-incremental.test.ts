import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { currentTestFiles, forgetStaticSurvivors } from '../mutation/incremental.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'tk-mutation-'));
  dirs.push(root);
  mkdirSync(join(root, 'packages/core/test/support'), { recursive: true });
  writeFileSync(join(root, 'packages/core/test/a.test.ts'), 'test a');
  writeFileSync(join(root, 'packages/core/test/support/helper.ts'), 'not a test');
  const file = join(root, 'incremental.json');
  const write = (source: string) =>
    writeFileSync(
      file,
      JSON.stringify({
        files: {
          'packages/core/src/redact.ts': {
            mutants: [
              { id: '1', static: true, status: 'Survived' },
              { id: '2', static: true, status: 'NoCoverage' },
              { id: '3', static: true, status: 'Killed' },
              { id: '4', static: true, status: 'Timeout' },
              { id: '5', status: 'Survived' },
            ],
          },
        },
        testFiles: { 'packages/core/test/a.test.ts': { source } },
      }),
    );
  const ids = () =>
    (
      JSON.parse(readFileSync(file, 'utf8')) as {
        files: Record<string, { mutants: Array<{ id: string }> }>;
      }
    ).files['packages/core/src/redact.ts']?.mutants.map((mutant) => mutant.id);
  return { root, file, write, ids };
}

describe('incremental results and static mutants', () => {
  it('finds the test files of a package, not its helpers', () => {
    const { root } = workspace();
    expect([...currentTestFiles(root, 'packages/core').keys()]).toEqual([
      'packages/core/test/a.test.ts',
    ]);
  });

  it('keeps every result while the tests are the recorded ones', () => {
    const { root, file, write, ids } = workspace();
    write('test a');
    expect(forgetStaticSurvivors(file, currentTestFiles(root, 'packages/core'))).toBe(0);
    expect(ids()).toEqual(['1', '2', '3', '4', '5']);
  });

  it('forgets static survivors when a test file changed', () => {
    const { root, file, write, ids } = workspace();
    write('an older test a');
    expect(forgetStaticSurvivors(file, currentTestFiles(root, 'packages/core'))).toBe(2);
    expect(ids()).toEqual(['3', '4', '5']);
  });

  it('forgets them when a test file was added', () => {
    const { root, file, write, ids } = workspace();
    write('test a');
    writeFileSync(join(root, 'packages/core/test/b.test.ts'), 'test b');
    expect(forgetStaticSurvivors(file, currentTestFiles(root, 'packages/core'))).toBe(2);
    expect(ids()).toEqual(['3', '4', '5']);
  });

  it('does nothing without an earlier run', () => {
    const { root } = workspace();
    expect(forgetStaticSurvivors(join(root, 'none.json'), new Map())).toBe(0);
  });
});
