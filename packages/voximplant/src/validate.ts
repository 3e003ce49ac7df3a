import { InputChecker } from '@tenantkit/core';
import { operations } from './generated/operations.js';
import type { OperationId } from './wire.js';

/** Login rule from errors 452/453 and the spec's pattern (see specs/voximplant.notes.md §8). */
const LOGIN_CHARACTERS = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const KEY_NAME_MAX = 50;
const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
/** A dotted-quad IPv4 address (the docs say "IP4" throughout the authorized-IP methods). */
const IPV4 = new RegExp(`^(${OCTET}\\.){3}${OCTET}$`);
/** An IPv4 address or a network in CIDR form, e.g. `92.255.220.0/24`. */
const IPV4_NETWORK = new RegExp(`^(${OCTET}\\.){3}${OCTET}(/(3[0-2]|[12]?[0-9]))?$`);
/** SetChildAccountInfo's selectors; GetChildrenAccounts' `order_by` takes the same three names. */
const CHILD_SELECTORS = ['child_account_id', 'child_account_name', 'child_account_email'] as const;
const CHILD_ORDER = CHILD_SELECTORS;

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
    check.uniqueItems('role_id', ids);
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
    check.uniqueItems('role_name', names);
  }
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

function ipv4(check: InputChecker, field: string, value: unknown, optional = false): void {
  check.matches(field, value, IPV4, 'ipv4', 'an IPv4 address such as 92.255.220.10', { optional });
}

function ipv4Network(check: InputChecker, field: string, value: unknown, optional = false): void {
  check.matches(
    field,
    value,
    IPV4_NETWORK,
    'ipv4-network',
    'an IPv4 address or network such as 92.255.220.0/24',
    { optional },
  );
}

/** Positive integer ids, none twice (a `;`-joined list on the wire). */
function idList(check: InputChecker, field: string, value: unknown): void {
  const ids = check.array(field, value, { minItems: 1 }) ?? [];
  ids.forEach((id, index) => {
    check.integer(`${field}[${index}]`, id, { min: 1 });
  });
  check.uniqueItems(field, ids);
}

/** Names or emails joined with `;` on the wire: none may hold a `;` or be blank. */
function textList(check: InputChecker, field: string, value: unknown, email = false): void {
  const items = check.array(field, value, { minItems: 1 }) ?? [];
  items.forEach((item, index) => {
    if (email) check.email(`${field}[${index}]`, item);
    else check.nonBlank(`${field}[${index}]`, item);
    if ((item as string).includes(';'))
      check.fail(`${field}[${index}]`, 'no-separator', 'must not contain ";" (the list separator)');
  });
  check.uniqueItems(field, items);
}

export function checkGetAccountInfo(input: unknown): void {
  const [check, query] = start('GetAccountInfo', input, true);
  check.boolean('return_live_balance', query.return_live_balance, { optional: true });
}

const CHILD_FLAGS = [
  'active',
  'frozen',
  'ignore_invalid_accounts',
  'brief_output',
  'medium_output',
  'return_live_balance',
] as const;

function childFilters(check: InputChecker, query: Input): void {
  if (query.child_account_id !== undefined)
    idList(check, 'child_account_id', query.child_account_id);
  check.nonBlank('child_account_name', query.child_account_name, { optional: true });
  check.email('child_account_email', query.child_account_email, { optional: true });
  for (const flag of CHILD_FLAGS) check.boolean(flag, query[flag], { optional: true });
  check.oneOf('order_by', query.order_by, CHILD_ORDER, { optional: true });
}

export function checkGetChildrenAccounts(input: unknown): void {
  const [check, query] = start('GetChildrenAccounts', input, true);
  childFilters(check, query);
  paging(check, query);
}

/** `childAccounts.listAll` walks `offset` itself; `count` is its page size. */
export function checkListAllChildren(input: unknown): void {
  const check = new InputChecker('voximplant', 'GetChildrenAccounts');
  const query = input === undefined ? {} : check.record('input', input);
  const accepted = operations.GetChildrenAccounts.queryParams.filter((name) => name !== 'offset');
  check.knownFields('', query, [...accepted, 'limit']);
  childFilters(check, query);
  check.integer('count', query.count, { optional: true, min: 1 });
  check.integer('limit', query.limit, { optional: true, min: 0 });
}

/** Exactly one selector (the docs' "required unless"; [VX-py] raises on none or several). */
export function checkSetChildAccountInfo(input: unknown): void {
  const [check, query] = start('SetChildAccountInfo', input);
  const selector = check.exclusive(query, CHILD_SELECTORS, 'exactly-one');
  if (selector === 'child_account_id' && query.child_account_id !== 'all')
    idList(check, 'child_account_id', query.child_account_id);
  if (selector === 'child_account_name')
    textList(check, 'child_account_name', query.child_account_name);
  if (selector === 'child_account_email')
    textList(check, 'child_account_email', query.child_account_email, true);
  if (Object.entries(query).every(([key, value]) => value === undefined || key === selector))
    check.fail('input', 'non-empty', 'must change at least one setting of the child accounts');
  check.email('new_child_account_email', query.new_child_account_email, { optional: true });
  password(check, 'new_child_account_password', query.new_child_account_password, true);
  for (const flag of [
    'active',
    'account_notifications',
    'tariff_changing_notifications',
    'news_notifications',
    'support_robokassa',
    'support_bank_card',
    'support_invoice',
    'can_use_restricted',
  ])
    check.boolean(flag, query[flag], { optional: true });
  check.matches(
    'language_code',
    query.language_code,
    /^[a-z]{2}$/,
    'language-code',
    'a two-letter ISO 639-1 code such as en',
    { optional: true },
  );
  check.nonBlank('location', query.location, { optional: true });
  const minBalance = query.min_balance_to_notify;
  if (
    minBalance !== undefined &&
    (typeof minBalance !== 'number' || !Number.isFinite(minBalance) || minBalance < 0)
  )
    check.fail('min_balance_to_notify', 'non-negative', 'must be a number, zero or more');
}

/**
 * `suspend` / `activate` take a selector only: the setting is theirs (`active`), and anything else
 * (`'all'` without its field, a password) is refused here rather than spread into the request.
 */
export function checkChildSelector(selector: unknown): void {
  const check = new InputChecker('voximplant', 'SetChildAccountInfo');
  const given = check.record('selector', selector);
  check.knownFields('selector', given, CHILD_SELECTORS);
}

export function checkAddAuthorizedIp(input: unknown): void {
  const [check, query] = start('AddAuthorizedAccountIP', input);
  ipv4Network(check, 'authorized_ip', query.authorized_ip);
  check.boolean('allowed', query.allowed, { optional: true });
  check.string('description', query.description, { optional: true });
}

function ipFilters(check: InputChecker, query: Input): void {
  ipv4Network(check, 'authorized_ip', query.authorized_ip, true);
  check.boolean('allowed', query.allowed, { optional: true });
  ipv4(check, 'contains_ip', query.contains_ip, true);
  check.string('description', query.description, { optional: true });
}

export function checkGetAuthorizedIps(input: unknown): void {
  const [check, query] = start('GetAuthorizedAccountIPs', input, true);
  ipFilters(check, query);
  paging(check, query);
}

export function checkListAllAuthorizedIps(input: unknown): void {
  const check = new InputChecker('voximplant', 'GetAuthorizedAccountIPs');
  const query = input === undefined ? {} : check.record('input', input);
  check.knownFields('', query, [
    'authorized_ip',
    'allowed',
    'contains_ip',
    'description',
    'count',
    'limit',
  ]);
  ipFilters(check, query);
  check.integer('count', query.count, { optional: true, min: 1 });
  check.integer('limit', query.limit, { optional: true, min: 0 });
}

/** Exactly one of `authorized_ip` (or `all`) and `contains_ip` (the docs' "required unless"). */
export function checkDelAuthorizedIp(input: unknown): void {
  const [check, query] = start('DelAuthorizedAccountIP', input);
  check.exclusive(query, ['authorized_ip', 'contains_ip'], 'exactly-one');
  if (query.authorized_ip !== 'all') ipv4Network(check, 'authorized_ip', query.authorized_ip, true);
  ipv4(check, 'contains_ip', query.contains_ip, true);
  check.boolean('allowed', query.allowed, { optional: true });
}

export function checkCheckAuthorizedIp(input: unknown): void {
  const [check, query] = start('CheckAuthorizedAccountIP', input);
  ipv4(check, 'authorized_ip', query.authorized_ip);
}
