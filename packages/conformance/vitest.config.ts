import { defineProject, mergeConfig } from 'vitest/config';
import { unitProject } from '../../vitest.shared.js';

/** The shared test setup (no Prism mocks: every test here has its own servers), plus `pnpm bench`. */
export default mergeConfig(
  unitProject,
  defineProject({ test: { benchmark: { include: ['bench/**/*.bench.ts'] } } }),
);
