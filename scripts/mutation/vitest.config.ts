/**
 * The vitest project StrykerJS runs for one package (TENANTKIT_MUTATION_PACKAGE): that package's
 * own tests, without type tests (they never run code, and tsc per mutant would be slow), with
 * Prism started only for the packages whose contract tests need it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const targets = JSON.parse(
  readFileSync(join(root, 'scripts/mutation/targets.json'), 'utf8'),
) as Record<string, { prism: boolean }>;
// biome-ignore lint/suspicious/noUndeclaredEnvVars: set by scripts/mutation.ts; no turbo task reads it
const name = process.env.TENANTKIT_MUTATION_PACKAGE ?? 'core';
const target = targets[name];
if (!target) throw new Error(`unknown mutation package "${name}"`);

export default defineConfig({
  root: join(root, 'packages', name),
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: target.prism ? [join(root, 'scripts/vitest.global-setup.ts')] : [],
    testTimeout: 20_000,
  },
});
