import { InputChecker } from '@tenantkit/core';
import { operationTypeValues, permissionValues } from './generated/openapi.js';
import { operations } from './generated/operations.js';

const LIMITS = ['max_agents', 'max_minutes', 'max_workflow_runs'] as const;

/** Limits and permission lists: the same rules on create and update. */
function checkQuotasAndPermissions(check: InputChecker, input: Record<string, unknown>): void {
  check.integer('concurrency', input.concurrency, { optional: true, min: 0 });
  for (const limit of LIMITS)
    check.integer(limit, input[limit], { optional: true, nullable: true, min: 0 });
  check.enumList('grant_permissions', input.grant_permissions, permissionValues, {
    optional: true,
  });
  check.enumList('revoke_permissions', input.revoke_permissions, permissionValues, {
    optional: true,
  });
  check.disjoint(
    'grant_permissions',
    input.grant_permissions,
    'revoke_permissions',
    input.revoke_permissions,
  );
  check.string('twilio_account_sid', input.twilio_account_sid, { optional: true, minLength: 1 });
  check.string('twilio_auth_token', input.twilio_auth_token, { optional: true, minLength: 1 });
}

export function checkCreate(input: unknown): void {
  const check = new InputChecker('synthflow', 'createSubaccount');
  const body = check.record('input', input);
  check.knownFields('', body, operations.createSubaccount.bodyFields);
  check.nonBlank('subaccount_name', body.subaccount_name);
  check.email('user_email', body.user_email, { optional: true });
  checkQuotasAndPermissions(check, body);
}

export function checkUpdate(subaccountId: unknown, patch: unknown): void {
  const check = new InputChecker('synthflow', 'updateSubaccount');
  check.pathId('subaccount_id', subaccountId);
  const body = check.patch(patch, operations.updateSubaccount.bodyFields);
  check.nonBlank('subaccount_name', body.subaccount_name, { optional: true });
  check.email('invite_user_email', body.invite_user_email, { optional: true });
  checkQuotasAndPermissions(check, body);
  for (const field of ['pricing_tiers_attach', 'pricing_tiers_detach'] as const) {
    check.array(field, body[field], { optional: true })?.forEach((tier, index) => {
      const at = `${field}[${index}]`;
      check.knownFields(at, check.record(at, tier), ['pricing_tier_id']);
      check.nonBlank(`${at}.pricing_tier_id`, (tier as Record<string, unknown>).pricing_tier_id);
    });
  }
  if (body.import_subscription !== undefined) {
    const subscription = check.record('import_subscription', body.import_subscription);
    check.knownFields('import_subscription', subscription, [
      'stripe_subscription_id',
      'synthflow_price_id',
    ]);
    check.nonBlank(
      'import_subscription.stripe_subscription_id',
      subscription.stripe_subscription_id,
      { optional: true },
    );
    check.nonBlank('import_subscription.synthflow_price_id', subscription.synthflow_price_id, {
      optional: true,
    });
  }
  check.oneOf('operation_type', body.operation_type, operationTypeValues, { optional: true });
  if (body.products !== undefined) {
    const products = check.record('products', body.products);
    check.knownFields('products', products, ['phone_numbers']);
    check
      .array('products.phone_numbers', products.phone_numbers, { optional: true })
      ?.forEach((phone, index) => {
        const at = `products.phone_numbers[${index}]`;
        check.knownFields(at, check.record(at, phone), ['number']);
        check.e164(`${at}.number`, (phone as Record<string, unknown>).number);
      });
  }
}

export function checkId(operation: string, subaccountId: unknown): void {
  new InputChecker('synthflow', operation).pathId('subaccount_id', subaccountId);
}
