import { defineProject } from 'vitest/config';

/** Tests of the release tooling (spec classification, changeset check, provenance). No Prism. */
export default defineProject({
  test: {
    name: 'release-tooling',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // One module graph per worker, not per file (see vitest.shared.ts).
    isolate: false,
  },
});
