import { InputChecker } from '@tenantkit/core';
import { businessTypeValues, kycModeValues } from './generated/openapi.js';
import { operations } from './generated/operations.js';

/** The spec's `size` bounds (specs/vobiz.yaml, parameter `Size`; the 100 is third-party, see the notes). */
export const MIN_PAGE_SIZE = 1;
export const MAX_PAGE_SIZE = 100;

/** Keys `listAll` accepts: the list filters minus `page` (it walks the pages itself), plus `limit`. */
const LIST_ALL_KEYS = [
  ...operations.listSubAccounts.queryParams.filter((name) => name !== 'page'),
  'limit',
];

function checkPermissions(check: InputChecker, value: unknown): void {
  if (value === undefined) return;
  const permissions = check.record('permissions', value);
  // Only `calls` and `cdr` are documented, but Vobiz lets further boolean switches through.
  for (const [key, allowed] of Object.entries(permissions))
    check.boolean(`permissions.${key}`, allowed);
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
  const body = check.record('patch', patch);
  check.knownFields('', body, operations.updateSubAccount.bodyFields);
  if (Object.values(body).every((value) => value === undefined))
    check.fail('patch', 'non-empty', 'must change at least one field');
  check.nonBlank('name', body.name, { optional: true });
  checkSharedFields(check, body);
}

export function checkSubAuthId(operation: string, subAuthId: unknown): void {
  new InputChecker('vobiz', operation).pathId('sub_auth_id', subAuthId);
}

function checkFilters(check: InputChecker, query: Record<string, unknown>): void {
  check.integer('size', query.size, { optional: true, min: MIN_PAGE_SIZE, max: MAX_PAGE_SIZE });
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
