/**
 * Reading a tenants file (YAML or JSON: JSON is YAML) and checking it against the JSON Schema.
 * Every problem is reported at once, each naming the tenant, the provider, the field, the rule and
 * the line and column; a file with any problem is refused whole, so nothing is sent.
 */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import {
  type Document,
  isMap,
  isPair,
  isScalar,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from 'yaml';
import { linkIssues, linkOf } from './links.js';
import { linkingProvider, managedName, markedName, nameProblem } from './naming.js';
import { TENANTS_SCHEMA } from './schema.js';
import { TENANT_PROVIDERS, type TenantProvider, type TenantsFile } from './types.js';

export interface TenantsFileIssue {
  /** The tenant key, when the problem is inside one tenant. */
  tenant?: string;
  provider?: TenantProvider;
  /** Path of the field inside the file, e.g. `tenants.acme.vobiz.enabled`. */
  field: string;
  rule: string;
  message: string;
  /** 1-based; absent when the file was given as an object rather than text. */
  line?: number;
  column?: number;
}

/** The tenants file has problems: all of them are in `issues`; nothing was sent. */
export class TenantsFileError extends Error {
  override readonly name = 'TenantsFileError';
  readonly issues: readonly TenantsFileIssue[];

  constructor(source: string, issues: TenantsFileIssue[]) {
    const lines = issues.map((issue) => `  ${describeIssue(source, issue)}`);
    super(
      `${source}: ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was sent\n${lines.join('\n')}`,
    );
    this.issues = issues;
  }
}

export function describeIssue(source: string, issue: TenantsFileIssue): string {
  const where = issue.line === undefined ? source : `${source}:${issue.line}:${issue.column}`;
  const who = [
    issue.tenant !== undefined && `tenant ${issue.tenant}`,
    issue.provider,
    `field ${issue.field}`,
  ].filter(Boolean);
  // A dash, not a colon, after the field: `password: must be …` reads as a secret to the CLI's
  // scrubber, which would hide the explanation of the very field the user has to fix.
  return `${where}: ${who.join(', ')} — ${issue.message} (rule: ${issue.rule})`;
}

let validator: ReturnType<Ajv2020['compile']> | undefined;
function validate(value: unknown): ErrorObject[] {
  validator ??= new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: true }).compile(
    TENANTS_SCHEMA,
  );
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

export type Locate = (
  path: readonly string[],
  key?: string,
) => { line: number; column: number } | undefined;

/** Parses YAML or JSON text; problems carry their line and column. */
export function parseTenantsFile(text: string, options: { source?: string } = {}): TenantsFile {
  const source = options.source ?? 'tenants file';
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = [...document.errors].map((error): TenantsFileIssue => {
    const at = lineCounter.linePos(error.pos[0]);
    return {
      field: '(file)',
      rule: error.code === 'DUPLICATE_KEY' ? 'unique-keys' : 'yaml-syntax',
      message: error.message.split('\n')[0] ?? error.message,
      line: at.line,
      column: at.col,
    };
  });
  if (syntax.length > 0) throw new TenantsFileError(source, syntax);

  const locate: Locate = (path, key) => {
    const node = nearestNode(document.contents as Node | null, path, key);
    if (!node?.range) return undefined;
    const at = lineCounter.linePos(node.range[0]);
    return { line: at.line, column: at.col };
  };
  return checkTenantsFile(plainValue(document, lineCounter, source), { source, locate });
}

/** Alias uses a file may resolve: enough to share blocks, too few for a "billion laughs". */
const MAX_ALIAS_USES = 100;

/** The document as plain data; an alias that cannot (or must not) be resolved is a file error. */
function plainValue(document: Document, lineCounter: LineCounter, source: string): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_USES });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let start: number | undefined;
    visit(document, {
      Alias(_, node) {
        start = node.range?.[0];
        return visit.BREAK;
      },
    });
    const at = start === undefined ? undefined : lineCounter.linePos(start);
    throw new TenantsFileError(source, [
      {
        field: '(file)',
        rule: 'yaml-aliases',
        message: `${error.message} (a file may resolve at most ${MAX_ALIAS_USES} alias uses)`,
        ...(at && { line: at.line, column: at.col }),
      },
    ]);
  }
}

/** Checks a tenants file given as an object (the library's way in); throws TenantsFileError. */
export function checkTenantsFile(
  value: unknown,
  options: { source?: string; locate?: Locate } = {},
): TenantsFile {
  const source = options.source ?? 'tenants';
  const locate = options.locate ?? (() => undefined);
  const issues = validate(value)
    // A branch of a oneOf or a propertyNames rule is reported once, by the rule that holds it.
    .filter((error) => !/\/(oneOf|propertyNames)\//.test(error.schemaPath))
    .map((error) => schemaIssue(error, locate));
  if (issues.length === 0)
    issues.push(
      ...nameIssues(value as TenantsFile, locate),
      ...linkIssues(value as TenantsFile, locate),
    );
  if (issues.length > 0) throw new TenantsFileError(source, dedupe(issues));
  return value as TenantsFile;
}

function pathOf(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function schemaIssue(error: ErrorObject, locate: Locate): TenantsFileIssue {
  const path = pathOf(error.instancePath);
  const params = error.params as Record<string, unknown>;
  // The field at fault is a key for these rules: name it and point at it.
  const key =
    (params.additionalProperty as string | undefined) ??
    (params.propertyName as string | undefined) ??
    (params.missingProperty as string | undefined);
  const field = key === undefined ? path : [...path, key];
  const message = messageOf(error, path);
  return {
    ...owner(field),
    field: field.length === 0 ? '(file)' : field.join('.'),
    rule: error.keyword,
    message,
    ...(error.keyword === 'required' ? locate(path) : locate(path, key)),
  };
}

function messageOf(error: ErrorObject, path: readonly string[]): string {
  const parent = error.parentSchema as
    | { properties?: object; propertyNames?: { enum?: unknown[] } }
    | undefined;
  switch (error.keyword) {
    case 'additionalProperties':
      return `is not a known field here (known: ${knownFields(error)})`;
    case 'required':
      return 'is required';
    case 'oneOf':
      return 'must be { env: NAME } or { generate: true } (a secret is never written in the file)';
    case 'propertyNames':
      if (parent?.propertyNames?.enum)
        return `is not one of ${parent.propertyNames.enum.join(', ')}`;
      return path.length === 1 && path[0] === 'tenants'
        ? 'is not a valid tenant key: up to 60 lower-case letters, digits, _ . -, starting with a letter or digit'
        : 'is not a valid name here';
    case 'enum':
      return `must be one of ${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}`;
    default:
      return error.message ?? 'is not valid';
  }
}

function knownFields(error: ErrorObject): string {
  const properties = (error.parentSchema as { properties?: object } | undefined)?.properties;
  return properties ? Object.keys(properties).join(', ') : 'none';
}

/** Which tenant and provider a path in the file belongs to. */
function owner(path: readonly string[]): { tenant?: string; provider?: TenantProvider } {
  const providerAt = path[0] === 'tenants' ? 2 : path[0] === 'defaults' ? 1 : -1;
  const provider = path[providerAt] as TenantProvider | undefined;
  return {
    ...(path[0] === 'tenants' && path[1] !== undefined && { tenant: path[1] }),
    ...(provider && TENANT_PROVIDERS.includes(provider) && { provider }),
  };
}

/**
 * Rules the schema cannot say: the name derived from prefix and key must suit each provider, and
 * so must the marked name a linked record takes once its link was sent (`naming.ts`).
 */
function nameIssues(file: TenantsFile, locate: Locate): TenantsFileIssue[] {
  const issues: TenantsFileIssue[] = [];
  for (const [key, spec] of Object.entries(file.tenants)) {
    for (const provider of TENANT_PROVIDERS) {
      if (spec[provider] === undefined) continue;
      const linking = linkingProvider(provider);
      const linked = linking !== undefined && linkOf(file, key, linking) === provider;
      const plain = nameProblem(provider, managedName(provider, file.prefix, key));
      const marked =
        linked && nameProblem(provider, markedName(provider, file.prefix, key, linking));
      const problem =
        plain ?? (marked ? `${marked} (its name once the ${linking} link is sent)` : undefined);
      if (problem)
        issues.push({
          tenant: key,
          provider,
          field: `tenants.${key}`,
          rule: 'provider-name',
          message: `prefix + key ${problem}`,
          ...locate(['tenants'], key),
        });
    }
  }
  return issues;
}

/** oneOf reports every branch; one issue per field and rule is enough to act on. */
function dedupe(issues: TenantsFileIssue[]): TenantsFileIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const id = `${issue.field}|${issue.rule}|${issue.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** The node at `path` (the key's node when `key` is given), or the nearest one above it. */
function nearestNode(root: Node | null, path: readonly string[], key?: string): Node | undefined {
  let node: Node | null | undefined = root;
  for (const part of path) {
    const next = childOf(node, part);
    if (!next) return node ?? undefined;
    node = next.value;
  }
  if (key !== undefined) {
    const pair = childOf(node, key);
    if (pair) return pair.key;
  }
  return node ?? undefined;
}

function childOf(
  node: Node | null | undefined,
  part: string,
): { key: Node; value: Node } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (name === part) return { key: pair.key as Node, value: pair.value as Node };
    }
    return undefined;
  }
  if (node && 'items' in node && Array.isArray(node.items)) {
    const item = node.items[Number(part)] as Node | undefined;
    return item ? { key: item, value: item } : undefined;
  }
  return undefined;
}
