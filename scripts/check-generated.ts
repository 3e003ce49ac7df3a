/** Regenerates every package and fails if the result differs from what is committed. */
import { execFileSync } from 'node:child_process';
import { git } from './lib/git.js';
import { repoRoot } from './lib/specs.js';

const run = (command: string, args: string[]) =>
  execFileSync(command, args, {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });

try {
  process.stdout.write(run('pnpm', ['run', '--silent', 'generate']));
} catch {
  console.error('check:generated: generation failed');
  process.exit(1);
}
const diff = git(repoRoot, ['diff', '--stat', '--', 'packages/*/src/generated/*']);
const untracked = git(repoRoot, [
  'status',
  '--porcelain',
  '--untracked-files=all',
  '--',
  'packages/*/src/generated',
]);
if (diff.trim() !== '' || untracked.trim() !== '') {
  console.error(
    'check:generated: generated code differs from the specs. Run `pnpm generate` and commit the result.',
  );
  console.error(diff || untracked);
  process.exit(1);
}
console.log('check:generated: generated code matches the specs');
