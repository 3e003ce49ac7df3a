import { defineProject } from 'vitest/config';

/**
 * Every package's type tests (`packages/*\/test/*.test-d.ts`), compiled by one `tsc` run over
 * tsconfig.typetest.json (those files and what they import), never run. One program instead of a
 * `tsc -p` of each whole package (which `pnpm typecheck` does anyway): about a quarter of the CPU.
 */
export default defineProject({
  test: {
    name: 'types',
    include: [],
    typecheck: {
      enabled: true,
      only: true,
      include: ['packages/*/test/**/*.test-d.ts'],
      tsconfig: './tsconfig.typetest.json',
    },
  },
});
