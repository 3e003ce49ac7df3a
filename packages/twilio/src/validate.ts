import { InputChecker } from '@tenantkit/core';
import { accountStatusValues } from './generated/openapi.js';
import { operations } from './generated/operations.js';

/** The spec's `PageSize` bounds (Twilio answers error 20007 above 1000). */
export const MIN_PAGE_SIZE = 1;
export const MAX_PAGE_SIZE = 1000;
/** The spec's `FriendlyName` bounds (Twilio: "up to 64 characters", error 20002). */
const NAME_RULES = { optional: true, minLength: 1, maxLength: 64 } as const;

export const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const ACCOUNT_SID_SHAPE = 'an account SID: AC followed by 32 hexadecimal digits';

/** Keys `listAll` accepts: the list filters and page size (it walks the pages itself), plus `limit`. */
const LIST_ALL_KEYS = ['FriendlyName', 'Status', 'PageSize', 'limit'];

function checkSid(check: InputChecker, sid: unknown): void {
  check.matches('Sid', sid, ACCOUNT_SID, 'account-sid', ACCOUNT_SID_SHAPE);
}

export function checkAccountSid(operation: string, sid: unknown): void {
  checkSid(new InputChecker('twilio', operation), sid);
}

export function checkCreate(input: unknown): void {
  const check = new InputChecker('twilio', 'createSubaccount');
  if (input === undefined) return;
  const body = check.record('input', input);
  check.knownFields('', body, operations.createSubaccount.bodyFields);
  check.string('FriendlyName', body.FriendlyName, NAME_RULES);
}

export function checkUpdate(sid: unknown, patch: unknown): void {
  const check = new InputChecker('twilio', 'updateAccount');
  checkSid(check, sid);
  const body = check.patch(
    patch,
    operations.updateAccount.bodyFields,
    'must change at least one field (FriendlyName or Status)',
  );
  check.string('FriendlyName', body.FriendlyName, NAME_RULES);
  check.oneOf('Status', body.Status, accountStatusValues, { optional: true });
}

function checkFilters(check: InputChecker, query: Record<string, unknown>): void {
  check.string('FriendlyName', query.FriendlyName, { optional: true });
  check.oneOf('Status', query.Status, accountStatusValues, { optional: true });
  check.integer('PageSize', query.PageSize, {
    optional: true,
    min: MIN_PAGE_SIZE,
    max: MAX_PAGE_SIZE,
  });
}

export function checkListQuery(query: unknown): void {
  const check = new InputChecker('twilio', 'listAccounts');
  if (query === undefined) return;
  const body = check.record('query', query);
  check.knownFields('', body, operations.listAccounts.queryParams);
  checkFilters(check, body);
  check.integer('Page', body.Page, { optional: true, min: 0 });
  check.nonBlank('PageToken', body.PageToken, { optional: true });
  // Twilio refuses a later page without its token ("Paged requests must include a PageToken").
  if (typeof body.Page === 'number' && body.Page > 0 && body.PageToken === undefined)
    check.fail(
      'Page',
      'needs-page-token',
      'above 0 needs the PageToken Twilio put in next_page_uri (use listAll to walk pages)',
    );
}

export function checkListAllQuery(query: unknown): void {
  const check = new InputChecker('twilio', 'listAll');
  if (query === undefined) return;
  const body = check.record('query', query);
  check.knownFields('', body, LIST_ALL_KEYS);
  checkFilters(check, body);
  check.integer('limit', body.limit, { optional: true, min: 0 });
}
