import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'scripts/vitest.config.ts', 'vitest.types.config.ts'],
  },
});
