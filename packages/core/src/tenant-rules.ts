/**
 * What the tenant sync (the facade's `tenantkit tenants`) needs from each provider, written by
 * the provider package beside its facade adapter (the definition's `tenants`): its block of the
 * tenants file (JSON Schema and type), how that block compares with what the provider reads back,
 * and the create or update that brings the record to the file. Only fields the file names are
 * compared; a field the provider cannot read back is "not comparable", never a change.
 */

/** A secret is never written in the file: read from the environment, or generated. */
export type SecretRef = { env: string } | { generate: true };

export interface FieldChange {
  /** Unified field path, e.g. `limits.rateLimit`, `permissions.cdr`, `roles`. */
  field: string;
  current: unknown;
  desired: unknown;
}

export interface Comparison {
  changes: FieldChange[];
  /** Fields the file sets that the provider cannot read back: sent on create only. */
  notComparable: string[];
}

/** Secrets resolved for one create, by field (`password`, `extra.twilio_auth_token`). */
export type ResolvedSecrets = Readonly<Record<string, string>>;

/** A JSON Schema object, as the tenants file's schema is written. */
export type SchemaObject = Readonly<Record<string, unknown>>;

/** The sub-account a facade adapter reads (what its `get` resolves to). */
export type AdapterSubAccount<Adapter> = Adapter extends {
  get(...args: never[]): Promise<infer SubAccount>;
}
  ? SubAccount
  : never;
/** What a facade adapter's `create` takes. */
export type AdapterCreateInput<Adapter> = Adapter extends {
  create(input: infer Input, ...rest: never[]): unknown;
}
  ? Input
  : never;
/** What a facade adapter's `update` takes. */
export type AdapterUpdateInput<Adapter> = Adapter extends {
  update(id: never, patch: infer Patch, ...rest: never[]): unknown;
}
  ? Patch
  : never;

/** One provider's part of the tenant sync; `T` is its block of the file, `Adapter` its facade's. */
export interface TenantRules<T extends object, Adapter> {
  /** The JSON Schema of the provider's block (`tenants.<key>.<provider>`, `defaults.<provider>`). */
  readonly schema: SchemaObject;
  compare(want: T, have: AdapterSubAccount<Adapter>): Comparison;
  /** Secret fields of the block (`{ env }` or `{ generate }`), with the default when it names none. */
  secretFields(want: T): Record<string, SecretRef>;
  createInput(name: string, want: T, secrets: ResolvedSecrets): AdapterCreateInput<Adapter>;
  /** The update that applies `changes` (only compared fields ever change after creation). */
  updateInput(
    changes: readonly FieldChange[],
    have: AdapterSubAccount<Adapter>,
  ): AdapterUpdateInput<Adapter>;
  /** What must be sent right after a create, for fields the provider's create does not take. */
  afterCreate?(want: T): AdapterUpdateInput<Adapter> | undefined;
  /** A record the provider still lists but that is gone for good (Twilio's closed accounts). */
  isGone?(have: AdapterSubAccount<Adapter>): boolean;
  /** The provider whose record (the same tenant's) this one is linked to, made first. */
  linksTo?(want: T): string | undefined;
  /**
   * The one provider `linksTo` can name. Its records' names carry the mark of this provider's
   * link once the link was sent, the only place the sync can read that back.
   */
  readonly linkable?: string;
  /** Fields of `want` that name the linked record another way (a file error beside `linksTo`). */
  linkRivals?(want: T): string[];
  /** The id of a `linkable` provider's record this block names directly (`extra`), if any. */
  namesLinkable?(want: T): string | undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Collects the changes and the fields that cannot be compared, field by field. */
export class Comparer {
  readonly changes: FieldChange[] = [];
  readonly notComparable: string[] = [];
  field(field: string, current: unknown, desired: unknown): void {
    if (desired !== undefined && !same(current, desired))
      this.changes.push({ field, current: current ?? null, desired });
  }
  blind(field: string, desired: unknown): void {
    if (desired !== undefined) this.notComparable.push(field);
  }
  result(): Comparison {
    return { changes: this.changes, notComparable: this.notComparable };
  }
}

/** The changes under `prefix` (`limits.`), by the rest of their path. */
export function changedUnder(
  changes: readonly FieldChange[],
  prefix: string,
): Record<string, unknown> {
  return Object.fromEntries(
    changes
      .filter((change) => change.field.startsWith(prefix))
      .map((change) => [change.field.slice(prefix.length), change.desired]),
  );
}

/** The desired value of a top-level field that changed, or undefined. */
export function changedTo(changes: readonly FieldChange[], field: string): unknown {
  return changes.find((change) => change.field === field)?.desired;
}
