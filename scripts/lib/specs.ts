import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const specsDir = join(repoRoot, 'specs');

/** Every provider spec, found by glob: `specs/<provider>.yaml`. */
export function providerSpecs(): Array<{ provider: string; file: string }> {
  return readdirSync(specsDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ provider: name.slice(0, -'.yaml'.length), file: join(specsDir, name) }));
}
