/**
 * `pnpm check:changesets` on a scratch repo: one provider (`fixture`, spec = the classification
 * fixture) and a facade that wraps it, released at the first commit; then a spec edit and the
 * changesets that must (not) satisfy the check.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkChangesets } from '../lib/changeset-check.js';
import { recordBaseline } from '../lib/release-baseline.js';

const baseSpec = readFileSync(new URL('./fixtures/base.yaml', import.meta.url), 'utf8');
const PROVIDER = '@scratch/fixture';
const FACADE = 'scratch-facade';
let root: string;

function write(path: string, content: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
const manifest = (name: string, dependencies: Record<string, string> = {}) =>
  `${JSON.stringify({ name, version: '0.1.0', dependencies }, null, 2)}\n`;
const changeset = (releases: Record<string, string>) =>
  `---\n${Object.entries(releases)
    .map(([pkg, bump]) => `"${pkg}": ${bump}`)
    .join('\n')}\n---\n\nScratch change.\n`;

/** Removes a response field (breaking) and sets info.version. */
function breakSpec(version: string) {
  write(
    'specs/fixture.yaml',
    baseSpec
      .replace('version: 1.0.0', `version: ${version}`)
      .replace(/ {8}email:\n {10}type: \[string, "null"\]\n/, ''),
  );
}
/** Adds an optional response field (non-breaking addition) and sets info.version. */
function extendSpec(version: string) {
  write(
    'specs/fixture.yaml',
    baseSpec
      .replace('version: 1.0.0', `version: ${version}`)
      .replace(
        /( {4}Account:\n[\s\S]*? {6}properties:\n)/,
        '$1        created_at:\n          type: string\n',
      ),
  );
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tenantkit-check-'));
  write('specs/fixture.yaml', baseSpec);
  write('packages/fixture/package.json', manifest(PROVIDER));
  write('packages/fixture/src/generated/spec-info.ts', 'export const specInfo = {};\n');
  write('packages/facade/package.json', manifest(FACADE, { [PROVIDER]: 'workspace:^' }));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: root,
      stdio: 'ignore',
    });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'released');
  recordBaseline(root, 'HEAD');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('checkChangesets', () => {
  it('passes when nothing changed since the baseline', async () => {
    const { problems, statuses } = await checkChangesets(root);
    expect(problems).toEqual([]);
    expect(statuses.map((s) => s.level)).toEqual(['none']);
  });

  it('fails a spec change that no changeset names', async () => {
    extendSpec('1.1.0');
    const { problems } = await checkChangesets(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /@scratch\/fixture: specs\/fixture\.yaml changed .* no changeset names it/,
    );
  });

  it('fails a breaking change with a patch changeset, saying what broke and the bump needed', async () => {
    breakSpec('2.0.0');
    write('.changeset/drop-email.md', changeset({ [PROVIDER]: 'patch', [FACADE]: 'patch' }));
    const { problems } = await checkChangesets(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('give patch, it needs minor');
    expect(problems[0]).toContain("cannot remove response property 'email'");
  });

  it('passes the same breaking change with a minor changeset (the package is below 1.0.0)', async () => {
    breakSpec('2.0.0');
    write('.changeset/drop-email.md', changeset({ [PROVIDER]: 'minor', [FACADE]: 'patch' }));
    expect((await checkChangesets(root)).problems).toEqual([]);
  });

  it('needs major for a breaking change once the package is 1.0.0 or later', async () => {
    write('packages/fixture/package.json', manifest(PROVIDER).replace('0.1.0', '1.2.0'));
    breakSpec('2.0.0');
    write('.changeset/drop-email.md', changeset({ [PROVIDER]: 'minor', [FACADE]: 'patch' }));
    const { problems } = await checkChangesets(root);
    expect(problems.join('\n')).toContain('give minor, it needs major');
  });

  it('accepts a patch changeset for an addition below 1.0.0', async () => {
    extendSpec('1.1.0');
    write('.changeset/created-at.md', changeset({ [PROVIDER]: 'patch', [FACADE]: 'patch' }));
    expect((await checkChangesets(root)).problems).toEqual([]);
  });

  it('fails when the facade is not released with the provider it wraps', async () => {
    extendSpec('1.1.0');
    write('.changeset/created-at.md', changeset({ [PROVIDER]: 'patch' }));
    const { problems } = await checkChangesets(root);
    expect(problems).toEqual([expect.stringContaining(`${FACADE}: wraps ${PROVIDER}`)]);
  });

  it('fails a breaking spec change that keeps a minor info.version bump', async () => {
    breakSpec('1.1.0');
    write('.changeset/drop-email.md', changeset({ [PROVIDER]: 'minor', [FACADE]: 'patch' }));
    const { problems } = await checkChangesets(root);
    expect(problems).toEqual([expect.stringContaining('needs a major bump of the spec')]);
  });

  it('fails a generated-code change without a changeset even when the spec is unchanged', async () => {
    write('packages/fixture/src/generated/spec-info.ts', 'export const specInfo = { v: 2 };\n');
    const { problems } = await checkChangesets(root);
    expect(problems[0]).toMatch(/packages\/fixture\/src\/generated changed/);
  });

  it('fails an internal dependency that is not workspace:^', async () => {
    write('packages/facade/package.json', manifest(FACADE, { [PROVIDER]: 'workspace:*' }));
    const { problems } = await checkChangesets(root);
    expect(problems).toEqual([expect.stringContaining('use "workspace:^"')]);
  });

  it('lets an optional peer keep a plain range (workspace:^ would make every peer minor a facade major)', async () => {
    const facade = JSON.parse(manifest(FACADE, { [PROVIDER]: 'workspace:^' }));
    facade.peerDependencies = { [PROVIDER]: '>=0.1.0' };
    write(
      'packages/facade/package.json',
      `${JSON.stringify({ ...facade, peerDependenciesMeta: { [PROVIDER]: { optional: true } } })}\n`,
    );
    expect((await checkChangesets(root)).problems).toEqual([]);
    write('packages/facade/package.json', `${JSON.stringify(facade)}\n`);
    expect((await checkChangesets(root)).problems).toEqual([
      expect.stringContaining('use "workspace:^"'),
    ]);
  });
});
