/**
 * The rules `pnpm check:changesets` enforces, as a function of a repo root (the tests run it on
 * scratch repos):
 *  1. internal dependencies use `workspace:^`;
 *  2. pending changesets are well formed and name workspace packages;
 *  3. a provider whose spec or generated code changed since its release baseline is named by a
 *     changeset, with at least the bump the change needs (breaking ⇒ major, or minor below 1.0.0);
 *  4. a changed spec has its `info.version` bumped at least as much;
 *  5. a package that wraps a released provider (the facade) is released too.
 */
import { type ProviderStatus, providerStatus, readBaseline } from './release-baseline.js';
import { verdictLine } from './spec-report.js';
import { providerSpecs } from './specs.js';
import {
  bumpBetween,
  bumpRank,
  DEPENDENCY_FIELDS,
  type Manifest,
  pendingBump,
  readChangesets,
  workspacePackages,
} from './versioning.js';

export interface CheckResult {
  problems: string[];
  /** What passed, one line per provider, for the log. */
  notes: string[];
  statuses: ProviderStatus[];
}

function breakingSummary(status: ProviderStatus): string {
  const findings = status.comparison?.breaking ?? [];
  const distinct = [...new Set(findings.map((f) => `${f.operation}: ${f.message}`))];
  const shown = distinct.slice(0, 5).map((line) => `\n      - ${line}`);
  const more =
    distinct.length > 5 ? `\n      - … ${distinct.length - 5} more (pnpm spec:diff)` : '';
  return shown.join('') + more;
}

/**
 * An optional peer (the facade's `@tenantkit/mock`, needed only for `--mock`) keeps a plain range:
 * with `workspace:^` changesets would release the facade as a major on every minor of the peer.
 */
function isOptionalPeer(manifest: Manifest, field: string, dep: string): boolean {
  const meta = (
    manifest as Manifest & { peerDependenciesMeta?: Record<string, { optional?: boolean }> }
  ).peerDependenciesMeta;
  return field === 'peerDependencies' && meta?.[dep]?.optional === true;
}

export async function checkChangesets(root: string): Promise<CheckResult> {
  const problems: string[] = [];
  const notes: string[] = [];
  const packages = workspacePackages(root);
  const names = new Set(packages.map((p) => p.manifest.name));

  for (const { dir, manifest } of packages)
    for (const field of DEPENDENCY_FIELDS)
      for (const [dep, range] of Object.entries(manifest[field] ?? {}))
        if (names.has(dep) && range !== 'workspace:^' && !isOptionalPeer(manifest, field, dep))
          problems.push(
            `packages/${dir}/package.json: ${field}.${dep} is "${range}"; internal dependencies use "workspace:^" (published as ^<version>)`,
          );

  const { changesets, problems: malformed } = readChangesets(root);
  problems.push(...malformed);
  for (const changeset of changesets)
    for (const pkg of changeset.releases.keys())
      if (!names.has(pkg))
        problems.push(`${changeset.file}: names "${pkg}", not a workspace package`);

  const baseline = readBaseline(root);
  const statuses: ProviderStatus[] = [];
  for (const { provider } of providerSpecs(root)) {
    const status = await providerStatus(root, provider, baseline);
    statuses.push(status);
    if (status.level === 'none' || !status.packageName) {
      notes.push(`${provider}: unchanged since its release baseline`);
      continue;
    }
    const what = [
      status.specChanged && `specs/${provider}.yaml`,
      status.generatedChanged && `packages/${provider}/src/generated`,
    ]
      .filter(Boolean)
      .join(' and ');
    const breaking = status.level === 'breaking' ? breakingSummary(status) : '';
    const pending = pendingBump(changesets, status.packageName);
    if (pending.files.length === 0)
      problems.push(
        `${status.packageName}: ${what} changed since the last release but no changeset names it. Run \`pnpm changeset\` and choose ${status.packageBump} or higher.\n    ${verdictLine(status)}${breaking}`,
      );
    else if (bumpRank(pending.bump) < bumpRank(status.packageBump))
      problems.push(
        `${status.packageName}: ${what} changed and the change is ${status.level}; the changesets (${pending.files.join(', ')}) give ${pending.bump}, it needs ${status.packageBump}.\n    ${verdictLine(status)}${breaking}`,
      );
    else
      notes.push(
        `${status.packageName}: ${status.level} change, ${pending.bump} in ${pending.files.join(', ')} (needs ≥ ${status.packageBump})`,
      );

    if (status.baseline && status.specBump !== 'none' && status.headSpecVersion) {
      const given = bumpBetween(status.baseline.specVersion, status.headSpecVersion);
      if (bumpRank(given) < bumpRank(status.specBump))
        problems.push(
          `specs/${provider}.yaml: info.version is ${status.headSpecVersion}, released ${status.baseline.specVersion}; a ${status.level} change needs a ${status.specBump} bump of the spec's curation version (specs/CONVENTIONS.md), then \`pnpm generate ${provider}\``,
        );
    }
  }

  // The facade re-exports and wraps the providers: a provider release is a facade release.
  const providerNames = new Set(statuses.map((s) => s.packageName).filter(Boolean));
  for (const { manifest } of packages) {
    if (manifest.private) continue;
    const wrapped = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).filter(
      (dep) => providerNames.has(dep) && pendingBump(changesets, dep).bump !== 'none',
    );
    if (wrapped.length > 0 && pendingBump(changesets, manifest.name).bump === 'none')
      problems.push(
        `${manifest.name}: wraps ${wrapped.join(', ')}, which a pending changeset releases; name "${manifest.name}" in a changeset too (patch at least, more if its own API changes).`,
      );
  }
  return { problems, notes, statuses };
}
