/**
 * `pnpm release:dry`'s check that every command a package installs (its manifest's `bin`) reports
 * the version the package is published as: a build bakes the version in, and a stale one would
 * ship the old number.
 */
import { join } from 'node:path';
import { run } from './packing.js';
import type { Manifest } from './versioning.js';

type WithBin = Manifest & { bin?: string | Record<string, string> };

/** `bin` as npm reads it: one path named after the package, or command → path. */
export function binsOf(manifest: WithBin): Array<readonly [string, string]> {
  const { bin } = manifest;
  if (bin === undefined) return [];
  return typeof bin === 'string' ? [[manifest.name, bin]] : Object.entries(bin);
}

/** One message per command whose `--version` is not its package's version (by package dir). */
export function binVersionMismatches(root: string, manifests: Map<string, WithBin>): string[] {
  const failures: string[] = [];
  for (const [dir, manifest] of manifests) {
    for (const [command, path] of binsOf(manifest)) {
      const shown = run(process.execPath, [join(root, 'packages', dir, path), '--version'], root);
      if (shown.ok && shown.output === manifest.version) continue;
      failures.push(
        `${command} --version prints "${shown.output.slice(0, 200)}", the package is ${manifest.version}`,
      );
    }
  }
  return failures;
}
