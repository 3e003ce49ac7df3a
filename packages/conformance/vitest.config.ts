import { defineProject, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

/** The shared test setup, plus the overhead benchmark (`pnpm bench`). */
export default mergeConfig(
  shared,
  defineProject({ test: { benchmark: { include: ['bench/**/*.bench.ts'] } } }),
);
