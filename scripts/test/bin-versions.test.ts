/** release:dry runs every command of every package's `bin`, not one hard-coded path. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { binsOf, binVersionMismatches } from '../lib/bin-versions.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A repository whose packages/<dir>/<path> prints `printed` for `--version`. */
function repo(scripts: Record<string, Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'bin-versions-'));
  roots.push(root);
  for (const [dir, files] of Object.entries(scripts))
    for (const [path, printed] of Object.entries(files)) {
      mkdirSync(join(root, 'packages', dir, 'out'), { recursive: true });
      writeFileSync(
        join(root, 'packages', dir, path),
        `console.log(${JSON.stringify(printed)});\n`,
      );
    }
  return root;
}

describe('bin versions', () => {
  it('reads bin as npm does: a string is named after the package, an object by its keys', () => {
    expect(binsOf({ name: 'acme', version: '1.0.0', bin: './out/cli.js' })).toEqual([
      ['acme', './out/cli.js'],
    ]);
    expect(binsOf({ name: '@t/x', version: '1.0.0', bin: { a: './a.js', b: './b.js' } })).toEqual([
      ['a', './a.js'],
      ['b', './b.js'],
    ]);
    expect(binsOf({ name: '@t/lib', version: '1.0.0' })).toEqual([]);
  });

  it('every command of every package is run; each one that prints another version is named', () => {
    const root = repo({
      facade: { 'out/main.js': '0.3.0', 'out/other.js': '0.2.0' },
      tool: { 'out/tool.js': '1.1.0' },
    });
    const manifests = new Map([
      [
        'facade',
        { name: 'facade', version: '0.3.0', bin: { fk: './out/main.js', fk2: './out/other.js' } },
      ],
      ['tool', { name: '@t/tool', version: '1.1.0', bin: './out/tool.js' }],
      ['lib', { name: '@t/lib', version: '0.1.0' }],
    ]);
    expect(binVersionMismatches(root, manifests)).toEqual([
      'fk2 --version prints "0.2.0", the package is 0.3.0',
    ]);
  });
});
