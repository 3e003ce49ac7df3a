import { defineConfig } from 'vitest/config';
import { maxWorkers } from './vitest.shared.js';

/**
 * One project per package (`--project @tenantkit/vobiz` while you work), plus the release tooling
 * and the type tests. `pnpm test` runs the same files through vitest.all.config.ts instead.
 */
export default defineConfig({
  test: {
    projects: ['packages/*', 'scripts/vitest.config.ts', 'vitest.types.config.ts'],
    maxWorkers,
  },
});
