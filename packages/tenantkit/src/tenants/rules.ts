/**
 * What the tenant sync needs from each provider, written once per provider in `providers/`: its
 * block of the file (JSON Schema and type), how that block compares with what the provider reads
 * back, and the create or update that brings the record to the file. Only fields the file names
 * are compared; a field the provider cannot read back is "not comparable", never a change.
 */
import type { CreateInput, SubAccount, UpdateInput } from '../model.js';
import type { Provider } from '../registry.js';

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

/** One provider's part of the tenant sync; `T` is its block of the file. */
export interface TenantRules<P extends Provider, T extends object> {
  /** The JSON Schema of the provider's block (`tenants.<key>.<provider>`, `defaults.<provider>`). */
  readonly schema: SchemaObject;
  compare(want: T, have: SubAccount<P>): Comparison;
  /** Secret fields of the block (`{ env }` or `{ generate }`), with the default when it names none. */
  secretFields(want: T): Record<string, SecretRef>;
  createInput(name: string, want: T, secrets: ResolvedSecrets): CreateInput<P>;
  /** The update that applies `changes` (only compared fields ever change after creation). */
  updateInput(changes: readonly FieldChange[], have: SubAccount<P>): UpdateInput<P>;
  /** What must be sent right after a create, for fields the provider's create does not take. */
  afterCreate?(want: T): UpdateInput<P> | undefined;
  /** A record the provider still lists but that is gone for good (Twilio's closed accounts). */
  isGone?(have: SubAccount<P>): boolean;
  /** The provider whose record (the same tenant's) this one is linked to, made first. */
  linksTo?(want: T): Provider | undefined;
  /**
   * The one provider `linksTo` can name. Its records' names carry the mark of this provider's
   * link once the link was sent (`naming.ts`), the only place the sync can read that back.
   */
  readonly linkable?: Provider;
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
