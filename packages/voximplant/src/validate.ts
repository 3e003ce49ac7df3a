import { InputChecker } from '@tenantkit/core';
import { operations } from './generated/operations.js';
import type { OperationId } from './wire.js';

/** Login rule from errors 452/453 and the spec's pattern (see specs/voximplant.notes.md §8). */
const LOGIN_CHARACTERS = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const KEY_NAME_MAX = 50;

type Input = Record<string, unknown>;
type RoleRule = 'exactly-one' | 'at-most-one';

function start(operation: OperationId, input: unknown, optional = false): [InputChecker, Input] {
  const check = new InputChecker('voximplant', operation);
  const record = input === undefined && optional ? {} : check.record('input', input);
  const accepted = (operations[operation] as { queryParams?: readonly string[] }).queryParams ?? [];
  check.knownFields('', record, accepted);
  return [check, record];
}

function subuserId(check: InputChecker, value: unknown, optional = false): void {
  check.integer('subuser_id', value, { optional, min: 1 });
}

function keyId(check: InputChecker, value: unknown, optional = false): void {
  check.nonBlank('key_id', value, { optional });
}

function paging(check: InputChecker, input: Input): void {
  check.integer('offset', input.offset, { optional: true, min: 0 });
  check.integer('count', input.count, { optional: true, min: 0 });
}

/**
 * `role_id` (positive integers) or `role_name` (names without `;`): exactly one on the four
 * Set/Remove methods, at most one on AddSubUser and CreateKey (both is error 449; the docs' "both
 * required" is not followed, see specs/voximplant.notes.md §5–6).
 */
function roles(check: InputChecker, input: Input, rule: RoleRule): void {
  check.exclusive(input, ['role_id', 'role_name'], rule);
  const hasIds = input.role_id !== undefined;
  const hasNames = input.role_name !== undefined;
  if (hasIds) {
    const ids = check.array('role_id', input.role_id, { minItems: 1 }) ?? [];
    ids.forEach((id, index) => {
      check.integer(`role_id[${index}]`, id, { min: 1 });
    });
    unique(check, 'role_id', ids);
  }
  if (hasNames) {
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
    unique(check, 'role_name', names);
  }
}

function unique(check: InputChecker, field: string, items: unknown[]): void {
  items.forEach((item, index) => {
    if (items.indexOf(item) !== index)
      check.fail(
        `${field}[${index}]`,
        'unique-items',
        `repeats a value already listed in ${field}`,
      );
  });
}

/** The documented password rule (errors 463/464/523/524); the value is never echoed. */
function password(check: InputChecker, field: string, value: unknown, optional = false): void {
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

function keyName(check: InputChecker, value: unknown): void {
  check.string('key_name', value, { optional: true, minLength: 1, maxLength: KEY_NAME_MAX });
  if (typeof value === 'string') check.nonBlank('key_name', value);
}

export function checkAddSubUser(input: unknown): void {
  const [check, body] = start('AddSubUser', input);
  check.string('new_subuser_name', body.new_subuser_name, { minLength: 5, maxLength: 20 });
  const login = body.new_subuser_name as string;
  if (!/^[A-Za-z]/.test(login))
    check.fail('new_subuser_name', 'starts-with-letter', 'must start with a latin letter');
  if (!LOGIN_CHARACTERS.test(login))
    check.fail(
      'new_subuser_name',
      'login-characters',
      'may contain only latin letters, digits, _, - and .',
    );
  password(check, 'new_subuser_password', body.new_subuser_password);
  roles(check, body, 'at-most-one');
  check.string('description', body.description, { optional: true });
}

export function checkGetSubUsers(input: unknown): void {
  const [check, query] = start('GetSubUsers', input, true);
  subuserId(check, query.subuser_id, true);
  check.boolean('with_roles', query.with_roles, { optional: true });
  paging(check, query);
}

export function checkSetSubUserInfo(input: unknown): void {
  const [check, query] = start('SetSubUserInfo', input);
  subuserId(check, query.subuser_id);
  const hasNew = query.new_subuser_password !== undefined;
  const hasOld = query.old_subuser_password !== undefined;
  if (hasNew && !hasOld)
    check.fail('old_subuser_password', 'required-with', 'is required to set new_subuser_password');
  if (hasOld && !hasNew)
    check.fail(
      'new_subuser_password',
      'required-with',
      'is missing: old_subuser_password alone changes nothing',
    );
  if (!hasNew && query.description === undefined)
    check.fail('input', 'non-empty', 'must change new_subuser_password or description');
  check.string('old_subuser_password', query.old_subuser_password, {
    optional: true,
    minLength: 1,
  });
  password(check, 'new_subuser_password', query.new_subuser_password, true);
  check.string('description', query.description, { optional: true });
}

export function checkSubUserId(operation: 'DelSubUser', input: unknown): void {
  const [check, query] = start(operation, input);
  subuserId(check, query.subuser_id);
}

export function checkSubUserRoles(
  operation: 'SetSubUserRoles' | 'RemoveSubUserRoles',
  input: unknown,
): void {
  const [check, query] = start(operation, input);
  subuserId(check, query.subuser_id);
  roles(check, query, 'exactly-one');
  check.boolean('force', query.force, { optional: true });
}

export function checkExpandedRoles(
  operation: 'GetSubUserRoles' | 'GetKeyRoles',
  input: unknown,
): void {
  const [check, query] = start(operation, input);
  if (operation === 'GetSubUserRoles') subuserId(check, query.subuser_id);
  else keyId(check, query.key_id);
  check.boolean('with_expanded_roles', query.with_expanded_roles, { optional: true });
}

export function checkCreateKey(input: unknown): void {
  const [check, query] = start('CreateKey', input, true);
  keyName(check, query.key_name);
  check.string('description', query.description, { optional: true });
  roles(check, query, 'at-most-one');
}

export function checkGetKeys(input: unknown): void {
  const [check, query] = start('GetKeys', input, true);
  keyId(check, query.key_id, true);
  check.boolean('with_roles', query.with_roles, { optional: true });
  paging(check, query);
}

export function checkUpdateKey(input: unknown): void {
  const [check, query] = start('UpdateKey', input);
  keyId(check, query.key_id);
  // Required by every official client: send the current description to keep it.
  check.string('description', query.description);
  keyName(check, query.key_name);
}

export function checkKeyId(operation: 'DeleteKey', input: unknown): void {
  const [check, query] = start(operation, input);
  keyId(check, query.key_id);
}

export function checkKeyRoles(operation: 'SetKeyRoles' | 'RemoveKeyRoles', input: unknown): void {
  const [check, query] = start(operation, input);
  keyId(check, query.key_id);
  roles(check, query, 'exactly-one');
}

export function checkGetRoles(input: unknown): void {
  const [check, query] = start('GetRoles', input, true);
  check.nonBlank('group_name', query.group_name, { optional: true });
}

/** `listAll` walks pages itself, so it takes the page size (`count` ≥ 1) and a `limit`. */
export function checkListAll(operation: 'GetSubUsers' | 'GetKeys', input: unknown): void {
  const check = new InputChecker('voximplant', operation);
  const query = input === undefined ? {} : check.record('input', input);
  check.knownFields('', query, ['with_roles', 'count', 'limit']);
  check.boolean('with_roles', query.with_roles, { optional: true });
  check.integer('count', query.count, { optional: true, min: 1 });
  check.integer('limit', query.limit, { optional: true, min: 0 });
}
