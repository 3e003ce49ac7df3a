/**
 * Packing the public packages as npm would publish them, in a scratch copy of the repo: shared by
 * `pnpm release:dry` (which runs `changeset version` between the copy and the pack) and
 * `pnpm test:consumers` (which installs the tarballs into scratch consumer projects).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { git } from './git.js';
import { repoRoot } from './specs.js';
import { workspacePackages } from './versioning.js';

export const bin = (root: string, name: string) => join(root, 'node_modules', '.bin', name);

export function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env });
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim(),
  };
}

/** Builds every package here (turbo, cached). Throws with turbo's output on failure. */
export function buildPackages(): void {
  const build = run(
    bin(repoRoot, 'turbo'),
    ['run', 'build', '--output-logs=errors-only'],
    repoRoot,
  );
  if (!build.ok) throw new Error(`build failed:\n${build.output}`);
}

/**
 * Copies the repo's tracked and untracked-but-not-ignored files (so uncommitted changesets count)
 * plus each public package's dist/ to `scratch`, then installs there offline from the pnpm store
 * (pnpm pack reads the workspace versions through the links). Returns the number of files copied.
 */
export function prepareScratchCopy(scratch: string): number {
  const files = git(repoRoot, ['ls-files', '-z', '--cached', '--others', '--exclude-standard'])
    .split('\0')
    .filter((file) => file && existsSync(join(repoRoot, file)));
  for (const file of new Set(files)) {
    mkdirSync(dirname(join(scratch, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(scratch, file));
  }
  for (const { dir, manifest } of workspacePackages(scratch))
    if (!manifest.private && existsSync(join(repoRoot, 'packages', dir, 'dist')))
      cpSync(join(repoRoot, 'packages', dir, 'dist'), join(scratch, 'packages', dir, 'dist'), {
        recursive: true,
      });
  const install = run(
    'pnpm',
    ['install', '--frozen-lockfile', '--offline', '--ignore-scripts', '--reporter=silent'],
    scratch,
  );
  if (!install.ok) throw new Error(`pnpm install failed:\n${install.output}`);
  return files.length;
}

/** `pnpm pack` of every public package of `scratch` into `into`; returns the failures. */
export function packPublicPackages(scratch: string, into: string): string[] {
  mkdirSync(into, { recursive: true });
  const failures: string[] = [];
  for (const { dir, manifest } of workspacePackages(scratch)) {
    if (manifest.private) continue;
    const pack = run('pnpm', ['pack', '--pack-destination', into], join(scratch, 'packages', dir));
    if (!pack.ok) failures.push(`${manifest.name}: pnpm pack failed:\n${pack.output}`);
  }
  return failures;
}

/** The tarballs in `dir`, sorted. */
export const tarballsIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.tgz'))
    .sort();
