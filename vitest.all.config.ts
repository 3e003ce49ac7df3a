import { defineConfig } from 'vitest/config';
import sharedProject, { maxWorkers } from './vitest.shared.js';

/**
 * `pnpm test`'s run (scripts/test.ts): every package's tests and the release tooling's — the same
 * files as the projects of vitest.config.ts, the type tests aside — as ONE project.
 *
 * Why: vitest gives each project its own workers and never hands a worker to another project, so
 * with nine projects every worker was started and its modules loaded anew at each project, ~18
 * times a run; the heavy ones (Prism's modules for the sandbox tests, Optic's for the release
 * tooling, each package's dist) were loaded again in each. As one project, each of the two workers
 * loads a module once and runs its share of all the files, the longest first.
 * What a file may rely on is unchanged: the same options (vitest.shared.ts: one module graph per
 * worker, so every file undoes what it changes, as it must already), and the Prism mocks of the
 * global setup (`inject('mockUrls')`), which files that do not use them ignore.
 */
export default defineConfig({
  test: {
    ...sharedProject.test,
    name: 'all',
    include: ['packages/*/test/**/*.test.ts', 'scripts/test/**/*.test.ts'],
    globalSetup: ['scripts/vitest.global-setup.ts'],
    maxWorkers,
  },
});
