import { isUnsafePathSegment } from './client.js';
import { type ProviderName, ValidationError } from './errors.js';

const E164 = /^\+[1-9]\d{1,14}$/;
// Deliberately loose: one @, no spaces, a dot in the domain. The provider is the final judge.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Optional = { optional?: boolean };

/**
 * Checks input before anything is sent. Each failure is a ValidationError naming the field and the
 * rule; values are never echoed, since some fields are secrets.
 */
export class InputChecker {
  constructor(
    readonly provider: ProviderName,
    readonly operation: string,
  ) {}

  fail(field: string, rule: string, message: string): never {
    throw new ValidationError({
      provider: this.provider,
      operation: this.operation,
      field,
      rule,
      message,
    });
  }

  record(field: string, value: unknown): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      this.fail(field, 'object', 'must be an object');
    return value as Record<string, unknown>;
  }

  /** Rejects keys the operation does not accept (the list comes from the spec). */
  knownFields(field: string, value: Record<string, unknown>, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (value[key] !== undefined && !allowed.includes(key)) {
        this.fail(
          field === '' ? key : `${field}.${key}`,
          'known-field',
          `is not a field of this operation (allowed: ${allowed.join(', ')})`,
        );
      }
    }
  }

  string(
    field: string,
    value: unknown,
    rules: Optional & { minLength?: number; maxLength?: number } = {},
  ): void {
    if (value === undefined && rules.optional) return;
    if (typeof value !== 'string') this.fail(field, 'string', 'must be a string');
    if (rules.minLength !== undefined && value.length < rules.minLength) {
      this.fail(field, 'min-length', `must be at least ${rules.minLength} characters long`);
    }
    if (rules.maxLength !== undefined && value.length > rules.maxLength) {
      this.fail(field, 'max-length', `must be at most ${rules.maxLength} characters long`);
    }
  }

  nonBlank(field: string, value: unknown, rules: Optional & { maxLength?: number } = {}): void {
    if (value === undefined && rules.optional) return;
    this.string(field, value, rules);
    if ((value as string).trim() === '') this.fail(field, 'non-blank', 'must not be blank');
  }

  integer(
    field: string,
    value: unknown,
    rules: Optional & { nullable?: boolean; min?: number; max?: number } = {},
  ): void {
    if (value === undefined && rules.optional) return;
    if (value === null && rules.nullable) return;
    if (typeof value !== 'number' || !Number.isSafeInteger(value))
      this.fail(field, 'integer', 'must be an integer');
    if (rules.min !== undefined && value < rules.min) {
      this.fail(
        field,
        rules.min === 0 ? 'non-negative' : 'minimum',
        `must be ${rules.min === 0 ? 'zero or more' : `at least ${rules.min}`}`,
      );
    }
    if (rules.max !== undefined && value > rules.max)
      this.fail(field, 'maximum', `must be at most ${rules.max}`);
  }

  boolean(field: string, value: unknown, rules: Optional = {}): void {
    if (value === undefined && rules.optional) return;
    if (typeof value !== 'boolean') this.fail(field, 'boolean', 'must be true or false');
  }

  oneOf(field: string, value: unknown, allowed: readonly unknown[], rules: Optional = {}): void {
    if (value === undefined && rules.optional) return;
    if (!allowed.includes(value)) this.fail(field, 'enum', `must be one of: ${allowed.join(', ')}`);
  }

  array(
    field: string,
    value: unknown,
    rules: Optional & { minItems?: number } = {},
  ): unknown[] | undefined {
    if (value === undefined && rules.optional) return undefined;
    if (!Array.isArray(value)) this.fail(field, 'array', 'must be an array');
    if (rules.minItems !== undefined && value.length < rules.minItems) {
      this.fail(field, 'min-items', `must hold at least ${rules.minItems} item(s)`);
    }
    return value;
  }

  /** Each item from `allowed`, none twice. */
  enumList(field: string, value: unknown, allowed: readonly unknown[], rules: Optional = {}): void {
    const items = this.array(field, value, rules);
    items?.forEach((item, index) => {
      this.oneOf(`${field}[${index}]`, item, allowed);
      this.#notRepeated(field, items, index);
    });
  }

  /** No item twice; the first repeat is named by its index. */
  uniqueItems(field: string, items: readonly unknown[]): void {
    items.forEach((_item, index) => {
      this.#notRepeated(field, items, index);
    });
  }

  #notRepeated(field: string, items: readonly unknown[], index: number): void {
    if (items.indexOf(items[index]) !== index)
      this.fail(`${field}[${index}]`, 'unique-items', `repeats a value already listed in ${field}`);
  }

  /** A patch whose every field is absent would change nothing, and answer as if it had. */
  changesSomething(
    field: string,
    patch: Record<string, unknown>,
    message = 'must change at least one field',
  ): void {
    if (Object.values(patch).every((value) => value === undefined))
      this.fail(field, 'non-empty', message);
  }

  /**
   * An update's patch: an object, with only the operation's fields (`allowed`, from the spec), at
   * least one of them given. Every provider's update starts so.
   */
  patch(value: unknown, allowed: readonly string[], message?: string): Record<string, unknown> {
    const body = this.record('patch', value);
    this.knownFields('', body, allowed);
    this.changesSomething('patch', body, message);
    return body;
  }

  /** No value may appear in both lists. */
  disjoint(fieldA: string, a: unknown, fieldB: string, b: unknown): void {
    if (!Array.isArray(a) || !Array.isArray(b)) return;
    const inA = new Set(a);
    b.forEach((item, index) => {
      if (inA.has(item))
        this.fail(`${fieldB}[${index}]`, 'disjoint', `lists a value that is also in ${fieldA}`);
    });
  }

  e164(field: string, value: unknown, rules: Optional = {}): void {
    if (value === undefined && rules.optional) return;
    if (typeof value !== 'string' || !E164.test(value)) {
      this.fail(
        field,
        'e164',
        'must be an E.164 phone number: + then 2 to 15 digits, e.g. +14155550123',
      );
    }
  }

  email(field: string, value: unknown, rules: Optional = {}): void {
    if (value === undefined && rules.optional) return;
    if (typeof value !== 'string' || !EMAIL.test(value))
      this.fail(field, 'email', 'must be an email address');
  }

  /**
   * Of `fields`, exactly one (`exactly-one`) or at most one (`at-most-one`) may be present: for
   * selectors and alternatives a provider refuses in pairs (it cannot be said in a query schema).
   */
  exclusive(
    input: Record<string, unknown>,
    fields: readonly string[],
    rule: 'exactly-one' | 'at-most-one',
  ): string | undefined {
    const present = fields.filter((field) => input[field] !== undefined);
    const names = fields.join(', ');
    const howMany = rule === 'exactly-one' ? 'exactly' : 'at most';
    if (present.length > 1)
      this.fail(present.join(' + '), rule, `cannot be combined: pass ${howMany} one of ${names}`);
    if (present.length === 0 && rule === 'exactly-one')
      this.fail(fields.join(' | '), rule, `is required: pass exactly one of ${names}`);
    return present[0];
  }

  /** A string of a fixed shape; `shape` says it in words (the value itself is never echoed). */
  matches(
    field: string,
    value: unknown,
    pattern: RegExp,
    rule: string,
    shape: string,
    rules: Optional = {},
  ): void {
    if (value === undefined && rules.optional) return;
    this.string(field, value);
    if (!pattern.test(value as string)) this.fail(field, rule, `must be ${shape}`);
  }

  /** An absolute http(s) URL; with `https`, only `https:` (for addresses a provider will call). */
  url(field: string, value: unknown, rules: Optional & { https?: boolean } = {}): void {
    if (value === undefined && rules.optional) return;
    this.string(field, value);
    const text = value as string;
    const protocol = URL.canParse(text) ? new URL(text).protocol : undefined;
    if (rules.https && protocol !== 'https:')
      this.fail(field, 'https-url', 'must be an absolute https:// URL');
    if (protocol !== 'https:' && protocol !== 'http:')
      this.fail(field, 'url', 'must be an absolute http(s):// URL');
  }

  /** For an id that goes into a URL path: `..` or a slash would address another resource. */
  pathId(field: string, value: unknown): void {
    this.nonBlank(field, value);
    if (isUnsafePathSegment(value as string)) {
      this.fail(field, 'path-safe', 'must not contain /, ? or # and must not be . or ..');
    }
  }
}
