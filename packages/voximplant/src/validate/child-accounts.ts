/** Input checks of the account and child-account methods. */
import { InputChecker } from '@tenantkit/core';
import { operations } from '../generated/operations.js';
import { type Input, paging, password, start } from './rules.js';

/** SetChildAccountInfo's selectors; GetChildrenAccounts' `order_by` takes the same three names. */
const CHILD_SELECTORS = ['child_account_id', 'child_account_name', 'child_account_email'] as const;
const CHILD_ORDER = CHILD_SELECTORS;

/** Positive integer ids, none twice (a `;`-joined list on the wire). */
function idList(check: InputChecker, field: string, value: unknown): void {
  // Stryker disable next-line ArrayDeclaration: check.array returns the list or throws (not optional here)
  const ids = check.array(field, value, { minItems: 1 }) ?? [];
  ids.forEach((id, index) => {
    check.integer(`${field}[${index}]`, id, { min: 1 });
  });
  check.uniqueItems(field, ids);
}

/** Names or emails joined with `;` on the wire: none may hold a `;` or be blank. */
function textList(check: InputChecker, field: string, value: unknown, email = false): void {
  // Stryker disable next-line ArrayDeclaration: check.array returns the list or throws (not optional here)
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
