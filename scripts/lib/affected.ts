/**
 * `pnpm test:affected [ref] [-- turbo args]`: regenerates, builds and tests only the packages a
 * change since `ref` (default HEAD: the uncommitted work) touches, plus their dependents. Turbo's
 * own `--filter=...[ref]` cannot do it: specs/ lives outside every package, so a spec edit counts
 * as a change to the root only. Mapping: specs/<p>.yaml → packages/<p>; packages/<dir>/** → that
 * package; shared build/test inputs → everything; docs, notes and .changeset → nothing.
 * The full run stays `pnpm test`.
 */
import { spawnSync } from 'node:child_process';
import { git } from './git.js';
import { providerSpecs, repoRoot } from './specs.js';
import { DEPENDENCY_FIELDS, workspacePackages } from './versioning.js';

const SHARED = [
  /^package\.json$/,
  /^pnpm-lock\.yaml$/,
  /^pnpm-workspace\.yaml$/,
  /^turbo\.json$/,
  /^tsconfig\.base\.json$/,
  /^tsup\.shared\.ts$/,
  /^vitest\.shared\.ts$/,
  /^vitest\.context\.d\.ts$/,
  /^redocly\.yaml$/,
  /^scripts\/(generate|vitest\.global-setup)\.ts$/,
  /^scripts\/lib\/specs\.ts$/,
];

export function affectedPackages(root: string, ref: string): { all: boolean; dirs: Set<string> } {
  const changed = [
    ...git(root, ['diff', '--name-only', ref]).split('\n'),
    ...git(root, ['ls-files', '--others', '--exclude-standard']).split('\n'),
  ].filter(Boolean);
  const providers = new Set(providerSpecs(root).map((spec) => spec.provider));
  const dirs = new Set<string>();
  for (const file of changed) {
    if (SHARED.some((pattern) => pattern.test(file))) return { all: true, dirs };
    const spec = /^specs\/([^/]+)\.yaml$/.exec(file)?.[1];
    if (spec && providers.has(spec)) dirs.add(spec);
    const pkg = /^packages\/([^/]+)\//.exec(file)?.[1];
    if (pkg) dirs.add(pkg);
  }
  return { all: false, dirs };
}

/** The changed packages and every package that depends on them (any dependency field), by name. */
export function withDependents(
  packages: ReturnType<typeof workspacePackages>,
  dirs: Set<string>,
): string[] {
  const selected = new Set(packages.filter((p) => dirs.has(p.dir)).map((p) => p.manifest.name));
  for (let grew = true; grew; ) {
    grew = false;
    for (const { manifest } of packages) {
      if (selected.has(manifest.name)) continue;
      const uses = DEPENDENCY_FIELDS.some((field) =>
        Object.keys(manifest[field] ?? {}).some((dep) => selected.has(dep)),
      );
      if (uses) {
        selected.add(manifest.name);
        grew = true;
      }
    }
  }
  return [...selected].sort();
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const [ref = 'HEAD', ...rest] = process.argv.slice(2).filter((arg) => arg !== '--');
  const { all, dirs } = affectedPackages(repoRoot, ref);
  const names = withDependents(workspacePackages(repoRoot), dirs);
  const run = (command: string, args: string[]) => {
    console.log(`$ ${command} ${args.join(' ')}`);
    return spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' }).status ?? 1;
  };
  if (!all && names.length === 0) {
    console.log(`test:affected: no package changed since ${ref}`);
    process.exit(0);
  }
  for (const { provider } of providerSpecs(repoRoot).filter((s) => all || dirs.has(s.provider)))
    if (run('pnpm', ['run', '--silent', 'generate', provider]) !== 0) process.exit(1);
  // One plain filter per package: turbo's `pkg...` / `...pkg` selections pulled in unrelated packages here.
  const filters = all ? [] : names.map((name) => `--filter=${name}`);
  process.exit(run('pnpm', ['exec', 'turbo', 'run', 'test', ...filters, ...rest]));
}
