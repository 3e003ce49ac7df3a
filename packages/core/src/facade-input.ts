/**
 * What every facade adapter does to the unified input before mapping it to its wire: checked
 * against the provider's capability row (a field it cannot honour, an unknown field, a missing
 * required one), `limits` renamed, `extra` merged after its allow-list; and its answer mapped
 * back with secrets redacted and handed-out values wrapped.
 */
import type { ProviderName } from './errors.js';
import { type CapabilityRow, INPUT_FIELDS, type InputField } from './provider.js';
import { baseRedactor } from './redact.js';
import { Secret } from './secret.js';
import type { UnifiedCreateResult, UnifiedDeleteResult, UnifiedSubAccount } from './unified.js';
import { InputChecker } from './validation.js';

/** The fields a provider honours on create or on update, in the table's order. */
export function supportedFields(row: CapabilityRow, operation: 'create' | 'update'): InputField[] {
  return INPUT_FIELDS.filter((field) => row.fields[field]?.[operation]);
}

/**
 * Rejects, before anything is sent, a field the provider cannot honour on this operation, an
 * unknown field, a missing required one, and an update that changes nothing. Returns a checker
 * for the value rules.
 */
export function checkFields(
  provider: ProviderName,
  row: CapabilityRow,
  operation: 'create' | 'update',
  input: unknown,
): { check: InputChecker; body: Record<string, unknown> } {
  const check = new InputChecker(provider, `subaccounts.${operation}`);
  const body = check.record(operation === 'create' ? 'input' : 'patch', input);
  for (const [field, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (!(INPUT_FIELDS as readonly string[]).includes(field)) {
      check.fail(
        field,
        'known-field',
        `is not a field of the unified model (fields: ${INPUT_FIELDS.join(', ')})`,
      );
    }
    if (!row.fields[field as InputField]?.[operation]) {
      const honoured = supportedFields(row, operation);
      check.fail(
        field,
        'unsupported-field',
        `is not supported by ${provider} on ${operation} (supported: ${honoured.join(', ') || 'none'})`,
      );
    }
  }
  for (const [field, rules] of Object.entries(row.fields)) {
    if (operation === 'create' && rules.create === 'required' && body[field] === undefined) {
      check.fail(field, 'required', `is required by ${provider}`);
    }
  }
  if (operation === 'update') check.changesSomething('patch', body);
  return { check, body };
}

/** The provider's answer as `raw`: a deep copy with every secret field replaced by `[REDACTED]`. */
export function redacted<T>(value: T): T {
  return baseRedactor.value(value) as T;
}

/** A value handed out once, wrapped so it cannot be printed by accident. */
export function secretOf(value: string | null | undefined): Secret | undefined {
  return value ? new Secret(value) : undefined;
}

/** Drops undefined values so a mapped object only holds what the provider said. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

/** Renames the keys of a `limits` object (unified name → wire name); unknown keys are refused. */
export function limitsToWire(
  check: InputChecker,
  value: unknown,
  names: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const limits = check.record('limits', value);
  check.knownFields('limits', limits, Object.keys(names));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(limits)) if (item !== undefined) out[names[key]!] = item;
  return out;
}

/** `extra` holds provider fields without a unified name; one of them may not repeat a mapped one. */
export function mergeExtra(
  check: InputChecker,
  mapped: Record<string, unknown>,
  extra: unknown,
  allowed: readonly string[],
): Record<string, unknown> {
  if (extra === undefined) return mapped;
  const fields = check.record('extra', extra);
  check.knownFields('extra', fields, allowed);
  return { ...mapped, ...fields };
}

/** A sub-account's unified fields: everything but the provider's name and its own record. */
export type UnifiedFields<S extends UnifiedSubAccount<string, unknown, unknown, unknown, unknown>> =
  Omit<S, 'provider' | 'raw'>;

/**
 * A provider's record in the unified model: the mapped fields (undefined ones dropped, so the
 * model only holds what the provider said) and the record itself, redacted, as `raw`.
 */
export function unifiedRecord<
  S extends UnifiedSubAccount<string, unknown, unknown, unknown, unknown>,
>(provider: S['provider'], raw: S['raw'], fields: UnifiedFields<S>): S {
  return defined({ provider, ...fields, raw: redacted(raw) }) as S;
}

/** A create's unified result: the values handed out (undefined ones dropped), the answer redacted. */
export function createResult<P extends string, Credentials extends object, Raw>(
  provider: P,
  created: { id: string; name: string; credentials: Credentials },
  answer: Raw,
): UnifiedCreateResult<P, Credentials, Raw> {
  const { id, name, credentials } = created;
  return { provider, id, name, credentials: defined(credentials), raw: redacted(answer) };
}

/** A delete's unified result: the id, and the provider's answer redacted. */
export function deleteResult<P extends string, Raw>(
  provider: P,
  id: string,
  answer: Raw,
): UnifiedDeleteResult<P, Raw> {
  return { provider, id, deleted: true, raw: redacted(answer) };
}
