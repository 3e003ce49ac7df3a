/**
 * `pnpm test` runs every test file as one project (vitest.all.config.ts), not through the projects
 * of vitest.config.ts that focused runs use: both must find the same files, or a test file a
 * package's project runs would be silently left out of CI's run (or the other way round).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createVitest } from 'vitest/node';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The test files a configuration finds (the type tests, compiled and never run, aside). */
async function filesOf(config: string, project?: string[]): Promise<string[]> {
  const vitest = await createVitest('test', { root, config, watch: false, project });
  try {
    const specs = await vitest.globTestSpecifications();
    return [...new Set(specs.map((spec) => spec.moduleId))].sort();
  } finally {
    await vitest.close();
  }
}

describe('pnpm test runs every test file as one project', () => {
  it('the same files as the projects of vitest.config.ts, none left out', async () => {
    const byProjects = await filesOf('vitest.config.ts', ['!types']);
    const asOne = await filesOf('vitest.all.config.ts');
    expect(byProjects.length).toBeGreaterThan(100);
    expect(asOne).toEqual(byProjects);
  });
});
