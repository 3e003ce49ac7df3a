/**
 * `pnpm release:dry`: everything a release does except publishing, in a scratch copy.
 *  1. builds the packages here (turbo, cached), then copies the repo's tracked and untracked-but-
 *     not-ignored files (so uncommitted changesets count) plus each package's dist/ to a temp dir
 *     and installs there offline from the pnpm store;
 *  2. runs `changeset version` there and prints every version change; fails if a package would
 *     cross to 1.0.0 without a changeset asking for a major (changesets does that to dependents of a
 *     bumped peer dependency); builds again the bumped packages whose source imports their
 *     package.json (a build bakes that version in) and checks the CLI's `--version` prints the new one;
 *  3. packs every public package with `pnpm pack` and checks the packed package.json (no
 *     `workspace:` left, internal ranges point at the new versions) and that the tarball holds a
 *     README.md and the repository's LICENSE;
 *  4. runs publint and attw (`--profile node16`: ESM + CJS for Node ≥ 20) on every tarball.
 * Nothing is published; the temp dir is removed (`--keep` keeps it; `--out <dir>` copies the
 * tarballs there, for `pnpm test:consumers --tarballs <dir>`). Exits non-zero on any failure.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { binVersionMismatches } from './lib/bin-versions.js';
import {
  bin,
  buildPackages,
  packPublicPackages,
  prepareScratchCopy,
  run,
  tarballsIn,
} from './lib/packing.js';
import { repoRoot } from './lib/specs.js';
import {
  bumpBetween,
  DEPENDENCY_FIELDS,
  type Manifest,
  pendingBump,
  readChangesets,
  workspacePackages,
} from './lib/versioning.js';

const keep = process.argv.includes('--keep');
const outIndex = process.argv.indexOf('--out');
const out = outIndex === -1 ? undefined : process.argv[outIndex + 1];
if (outIndex !== -1 && !out) {
  console.error('usage: pnpm release:dry [--keep] [--out <dir>]');
  process.exit(2);
}
const failures: string[] = [];
const started = Date.now();
let stepStarted = Date.now();

function step(title: string) {
  const now = Date.now();
  console.log(`\n▶ ${title}  (+${((now - started) / 1000).toFixed(1)} s)`);
  stepStarted = now;
}
const stepTime = () => `${((Date.now() - stepStarted) / 1000).toFixed(1)} s`;

const packedManifest = (tarball: string) =>
  JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
  ) as Manifest & { exports?: Record<string, unknown> };

/** Whether a package's source imports its own package.json (and so bakes its version in). */
function importsOwnManifest(src: string): boolean {
  return readdirSync(src, { recursive: true, encoding: 'utf8' }).some(
    (file) =>
      file.endsWith('.ts') &&
      /from '(\.\.\/)+package\.json' with/.test(readFileSync(join(src, file), 'utf8')),
  );
}

const scratch = mkdtempSync(join(tmpdir(), 'tenantkit-release-'));
try {
  step('build (turbo)');
  buildPackages();
  console.log(`  built in ${stepTime()}`);

  step(`copy the working tree to ${scratch}, pnpm install --offline`);
  const copied = prepareScratchCopy(scratch);
  const before = workspacePackages(scratch);
  console.log(`  ${copied} files + dist/ of the public packages, installed in ${stepTime()}`);

  step('changeset version');
  const { changesets } = readChangesets(scratch);
  console.log(
    `  ${changesets.length} pending changeset(s): ${changesets.map((c) => c.file).join(', ') || 'none'}`,
  );
  const version = run(bin(scratch, 'changeset'), ['version'], scratch);
  if (!version.ok) throw new Error(`changeset version failed:\n${version.output}`);
  const after = new Map(workspacePackages(scratch).map((p) => [p.dir, p.manifest]));
  for (const { dir, manifest } of before) {
    const next = after.get(dir)?.version ?? manifest.version;
    if (next === manifest.version) continue;
    const bump = bumpBetween(manifest.version, next);
    console.log(`  ${manifest.name}: ${manifest.version} → ${next} (${bump})`);
    if (
      manifest.version.startsWith('0.') &&
      !next.startsWith('0.') &&
      pendingBump(changesets, manifest.name).bump !== 'major'
    )
      failures.push(
        `${manifest.name} would go ${manifest.version} → ${next} though no changeset asks for a major: changesets bumps dependents of a bumped peer dependency to major. Declare that peer range without workspace:^ or name the package explicitly.`,
      );
  }
  const bumped = before.filter(({ dir, manifest }) => after.get(dir)?.version !== manifest.version);
  if (bumped.length === 0) console.log('  no version changes (packing the current versions)');
  // A build that imports its package.json bakes the version in (the CLI's --version): packing the
  // dist/ built before the bump would publish the old number, so those packages are built again.
  const stale = bumped.filter(({ dir }) =>
    importsOwnManifest(join(scratch, 'packages', dir, 'src')),
  );
  if (stale.length > 0) {
    step(`build again what bakes its version in: ${stale.map((p) => p.manifest.name).join(', ')}`);
    const filters = stale.flatMap(({ manifest }) => ['--filter', manifest.name]);
    const rebuild = run('pnpm', [...filters, 'run', 'build'], scratch);
    if (!rebuild.ok) throw new Error(`build after changeset version failed:\n${rebuild.output}`);
    console.log(`  built in ${stepTime()}`);
  }
  failures.push(...binVersionMismatches(scratch, after));

  step('pack every public package');
  const tarballs = join(scratch, '.tarballs');
  const versions = new Map([...after.values()].map((m) => [m.name, m.version]));
  failures.push(...packPublicPackages(scratch, tarballs));
  for (const tarball of readdirSync(tarballs).sort()) {
    const packed = packedManifest(join(tarballs, tarball));
    const source = [...after.values()].find((manifest) => manifest.name === packed.name);
    for (const field of DEPENDENCY_FIELDS)
      for (const [dep, range] of Object.entries(packed[field] ?? {})) {
        // A hand-written range (only optional peers may have one: check:changesets) is published as is.
        const declared = source?.[field]?.[dep];
        if (declared !== undefined && !declared.startsWith('workspace:')) continue;
        if (range.startsWith('workspace:'))
          failures.push(`${tarball}: ${field}.${dep} still "${range}" after packing`);
        else if (versions.has(dep) && range !== `^${versions.get(dep)}`)
          failures.push(
            `${tarball}: ${field}.${dep} is "${range}", expected "^${versions.get(dep)}"`,
          );
      }
    // What a user reads on the registry and what the license says travel in every tarball.
    const listed = execFileSync('tar', ['-tzf', join(tarballs, tarball)], {
      encoding: 'utf8',
    }).split('\n');
    for (const required of ['package/README.md', 'package/LICENSE'])
      if (!listed.includes(required))
        failures.push(`${tarball}: no ${required.slice('package/'.length)}`);
    if (listed.includes('package/LICENSE')) {
      const license = execFileSync('tar', ['-xzOf', join(tarballs, tarball), 'package/LICENSE'], {
        encoding: 'utf8',
      });
      if (license !== readFileSync(join(repoRoot, 'LICENSE'), 'utf8'))
        failures.push(`${tarball}: LICENSE differs from the repository's LICENSE`);
    }
    console.log(`  ${tarball}`);
  }
  console.log(`  packed in ${stepTime()}`);

  step('publint + attw on every tarball');
  for (const tarball of readdirSync(tarballs).sort()) {
    const file = join(tarballs, tarball);
    // Data subpaths (`./openapi.yaml`, `./specs/*`) are not modules: attw would report them unresolved.
    const dataEntrypoints = Object.keys(packedManifest(file).exports ?? {}).filter((key) =>
      /\.(ya?ml|md)$|\/\*$/.test(key),
    );
    const publint = run(bin(scratch, 'publint'), ['run', file, '--strict'], scratch);
    const attw = run(
      bin(scratch, 'attw'),
      [
        file,
        '--profile',
        'node16',
        '--no-color',
        '--format',
        'table-flipped',
        ...(dataEntrypoints.length > 0 ? ['--exclude-entrypoints', ...dataEntrypoints] : []),
      ],
      scratch,
    );
    console.log(
      `  ${tarball}: publint ${publint.ok ? 'ok' : 'FAILED'}, attw ${attw.ok ? 'ok' : 'FAILED'}`,
    );
    if (!publint.ok) failures.push(`publint ${tarball}:\n${publint.output}`);
    if (!attw.ok) failures.push(`attw ${tarball}:\n${attw.output}`);
  }
  console.log(`  checked in ${stepTime()}`);
  if (out) {
    rmSync(resolve(out), { recursive: true, force: true });
    mkdirSync(resolve(out), { recursive: true });
    for (const tarball of tarballsIn(tarballs))
      cpSync(join(tarballs, tarball), join(resolve(out), tarball));
    console.log(`  tarballs copied to ${resolve(out)}`);
  }
} catch (error) {
  failures.push(error instanceof Error ? error.message : String(error));
} finally {
  if (keep) console.log(`\nkept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length > 0) {
  console.error(`\nrelease:dry: ${failures.length} problem(s) (${seconds} s):`);
  for (const failure of failures) console.error(`  ✗ ${failure}`);
  process.exit(1);
}
console.log(`\nrelease:dry: versioned, packed and checked; nothing published (${seconds} s)`);
