import { availableParallelism } from 'node:os';
import { defineProject } from 'vitest/config';

/**
 * vitest's default for `run` is one worker fewer than the cores: 1 on a 2-core machine, where every
 * file then waits for the one before it. The files mostly wait on sockets and timers (servers on
 * the loopback, Prism in the main process), so one worker per core.
 */
export const maxWorkers = Math.max(2, availableParallelism());

const test = {
  include: ['test/**/*.test.ts'],
  // Generous guards, not assertions: on a loaded machine a test or hook that starts Prism (its
  // modules load on first use, seconds of CPU) can take tens of seconds of wall time.
  testTimeout: 60_000,
  hookTimeout: 60_000,
  // A worker runs file after file without a fresh module graph for each: the modules (and Prism,
  // loaded on first use) load once per worker, not once per file — about 0.4 s of CPU per file.
  // Every file starts its own servers and state; what a test may leave behind is undone after it.
  isolate: false,
  unstubEnvs: true,
  unstubGlobals: true,
};

/**
 * A package whose tests need no shared Prism mocks (they start their own servers, or none): no
 * global setup, so a focused run of it never loads Prism. Type tests: vitest.types.config.ts.
 */
export const unitProject = defineProject({ test });

/** Every other package: the Prism mocks of every spec from the global setup (`inject('mockUrls')`). */
export default defineProject({
  test: { ...test, globalSetup: ['../../scripts/vitest.global-setup.ts'] },
});
