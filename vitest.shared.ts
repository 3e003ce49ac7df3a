import { defineProject } from 'vitest/config';

const test = {
  include: ['test/**/*.test.ts'],
  // Generous guards, not assertions: on a loaded machine a test or hook that starts Prism (its
  // modules load on first use, seconds of CPU) can take tens of seconds of wall time.
  testTimeout: 60_000,
  hookTimeout: 60_000,
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
