/** Bump arithmetic, the workspace's packages and the pending changesets, for a given repo root. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import parseChangeset from '@changesets/parse';
import semver from 'semver';
import type { ChangeLevel } from './spec-compat.js';

export type Bump = 'none' | 'patch' | 'minor' | 'major';
const BUMPS: readonly Bump[] = ['none', 'patch', 'minor', 'major'];

export const bumpRank = (bump: Bump): number => BUMPS.indexOf(bump);
export const maxBump = (bumps: Iterable<Bump>): Bump =>
  [...bumps].reduce<Bump>((max, bump) => (bumpRank(bump) > bumpRank(max) ? bump : max), 'none');

function parseVersion(version: string): semver.SemVer {
  const parsed = semver.parse(version);
  if (!parsed) throw new Error(`not a semver version: ${version}`);
  return parsed;
}

/**
 * The smallest bump a change needs. Below 1.0.0 the caret range `^0.x.y` treats a minor as
 * breaking, so breaking ⇒ minor and an addition ⇒ patch there (what npm users' ranges expect).
 */
export function requiredBump(level: ChangeLevel, currentVersion: string): Bump {
  const stable = parseVersion(currentVersion).major >= 1;
  switch (level) {
    case 'breaking':
      return stable ? 'major' : 'minor';
    case 'addition':
      return stable ? 'minor' : 'patch';
    case 'change':
      return 'patch';
    default:
      return 'none';
  }
}

/** Which part of the version moved from `before` to `after` (`none` if it did not grow). */
export function bumpBetween(before: string, after: string): Bump {
  const [from, to] = [parseVersion(before), parseVersion(after)];
  if (!semver.gt(to, from)) return 'none';
  if (to.major !== from.major) return 'major';
  return to.minor !== from.minor ? 'minor' : 'patch';
}

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}
export const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
] as const;

export interface WorkspacePackage {
  /** Folder under packages/, e.g. `vobiz`. */
  dir: string;
  manifest: Manifest;
}

/** Every `packages/<dir>/package.json`, found by glob. */
export function workspacePackages(root: string): WorkspacePackage[] {
  const packagesDir = join(root, 'packages');
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(join(packagesDir, entry.name, 'package.json')),
    )
    .map((entry) => entry.name)
    .sort()
    .map((dir) => ({
      dir,
      manifest: JSON.parse(
        readFileSync(join(packagesDir, dir, 'package.json'), 'utf8'),
      ) as Manifest,
    }));
}

export interface Changeset {
  /** Path relative to the root, e.g. `.changeset/brave-owls-sing.md`. */
  file: string;
  releases: Map<string, Bump>;
  summary: string;
}

/** Pending changesets (`.changeset/*.md` except README.md), parsed by changesets' own parser. */
export function readChangesets(root: string): { changesets: Changeset[]; problems: string[] } {
  const dir = join(root, '.changeset');
  const changesets: Changeset[] = [];
  const problems: string[] = [];
  if (!existsSync(dir)) return { changesets, problems };
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.md') || name.toLowerCase() === 'readme.md') continue;
    const file = `.changeset/${name}`;
    try {
      const { releases, summary } = parseChangeset(readFileSync(join(dir, name), 'utf8'));
      changesets.push({
        file,
        releases: new Map(releases.map((release) => [release.name, release.type])),
        summary,
      });
    } catch (error) {
      // Its first line says what is wrong; the rest quotes the file.
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      problems.push(`${file}: ${reason} (expected --- "package": patch|minor|major ---)`);
    }
  }
  return { changesets, problems };
}

/** The largest bump the pending changesets give a package, and which files name it. */
export function pendingBump(changesets: Changeset[], pkg: string): { bump: Bump; files: string[] } {
  const naming = changesets.filter((c) => c.releases.has(pkg));
  return {
    bump: maxBump(naming.map((c) => c.releases.get(pkg) ?? 'none')),
    files: naming.map((c) => c.file),
  };
}
