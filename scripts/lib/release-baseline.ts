/**
 * The release baseline: `.changeset/released-specs.json`, committed, maps each provider to the
 * commit whose spec was last released, with hashes of that spec and of the generated code. The
 * hashes tell "unchanged" without any git history (shallow CI clones); only a changed spec needs
 * the commit, to hand the released text to Optic. `pnpm release:version` rewrites the file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { git } from './git.js';
import { type ChangeLevel, compareSpecs, type SpecComparison } from './spec-compat.js';
import { filesHash, specHash } from './spec-hash.js';
import { providerSpecs } from './specs.js';
import { type Bump, requiredBump, workspacePackages } from './versioning.js';

export const BASELINE_FILE = '.changeset/released-specs.json';

export interface BaselineEntry {
  package: string;
  /** Package version at that release (the version on npm, once published). */
  packageVersion: string;
  /** `info.version` of the released spec. */
  specVersion: string;
  /** Commit holding the released spec (`git show <commit>:specs/<provider>.yaml`). */
  commit: string;
  /** sha256 of the released spec, as in the package's `specInfo.sha256`. */
  specSha256: string;
  /** sha256 over the released `packages/<provider>/src/generated/**`. */
  generatedSha256: string;
}

export interface Baseline {
  about: string;
  providers: Record<string, BaselineEntry>;
}

const ABOUT =
  'Last released spec of each provider. Written by `pnpm release:version`; read by `pnpm spec:diff` and `pnpm check:changesets`. Do not edit by hand.';

const specPath = (provider: string) => `specs/${provider}.yaml`;
const generatedDir = (provider: string) => `packages/${provider}/src/generated`;

function workTreeGenerated(root: string, provider: string) {
  const dir = join(root, generatedDir(provider));
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      return {
        path: relative(root, file).replaceAll('\\', '/'),
        content: readFileSync(file, 'utf8'),
      };
    });
}

function commitGenerated(root: string, commit: string, provider: string) {
  return git(root, ['ls-tree', '-r', '--name-only', commit, '--', `${generatedDir(provider)}/`])
    .split('\n')
    .filter(Boolean)
    .map((path) => ({ path, content: git(root, ['show', `${commit}:${path}`]) }));
}

const specVersionOf = (text: string): string =>
  String((parse(text) as { info?: { version?: unknown } })?.info?.version ?? '0.0.0');

export function readBaseline(root: string): Baseline {
  const file = join(root, BASELINE_FILE);
  if (!existsSync(file)) return { about: ABOUT, providers: {} };
  return JSON.parse(readFileSync(file, 'utf8')) as Baseline;
}

/** Records every provider's spec and generated code as they are in `commit`. */
export function recordBaseline(root: string, commit: string): Baseline {
  const sha = git(root, ['rev-parse', '--verify', `${commit}^{commit}`]).trim();
  const manifests = new Map(workspacePackages(root).map((p) => [p.dir, p.manifest]));
  const providers: Record<string, BaselineEntry> = {};
  for (const { provider } of providerSpecs(root)) {
    const manifest = manifests.get(provider);
    if (!manifest) continue;
    let spec: string;
    try {
      spec = git(root, ['show', `${sha}:${specPath(provider)}`]);
    } catch {
      continue; // not in that commit: not released yet
    }
    providers[provider] = {
      package: manifest.name,
      packageVersion: manifest.version,
      specVersion: specVersionOf(spec),
      commit: sha,
      specSha256: specHash(spec),
      generatedSha256: filesHash(commitGenerated(root, sha, provider)),
    };
  }
  const baseline = { about: ABOUT, providers };
  mkdirSync(dirname(join(root, BASELINE_FILE)), { recursive: true });
  writeFileSync(join(root, BASELINE_FILE), `${JSON.stringify(baseline, null, 2)}\n`);
  return baseline;
}

export interface ProviderStatus {
  provider: string;
  /** npm name of packages/<provider>; undefined when the spec has no package. */
  packageName: string | undefined;
  packageVersion: string | undefined;
  baseline: BaselineEntry | undefined;
  specChanged: boolean;
  generatedChanged: boolean;
  headSpecVersion: string | undefined;
  /** Optic's classification; present when the spec text changed and a baseline exists. */
  comparison: SpecComparison | undefined;
  /** Overall: spec changes classified, generated-only changes count as `change`. */
  level: ChangeLevel;
  /** Smallest package bump a changeset must give (`none` when nothing changed). */
  packageBump: Bump;
  /** Smallest `info.version` bump the spec needs over the baseline (`none` when it did not change). */
  specBump: Bump;
}

/** Compares one provider's working tree with its baseline. Throws only when a tool fails. */
export async function providerStatus(
  root: string,
  provider: string,
  baseline: Baseline,
): Promise<ProviderStatus> {
  const manifest = workspacePackages(root).find((p) => p.dir === provider)?.manifest;
  const entry = baseline.providers[provider];
  const file = join(root, specPath(provider));
  const headSpec = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const status: ProviderStatus = {
    provider,
    packageName: manifest?.name,
    packageVersion: manifest?.version,
    baseline: entry,
    specChanged: headSpec === undefined || !entry || specHash(headSpec) !== entry.specSha256,
    generatedChanged:
      !entry || filesHash(workTreeGenerated(root, provider)) !== entry.generatedSha256,
    headSpecVersion: headSpec === undefined ? undefined : specVersionOf(headSpec),
    comparison: undefined,
    level: 'none',
    packageBump: 'none',
    specBump: 'none',
  };
  if (!entry) {
    // Never released: everything is new.
    status.level = 'addition';
  } else if (status.specChanged && headSpec !== undefined) {
    status.comparison = await compareSpecs(releasedSpec(root, provider, entry), headSpec);
    // The text changed even if no operation did (descriptions, examples, info): a patch.
    status.level = status.comparison.level === 'none' ? 'change' : status.comparison.level;
  } else if (status.specChanged) {
    status.level = 'breaking'; // the spec was deleted
  } else if (status.generatedChanged) {
    status.level = 'change';
  }
  if (status.level !== 'none' && manifest)
    status.packageBump = requiredBump(status.level, manifest.version);
  if (entry && status.specChanged) status.specBump = requiredBump(status.level, entry.specVersion);
  return status;
}

/** The released spec text; fails with the fix when the clone lacks the commit. */
export function releasedSpec(root: string, provider: string, entry: BaselineEntry): string {
  try {
    return git(root, ['show', `${entry.commit}:${specPath(provider)}`]);
  } catch {
    throw new Error(
      `cannot read ${specPath(provider)} at ${entry.commit} (the release baseline in ${BASELINE_FILE}); a shallow clone? run \`git fetch --unshallow\``,
    );
  }
}
