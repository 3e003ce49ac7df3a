import { defineProject } from 'vitest/config';

/** Every package's tests: Prism mocks from the global setup, type tests compiled, never run. */
export default defineProject({
  test: {
    globalSetup: ['../../scripts/vitest.global-setup.ts'],
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 20_000,
  },
});
