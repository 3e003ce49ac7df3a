/**
 * Bundle size of every package that ships client code (core and each package built on it): the
 * built ESM entry bundled by esbuild, minified, with its dependencies (openapi-fetch, core, jose)
 * included and Node builtins external, then gzipped. The budget applies to that full bundle; the
 * "own" column leaves out core and openapi-fetch (shared by every client, installed once) to show
 * what the package itself adds. Fails on a package over its budget. Run after a build
 * (`pnpm size` builds first).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { repoRoot } from './lib/specs.js';

/** min+gzip budgets in kB; a package without one is reported only. */
const BUDGET_KB: Record<string, number> = {
  '@tenantkit/synthflow': 6,
  '@tenantkit/vobiz': 6,
  '@tenantkit/voximplant': 12, // jose (RS256 signing) is bundled
};

interface Manifest {
  name: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const packagesDir = join(repoRoot, 'packages');
const measured = readdirSync(packagesDir)
  .sort()
  .map((dir) => ({ dir: join(packagesDir, dir), file: join(packagesDir, dir, 'package.json') }))
  .filter(({ file }) => existsSync(file))
  .map(({ dir, file }) => ({ dir, manifest: JSON.parse(readFileSync(file, 'utf8')) as Manifest }))
  .filter(
    ({ manifest }) =>
      !manifest.private &&
      (manifest.name === '@tenantkit/core' || '@tenantkit/core' in (manifest.dependencies ?? {})),
  );

/** Shared by every client: left out of the "own" column. */
const SHARED = ['@tenantkit/core', 'openapi-fetch'];

async function bundle(entry: string, external: string[]): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.contents ?? new Uint8Array();
}

function gzippedKb(code: Uint8Array): number {
  return gzipSync(code, { level: 9 }).byteLength / 1024;
}

let failed = false;
const rows: string[][] = [];
for (const { dir, manifest } of measured) {
  const entry = join(dir, 'dist', 'index.js');
  if (!existsSync(entry)) {
    console.error(`size: ${manifest.name} has no dist/index.js; build first (pnpm build)`);
    failed = true;
    continue;
  }
  // Peers (the facade's optional @tenantkit/mock, loaded only by `--mock`) are not part of the package.
  const peers = Object.keys(manifest.peerDependencies ?? {});
  const full = await bundle(entry, peers);
  const own =
    manifest.name === '@tenantkit/core' ? full : await bundle(entry, [...SHARED, ...peers]);
  const minKb = full.byteLength / 1024;
  const gzipKb = gzippedKb(full);
  const budget = BUDGET_KB[manifest.name];
  const over = budget !== undefined && gzipKb > budget;
  if (over) failed = true;
  rows.push([
    manifest.name,
    minKb.toFixed(1),
    gzipKb.toFixed(2),
    gzippedKb(own).toFixed(2),
    budget === undefined ? '—' : `${budget}`,
    budget === undefined ? '' : over ? 'OVER' : 'ok',
  ]);
}

const header = ['package', 'min kB', 'min+gzip kB', 'own min+gzip kB', 'budget kB', ''];
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
);
for (const row of [header, ...rows]) {
  console.log(
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}
if (failed) {
  console.error('size: over budget or not built');
  process.exit(1);
}
