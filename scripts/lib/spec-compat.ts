/**
 * Classifies the difference between two versions of an OpenAPI spec with Optic's
 * `breaking-changes` ruleset — the same functions `optic diff <base> <head> --check` calls.
 *
 * Why not the CLI: its `--json` output drops the check results (only the changelog is printed),
 * its text output is not meant for parsing, one exit code means both "breaking" and "could not
 * run", and its strict validation rejects the top-level `jsonSchemaDialect` every spec here
 * carries. The functions used below are internal to @useoptic/optic, so the version is pinned
 * exactly in the root package.json and scripts/test/spec-compat.test.ts pins their behaviour.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Worst kind of change first; `addition` = something new a client may use, `change` = anything else. */
export type ChangeLevel = 'none' | 'change' | 'addition' | 'breaking';

export interface BreakingFinding {
  /** `GET /path`, or the location Optic gives when no operation applies. */
  operation: string;
  /** Where in the operation, e.g. `response 200 response body: application/json property items/email`. */
  where: string;
  /** Optic's verdict, e.g. `cannot remove response property 'email'. This is a breaking change.` */
  message: string;
  /** Name of the Optic rule that failed. */
  rule: string;
}

export interface SpecChange {
  operation: string;
  /** Part of the operation: `''` (the operation itself), `query parameter 'x'`, `response 200 application/json`… */
  where: string;
  /** JSON pointer inside that part, e.g. `/schema/properties/email`; `''` for the part itself. */
  key: string;
  change: 'added' | 'removed' | 'changed';
  /** True when the change only offers something new (an operation, a field, a parameter, an enum value). */
  additive: boolean;
}

export interface SpecComparison {
  level: ChangeLevel;
  breaking: BreakingFinding[];
  changes: SpecChange[];
}

interface OpticAttribute {
  key: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}
interface OpticNode {
  name: string;
  change: 'added' | 'removed' | 'changed' | null;
  attributes?: OpticAttribute[];
  contentTypes?: OpticNode[];
  headers?: OpticNode[];
}
interface OpticOperation extends OpticNode {
  parameters: OpticNode[];
  requestBody?: OpticNode;
  responses: OpticNode[];
}
interface OpticRuleResult {
  passed: boolean;
  exempted?: boolean;
  name: string;
  where: string;
  error?: string;
  severity: number;
}
interface ParsedSpec {
  jsonLike: unknown;
}
interface OpticInternals {
  loadSpec(
    path: string,
    config: object,
    options: { strict: boolean; denormalize: boolean },
  ): Promise<ParsedSpec>;
  compute(
    specs: [ParsedSpec, ParsedSpec],
    config: object,
    options: { check: boolean; path: string },
  ): Promise<{ specResults: { results: OpticRuleResult[] }; changelogData: unknown }>;
  jsonChangelog(
    specs: { from: unknown; to: unknown },
    changelogData: unknown,
  ): { operations: OpticOperation[] };
}

let optic: OpticInternals | undefined;

function loadOptic(): OpticInternals {
  if (optic) return optic;
  // Optic sends telemetry only after its CLI initialises Segment; set the opt-out anyway.
  process.env.OPTIC_TELEMETRY_LEVEL = 'off';
  const require = createRequire(import.meta.url);
  const build = '@useoptic/optic/build';
  optic = {
    loadSpec: require(`${build}/utils/spec-loaders.js`).loadSpec,
    compute: require(`${build}/commands/diff/compute.js`).compute,
    jsonChangelog: require(`${build}/commands/diff/changelog-renderers/json-changelog.js`)
      .jsonChangelog,
  };
  for (const [name, fn] of Object.entries(optic))
    if (typeof fn !== 'function')
      throw new Error(`@useoptic/optic no longer exports ${name}; pin it back to 1.0.9`);
  return optic;
}

const DOC_KEYS = new Set([
  'description',
  'summary',
  'title',
  'example',
  'examples',
  'externalDocs',
]);

function isAdditive(attribute: OpticAttribute): boolean {
  const last = attribute.key.split('/').pop() ?? '';
  if (DOC_KEYS.has(last) || last.startsWith('x-')) return false;
  if (attribute.change === 'added') return true;
  // A widened enum offers new values; a narrowed one is Optic's business (breaking in requests).
  const enumOf = (value: unknown) =>
    Array.isArray(value)
      ? value
      : ((value as { enum?: unknown[] } | undefined)?.enum ?? ([] as unknown[]));
  const before = enumOf(attribute.before);
  const after = enumOf(attribute.after);
  return (
    attribute.change === 'changed' &&
    after.length > before.length &&
    before.every((v) => after.includes(v))
  );
}

function flatten(operations: OpticOperation[]): SpecChange[] {
  const changes: SpecChange[] = [];
  const visit = (operation: string, where: string, node: OpticNode) => {
    if (node.change === 'added' || node.change === 'removed') {
      // A new or removed part is one change; its contents are not listed one by one.
      changes.push({
        operation,
        where,
        key: '',
        change: node.change,
        additive: node.change === 'added',
      });
      return;
    }
    for (const attribute of node.attributes ?? [])
      changes.push({
        operation,
        where,
        key: attribute.key,
        change: attribute.change,
        additive: isAdditive(attribute),
      });
    for (const child of [...(node.contentTypes ?? []), ...(node.headers ?? [])])
      visit(operation, `${where} ${child.name}`.trim(), child);
  };
  for (const operation of operations) {
    if (operation.change === 'added' || operation.change === 'removed') {
      changes.push({
        operation: operation.name,
        where: '',
        key: '',
        change: operation.change,
        additive: operation.change === 'added',
      });
      continue;
    }
    visit(operation.name, '', { ...operation, contentTypes: [], headers: [] });
    for (const parameter of operation.parameters) visit(operation.name, parameter.name, parameter);
    if (operation.requestBody) visit(operation.name, 'request body', operation.requestBody);
    for (const response of operation.responses) visit(operation.name, response.name, response);
  }
  return changes;
}

/**
 * Optic lets anything through once `info.version` gets a new major; here the version is an output
 * of this classification (check:changesets demands the bump), so both sides get the same one.
 */
function withoutVersion(text: string): string {
  const spec = parse(text) as { info?: { version?: string } } | null;
  if (!spec || typeof spec !== 'object') throw new Error('not an OpenAPI document');
  return JSON.stringify({ ...spec, info: { ...spec.info, version: '0.0.0' } });
}

const OPERATION = /^(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE) \S+/;

/**
 * Compares two spec texts (YAML or JSON). `level` is `none` when Optic sees no operation change
 * even though the texts differ (descriptions, examples, `info`): callers decide what that means.
 */
export async function compareSpecs(baseText: string, headText: string): Promise<SpecComparison> {
  const { loadSpec, compute, jsonChangelog } = loadOptic();
  const dir = mkdtempSync(join(tmpdir(), 'tenantkit-spec-diff-'));
  try {
    const basePath = join(dir, 'base.json');
    const headPath = join(dir, 'head.json');
    writeFileSync(basePath, withoutVersion(baseText));
    writeFileSync(headPath, withoutVersion(headText));
    // Loose: Optic's strict OpenAPI 3.1 schema rejects `jsonSchemaDialect` (valid 3.1).
    const options = { strict: false, denormalize: true };
    const base = await loadSpec(basePath, {}, options);
    const head = await loadSpec(headPath, {}, options);
    const { specResults, changelogData } = await compute(
      [base, head],
      {},
      {
        check: true,
        path: headPath,
      },
    );
    const breaking = specResults.results
      .filter((result) => !result.passed && !result.exempted)
      .map((result) => ({
        operation: OPERATION.exec(result.where)?.[0] ?? result.where,
        where: result.where.replace(OPERATION, '').trim(),
        message: result.error ?? result.name,
        rule: result.name,
      }));
    const changes = flatten(
      jsonChangelog({ from: base.jsonLike, to: head.jsonLike }, changelogData).operations,
    );
    const level: ChangeLevel =
      breaking.length > 0
        ? 'breaking'
        : changes.some((c) => c.additive)
          ? 'addition'
          : changes.length > 0
            ? 'change'
            : 'none';
    return { level, breaking, changes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
