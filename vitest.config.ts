import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'scripts/vitest.config.ts', 'vitest.types.config.ts'],
    // vitest's default for `run` is one worker fewer than the cores: 1 on a 2-core machine, where
    // every file then waits for the one before it. The files mostly wait on sockets and timers
    // (servers on the loopback, Prism in the main process), so one worker per core.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
