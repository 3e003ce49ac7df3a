/**
 * `pnpm release:dry`: everything a release does except publishing, in a scratch copy.
 *  1. builds the packages here (turbo, cached), then copies the repo's tracked and untracked-but-
 *     not-ignored files (so uncommitted changesets count) plus each package's dist/ to a temp dir
 *     and installs there offline from the pnpm store;
 *  2. runs `changeset version` there and prints every version change; fails if a package would
 *     cross to 1.0.0 without a changeset asking for a major (changesets does that to dependents of a
 *     bumped peer dependency);
 *  3. packs every public package with `pnpm pack` and checks the packed package.json (no
 *     `workspace:` left, internal ranges point at the new versions);
 *  4. runs publint and attw (`--profile node16`: ESM + CJS for Node ≥ 20) on every tarball.
 * Nothing is published; the temp dir is removed (`--keep` keeps it). Exits non-zero on any failure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { git } from './lib/release-baseline.js';
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
const bin = (root: string, name: string) => join(root, 'node_modules', '.bin', name);
const failures: string[] = [];
const started = Date.now();
let stepStarted = Date.now();

function step(title: string) {
  const now = Date.now();
  console.log(`\n▶ ${title}  (+${((now - started) / 1000).toFixed(1)} s)`);
  stepStarted = now;
}
const stepTime = () => `${((Date.now() - stepStarted) / 1000).toFixed(1)} s`;

function run(command: string, args: string[], cwd: string): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env } });
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim(),
  };
}

const packedManifest = (tarball: string) =>
  JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
  ) as Manifest & { exports?: Record<string, unknown> };

const scratch = mkdtempSync(join(tmpdir(), 'tenantkit-release-'));
try {
  step('build (turbo)');
  const build = run(
    bin(repoRoot, 'turbo'),
    ['run', 'build', '--output-logs=errors-only'],
    repoRoot,
  );
  if (!build.ok) throw new Error(`build failed:\n${build.output}`);
  console.log(`  built in ${stepTime()}`);

  step(`copy the working tree to ${scratch}`);
  const files = git(repoRoot, ['ls-files', '-z', '--cached', '--others', '--exclude-standard'])
    .split('\0')
    .filter((file) => file && existsSync(join(repoRoot, file)));
  for (const file of new Set(files)) {
    mkdirSync(dirname(join(scratch, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(scratch, file));
  }
  const before = workspacePackages(scratch);
  for (const { dir, manifest } of before)
    if (!manifest.private && existsSync(join(repoRoot, 'packages', dir, 'dist')))
      cpSync(join(repoRoot, 'packages', dir, 'dist'), join(scratch, 'packages', dir, 'dist'), {
        recursive: true,
      });
  console.log(`  ${files.length} files + dist/ of the public packages`);

  step('pnpm install --offline (links the workspace: pnpm pack reads versions through them)');
  const install = run(
    'pnpm',
    ['install', '--frozen-lockfile', '--offline', '--ignore-scripts', '--reporter=silent'],
    scratch,
  );
  if (!install.ok) throw new Error(`pnpm install failed:\n${install.output}`);
  console.log(`  installed in ${stepTime()}`);

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
  if (before.every(({ dir, manifest }) => after.get(dir)?.version === manifest.version))
    console.log('  no version changes (packing the current versions)');

  step('pack every public package');
  const tarballs = join(scratch, '.tarballs');
  mkdirSync(tarballs);
  const versions = new Map([...after.values()].map((m) => [m.name, m.version]));
  for (const [dir, manifest] of after) {
    if (manifest.private) continue;
    const pack = run(
      'pnpm',
      ['pack', '--pack-destination', tarballs],
      join(scratch, 'packages', dir),
    );
    if (!pack.ok) {
      failures.push(`${manifest.name}: pnpm pack failed:\n${pack.output}`);
    }
  }
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
