import { defineProject } from 'vitest/config';

/** Every package's tests, with Prism mocks from the global setup (type tests: vitest.types.config.ts). */
export default defineProject({
  test: {
    globalSetup: ['../../scripts/vitest.global-setup.ts'],
    include: ['test/**/*.test.ts'],
    // Generous guards, not assertions: on a loaded machine a test or hook that starts Prism (its
    // modules load on first use, seconds of CPU) can take tens of seconds of wall time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
