/** Git, for the tooling: one way to run it (output as text, errors thrown with git's stderr). */
import { execFileSync } from 'node:child_process';

/** Runs `git <args>` in `root` and returns its stdout; throws if git exits non-zero. */
export function git(root: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
