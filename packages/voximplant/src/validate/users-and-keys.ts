/** Input checks of the sub-user, API key and role methods. */
import { InputChecker } from '@tenantkit/core';
import { keyId, paging, password, roles, start, subuserId } from './rules.js';

/** Login rule from errors 452/453 and the spec's pattern (see specs/voximplant.notes.md §8). */
const LOGIN_CHARACTERS = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const KEY_NAME_MAX = 50;

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
