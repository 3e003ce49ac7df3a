/**
 * The building blocks of Voximplant's input checks: a checker over the operation's known fields,
 * ids, paging, the role selectors and the password rule.
 */
import { InputChecker } from '@tenantkit/core';
import { operations } from '../generated/operations.js';
import type { OperationId } from '../wire.js';

export type Input = Record<string, unknown>;
type RoleRule = 'exactly-one' | 'at-most-one';

export function start(
  operation: OperationId,
  input: unknown,
  optional = false,
): [InputChecker, Input] {
  const check = new InputChecker('voximplant', operation);
  const record = input === undefined && optional ? {} : check.record('input', input);
  // Stryker disable next-line ArrayDeclaration: every operation that takes an input lists its query parameters
  const accepted = (operations[operation] as { queryParams?: readonly string[] }).queryParams ?? [];
  check.knownFields('', record, accepted);
  return [check, record];
}

export function subuserId(check: InputChecker, value: unknown, optional = false): void {
  check.integer('subuser_id', value, { optional, min: 1 });
}

export function keyId(check: InputChecker, value: unknown, optional = false): void {
  check.nonBlank('key_id', value, { optional });
}

export function paging(check: InputChecker, input: Input): void {
  check.integer('offset', input.offset, { optional: true, min: 0 });
  check.integer('count', input.count, { optional: true, min: 0 });
}

/**
 * `role_id` (positive integers) or `role_name` (names without `;`): exactly one on the four
 * Set/Remove methods, at most one on AddSubUser and CreateKey (both is error 449; the docs' "both
 * required" is not followed, see specs/voximplant.notes.md §5–6).
 */
export function roles(check: InputChecker, input: Input, rule: RoleRule): void {
  check.exclusive(input, ['role_id', 'role_name'], rule);
  const hasIds = input.role_id !== undefined;
  const hasNames = input.role_name !== undefined;
  if (hasIds) {
    // Stryker disable next-line ArrayDeclaration: check.array returns the list or throws (role_id is present here)
    const ids = check.array('role_id', input.role_id, { minItems: 1 }) ?? [];
    ids.forEach((id, index) => {
      check.integer(`role_id[${index}]`, id, { min: 1 });
    });
    check.uniqueItems('role_id', ids);
  }
  if (hasNames) {
    // Stryker disable next-line ArrayDeclaration: check.array returns the list or throws (role_name is present here)
    const names = check.array('role_name', input.role_name, { minItems: 1 }) ?? [];
    names.forEach((name, index) => {
      check.nonBlank(`role_name[${index}]`, name);
      if ((name as string).includes(';'))
        check.fail(
          `role_name[${index}]`,
          'no-separator',
          'must not contain ";" (the list separator)',
        );
    });
    check.uniqueItems('role_name', names);
  }
}

/** The documented password rule (errors 463/464/523/524); the value is never echoed. */
export function password(
  check: InputChecker,
  field: string,
  value: unknown,
  optional = false,
): void {
  if (value === undefined && optional) return;
  check.string(field, value);
  const text = value as string;
  if (/\s/.test(text)) check.fail(field, 'no-whitespace', 'must not contain spaces');
  if (text.length < 8) check.fail(field, 'min-length', 'must be at least 8 characters long');
  if (!/[a-z]/.test(text)) check.fail(field, 'lowercase', 'must contain a lower-case letter');
  if (!/[A-Z]/.test(text)) check.fail(field, 'uppercase', 'must contain an upper-case letter');
  if (!/[0-9]/.test(text)) check.fail(field, 'digit', 'must contain a digit');
  if (!/[^A-Za-z0-9]/.test(text))
    check.fail(
      field,
      'special-character',
      'must contain a special character (not a letter or digit)',
    );
}
