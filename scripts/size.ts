/**
 * `pnpm size`: what a consumer pays for a client. Each case is a consumer file importing one
 * factory (or the facade, which brings all three providers), bundled by esbuild the way a browser
 * or edge build would be (`platform: browser`, `--minify`, every dependency included: core,
 * openapi-fetch), then gzipped. The packages are resolved by name, through their `exports`, from
 * the built `dist/` — the files their tarballs hold.
 *
 * Each case (one per package, from its package.json) has the issue's target and an enforced
 * ceiling. Over the target is reported (CI keeps going); over the ceiling fails. The ceilings sit just above today's sizes, so a change that adds
 * weight fails CI until it is trimmed or the ceiling is raised on purpose, in review.
 *
 * `--breakdown` lists, per case, where the bytes come from (minified, before gzip).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { type SizeCase, sizeCases } from './lib/size-budgets.js';
import { repoRoot } from './lib/specs.js';

// Budgets are per package on purpose (each ceiling is a measured decision, with its history), so
// they live in each package's package.json (`"tenantkit": { "size": { import, targetKb,
// ceilingKb, why } }`); every provider package must have one (scripts/lib/size-budgets.ts).
let CASES: SizeCase[];
try {
  CASES = sizeCases();
} catch (error) {
  console.error(`size: ${(error as Error).message}`);
  process.exit(1);
}

/** The facade depends on every package, so every package resolves from its directory. */
const resolveDir = join(repoRoot, 'packages', 'tenantkit');
const breakdown = process.argv.includes('--breakdown');

/** Where a bundled file comes from, for the breakdown. */
function origin(input: string): string {
  // esbuild names inputs relative to the working directory (the repo root), through real paths.
  const path = input;
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(
    path,
  );
  if (dependency?.[1] && !dependency[1].startsWith('@tenantkit/') && dependency[1] !== 'tenantkit')
    return dependency[1];
  const own = /packages\/([^/]+)\//.exec(path) ?? /@tenantkit\/([^/]+)\//.exec(path);
  return own?.[1] ? (own[1] === 'tenantkit' ? 'tenantkit (facade)' : `@tenantkit/${own[1]}`) : path;
}

async function measure(
  consumer: string,
): Promise<{ min: number; gzip: number; metafile: Metafile }> {
  const result = await build({
    stdin: { contents: consumer, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    min: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    metafile: result.metafile,
  };
}

if (!existsSync(join(repoRoot, 'packages', 'tenantkit', 'dist', 'index.js'))) {
  console.error('size: the packages are not built; run pnpm build (pnpm size builds first)');
  process.exit(1);
}

let failed = false;
const rows: string[][] = [];
const details: string[] = [];
for (const item of CASES) {
  const { min, gzip, metafile } = await measure(item.consumer);
  const kb = gzip / 1024;
  const status =
    item.ceilingKb !== undefined && kb > item.ceilingKb
      ? 'OVER CEILING'
      : item.targetKb !== undefined && kb > item.targetKb
        ? `over target by ${(kb - item.targetKb).toFixed(2)} kB`
        : item.targetKb === undefined
          ? ''
          : 'ok';
  if (status === 'OVER CEILING') failed = true;
  rows.push([
    item.name,
    (min / 1024).toFixed(1),
    kb.toFixed(2),
    item.targetKb === undefined ? '—' : String(item.targetKb),
    item.ceilingKb === undefined ? '—' : String(item.ceilingKb),
    status,
  ]);
  if (breakdown) {
    const byOrigin = new Map<string, number>();
    for (const output of Object.values(metafile.outputs))
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs))
        byOrigin.set(origin(input), (byOrigin.get(origin(input)) ?? 0) + bytesInOutput);
    details.push(
      `${item.name} (minified bytes by origin):\n${[...byOrigin]
        .sort((a, b) => b[1] - a[1])
        .filter(([, bytes]) => bytes > 0)
        .map(([from, bytes]) => `  ${String(bytes).padStart(7)}  ${from}`)
        .join('\n')}`,
    );
  }
}

const header = ['consumer importing', 'min kB', 'min+gzip kB', 'target kB', 'ceiling kB', ''];
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
);
for (const row of [header, ...rows])
  console.log(
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
if (details.length > 0) console.log(`\n${details.join('\n\n')}`);
if (failed) {
  console.error('size: a consumer bundle is over its ceiling (see above)');
  process.exit(1);
}
