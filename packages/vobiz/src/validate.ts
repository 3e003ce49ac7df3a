import { InputChecker } from '@tenantkit/core';
import { businessTypeValues, kycModeValues } from './generated/openapi.js';
import { operations } from './generated/operations.js';

/**
 * The spec's `size` bounds (specs/vobiz.yaml, parameter `Size`). The API docs state no maximum;
 * 100 is the limit of Vobiz's official MCP server and the documented maximum of its other lists
 * (see specs/vobiz.notes.md, "List"), so a larger size is refused with that reason.
 */
export const MIN_PAGE_SIZE = 1;
export const MAX_PAGE_SIZE = 100;
/** `per_page` of the numbers list: the docs state default 25, maximum 100. */
export const MAX_NUMBERS_PER_PAGE = 100;

/**
 * Client-side formats of the KYC documents (the spec's `x-tenantkit-client-pattern`; a test keeps
 * them equal). Vobiz documents only the lengths (PAN 10, GSTIN 15); the shapes are the issuers'.
 */
export const PAN_PATTERN = /^[A-Z]{5}[0-9]{4}[A-Z]$/;
export const GSTIN_PATTERN = /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;

/** Keys `listAll` accepts: the list filters minus `page` (it walks the pages itself), plus `limit`. */
const LIST_ALL_KEYS = [
  ...operations.listSubAccounts.queryParams.filter((name) => name !== 'page'),
  'limit',
];

/** Names that would reach an object's prototype on the way (JSON.parse keeps them as fields). */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function checkPermissions(check: InputChecker, value: unknown): void {
  if (value === undefined) return;
  const permissions = check.record('permissions', value);
  // `{ __proto__: … }` written as a literal is no field at all: it would vanish silently.
  const prototype = Object.getPrototypeOf(permissions);
  if (prototype !== Object.prototype && prototype !== null)
    check.fail('permissions', 'plain-object', 'must be a plain object of switches');
  // Only `calls` and `cdr` are documented, but Vobiz lets further boolean switches through.
  for (const [key, allowed] of Object.entries(permissions)) {
    if (UNSAFE_KEYS.has(key))
      check.fail(`permissions.${key}`, 'safe-key', 'is not a permission name Vobiz can take');
    check.boolean(`permissions.${key}`, allowed);
  }
}

/** Fields create and update share, with the same rules. */
function checkSharedFields(check: InputChecker, body: Record<string, unknown>): void {
  check.email('email', body.email, { optional: true });
  check.string('phone', body.phone, { optional: true });
  check.string('description', body.description, { optional: true });
  check.integer('rate_limit', body.rate_limit, { optional: true, min: 1 });
  checkPermissions(check, body.permissions);
  check.boolean('enabled', body.enabled, { optional: true });
  check.oneOf('kyc_mode', body.kyc_mode, kycModeValues, { optional: true });
}

export function checkCreate(input: unknown): void {
  const check = new InputChecker('vobiz', 'createSubAccount');
  const body = check.record('input', input);
  check.knownFields('', body, operations.createSubAccount.bodyFields);
  check.nonBlank('name', body.name);
  checkSharedFields(check, body);
  check.string('password', body.password, { optional: true, minLength: 1 });
  check.oneOf('business_type', body.business_type, businessTypeValues, { optional: true });
  // Vobiz answers 400 otherwise: an end-customer sub-account needs a contact for its KYC.
  if (body.kyc_mode === 'customer_use' && body.email === undefined)
    check.fail('email', 'required', 'is required when kyc_mode is customer_use');
}

export function checkUpdate(subAuthId: unknown, patch: unknown): void {
  const check = new InputChecker('vobiz', 'updateSubAccount');
  check.pathId('sub_auth_id', subAuthId);
  const body = check.patch(patch, operations.updateSubAccount.bodyFields);
  check.nonBlank('name', body.name, { optional: true });
  checkSharedFields(check, body);
}

export function checkSubAuthId(operation: string, subAuthId: unknown): void {
  new InputChecker('vobiz', operation).pathId('sub_auth_id', subAuthId);
}

function checkFilters(check: InputChecker, query: Record<string, unknown>): void {
  check.integer('size', query.size, { optional: true, min: MIN_PAGE_SIZE });
  if (typeof query.size === 'number' && query.size > MAX_PAGE_SIZE)
    check.fail(
      'size',
      'maximum',
      `must be at most ${MAX_PAGE_SIZE}: the API docs state no limit, and ${MAX_PAGE_SIZE} is the one Vobiz's own MCP server and its other lists use`,
    );
  check.boolean('active_only', query.active_only, { optional: true });
}

export function checkListQuery(query: unknown): void {
  if (query === undefined) return;
  const check = new InputChecker('vobiz', 'listSubAccounts');
  const filters = check.record('query', query);
  check.knownFields('', filters, operations.listSubAccounts.queryParams);
  check.integer('page', filters.page, { optional: true, min: 1 });
  checkFilters(check, filters);
}

export function checkListAllQuery(query: unknown): void {
  if (query === undefined) return;
  const check = new InputChecker('vobiz', 'listSubAccounts');
  const filters = check.record('query', query);
  check.knownFields('', filters, LIST_ALL_KEYS);
  checkFilters(check, filters);
  check.integer('limit', filters.limit, { optional: true, min: 0 });
}

/** A sub-account's auth id where one is easily confused with its numeric `id`. */
function subAccountAuthId(check: InputChecker, field: string, value: unknown): void {
  check.nonBlank(field, value);
  if (!(value as string).startsWith('SA_'))
    check.fail(
      field,
      'sub-account-auth-id',
      "must be the sub-account's auth id (SA_…), not its numeric id",
    );
}

function checkNumberFilters(check: InputChecker, query: Record<string, unknown>): void {
  check.integer('per_page', query.per_page, { optional: true, min: 1, max: MAX_NUMBERS_PER_PAGE });
  check.boolean('include_subaccounts', query.include_subaccounts, { optional: true });
  check.nonBlank('search', query.search, { optional: true });
}

export function checkListNumbers(query: unknown): void {
  if (query === undefined) return;
  const check = new InputChecker('vobiz', 'listNumbers');
  const filters = check.record('query', query);
  check.knownFields('', filters, operations.listNumbers.queryParams);
  check.integer('page', filters.page, { optional: true, min: 1 });
  checkNumberFilters(check, filters);
}

/** `listAll` filters: no `page` (it walks the pages), plus `limit`. */
export function checkListAllNumbers(query: unknown): void {
  if (query === undefined) return;
  const check = new InputChecker('vobiz', 'listNumbers');
  walkFilters(check, query, ['per_page', 'include_subaccounts', 'search']);
}

/** `listForSubAccount`: the sub-account, and the `listAll` filters minus `include_subaccounts`. */
export function checkSubAccountNumbers(subAuthId: unknown, query: unknown): void {
  const check = new InputChecker('vobiz', 'listNumbers');
  subAccountAuthId(check, 'sub_auth_id', subAuthId);
  if (query !== undefined) walkFilters(check, query, ['per_page', 'search']);
}

function walkFilters(check: InputChecker, query: unknown, allowed: readonly string[]): void {
  const filters = check.record('query', query);
  check.knownFields('', filters, [...allowed, 'limit']);
  checkNumberFilters(check, filters);
  check.integer('limit', filters.limit, { optional: true, min: 0 });
}

export function checkAssignNumber(e164: unknown, subAuthId: unknown): void {
  const check = new InputChecker('vobiz', 'assignNumberToSubAccount');
  check.e164('e164', e164);
  subAccountAuthId(check, 'sub_account_id', subAuthId);
}

export function checkUnassignNumber(e164: unknown, query: unknown): void {
  const check = new InputChecker('vobiz', 'unassignNumberFromSubAccount');
  check.e164('e164', e164);
  if (query === undefined) return;
  const options = check.record('query', query);
  check.knownFields('', options, operations.unassignNumberFromSubAccount.queryParams);
  check.boolean('force', options.force, { optional: true });
}

type KycOperation =
  | 'getSubAccountKycStatus'
  | 'verifySubAccountPan'
  | 'verifySubAccountGst'
  | 'searchSubAccountCin'
  | 'confirmSubAccountCin'
  | 'initiateSubAccountDigilocker'
  | 'verifySubAccountDigilocker'
  | 'createSubAccountKycSession';

/** The path id, then the body against the spec's fields; returns the checker and the body. */
function kyc(
  operation: KycOperation,
  subAuthId: unknown,
  body?: unknown,
): [InputChecker, Record<string, unknown>] {
  const check = new InputChecker('vobiz', operation);
  check.pathId('sub_auth_id', subAuthId);
  if (body === undefined && operation === 'getSubAccountKycStatus') return [check, {}];
  const record = check.record('input', body);
  const fields = (operations[operation] as { bodyFields?: readonly string[] }).bodyFields ?? [];
  check.knownFields('', record, fields);
  return [check, record];
}

export function checkKycStatus(subAuthId: unknown): void {
  kyc('getSubAccountKycStatus', subAuthId);
}

export function checkVerifyPan(subAuthId: unknown, body: unknown): void {
  const [check, input] = kyc('verifySubAccountPan', subAuthId, body);
  check.string('pan', input.pan, { minLength: 10, maxLength: 10 });
  check.matches(
    'pan',
    input.pan,
    PAN_PATTERN,
    'pan-format',
    'a PAN: 5 capital letters, 4 digits, 1 capital letter (e.g. ABCDE1234F)',
  );
}

export function checkVerifyGst(subAuthId: unknown, body: unknown): void {
  const [check, input] = kyc('verifySubAccountGst', subAuthId, body);
  check.string('gstin', input.gstin, { minLength: 15, maxLength: 15 });
  check.matches(
    'gstin',
    input.gstin,
    GSTIN_PATTERN,
    'gstin-format',
    'a GSTIN: 2-digit state code, a PAN, an entity character, Z, a check character (e.g. 29AAJCN5983D1Z0)',
  );
}

export function checkCinSearch(subAuthId: unknown, body: unknown): void {
  const [check, input] = kyc('searchSubAccountCin', subAuthId, body);
  check.nonBlank('company_name', input.company_name);
}

/** `selected_cin` is passed on unchanged from the search results, so only its presence is checked. */
export function checkCinConfirm(subAuthId: unknown, body: unknown): void {
  const [check, input] = kyc('confirmSubAccountCin', subAuthId, body);
  check.nonBlank('company_name', input.company_name);
  check.nonBlank('selected_cin', input.selected_cin);
}

export function checkDigilockerInitiate(subAuthId: unknown, body: unknown): void {
  const [check, input] = kyc('initiateSubAccountDigilocker', subAuthId, body);
  check.url('redirect_url', input.redirect_url);
  check.string('oauth_state', input.oauth_state, { optional: true });
}

export function checkDigilockerVerify(subAuthId: unknown, body: unknown): void {
  const [check, input] = kyc('verifySubAccountDigilocker', subAuthId, body);
  check.nonBlank('access_request_id', input.access_request_id);
  check.nonBlank('linked_number', input.linked_number, { optional: true });
}

export function checkKycSession(subAuthId: unknown, body: unknown): void {
  const [check, input] = kyc('createSubAccountKycSession', subAuthId, body);
  check.oneOf('flow_type', input.flow_type, ['email', 'redirect']);
  if (input.account_auth_id !== undefined && input.account_auth_id !== subAuthId)
    check.fail('account_auth_id', 'equals-path', 'must be the same sub-account as sub_auth_id');
  check.email('customer_email', input.customer_email, { optional: true });
  check.url('redirect_url', input.redirect_url, { optional: true });
  // The docs call the webhook an HTTPS endpoint.
  check.url('webhook_url', input.webhook_url, { optional: true, https: true });
  check.integer('expires_in_days', input.expires_in_days, { optional: true, min: 1, max: 365 });
  if (input.metadata !== undefined) check.record('metadata', input.metadata);
  const reminders = check.array('reminder_schedule', input.reminder_schedule, { optional: true });
  reminders?.forEach((reminder, index) => {
    const item = check.record(`reminder_schedule[${index}]`, reminder);
    check.knownFields(`reminder_schedule[${index}]`, item, ['trigger', 'value']);
    check.nonBlank(`reminder_schedule[${index}].trigger`, item.trigger);
    check.integer(`reminder_schedule[${index}].value`, item.value, { min: 0 });
  });
}
