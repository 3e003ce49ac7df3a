/**
 * Every input rule of the Synthflow client names the exact field it refuses (what a caller fixes),
 * the optional parts of an update stay optional, and the client says who it is when it fails.
 */
import { inspect } from 'node:util';
import { ConfigurationError, InvalidResponseError, ValidationError } from '@tenantkit/core';
import { createRecordingFetch } from '@tenantkit/mock';
import { describe, expect, it } from 'vitest';
import {
  type CreateSubaccountRequest,
  createSynthflowClient,
  type UpdateSubaccountRequest,
} from '../src/index.js';

const API_KEY = 'sk-fields-canary-0123456789';
const ID = '1726005822670x239735712159542050';

function setup(answer: unknown = { status: 'ok', response: {} }) {
  const recorder = createRecordingFetch(() => Response.json(answer));
  const client = createSynthflowClient({
    apiKey: API_KEY,
    baseUrl: 'https://synthflow.test',
    fetch: recorder.fetch,
    maxRetries: 0,
  });
  return { client, recorder };
}

async function refusal(run: Promise<unknown>): Promise<ValidationError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ValidationError)) throw new Error(`expected a ValidationError: ${error}`);
  return error;
}

describe('synthflow update: each rule names its field', () => {
  it.each([
    ['a patch of undefined values only', { subaccount_name: undefined }, 'patch', 'non-empty'],
    ['an empty twilio_account_sid', { twilio_account_sid: '' }, 'twilio_account_sid', 'min-length'],
    ['an empty twilio_auth_token', { twilio_auth_token: '' }, 'twilio_auth_token', 'min-length'],
    [
      'grant_permissions not a list',
      { grant_permissions: 'inbound' },
      'grant_permissions',
      'array',
    ],
    ['a bad invite_user_email', { invite_user_email: 'nobody' }, 'invite_user_email', 'email'],
    [
      'import_subscription not an object',
      { import_subscription: 'sub_1' },
      'import_subscription',
      'object',
    ],
    [
      'an unknown import_subscription field',
      { import_subscription: { plan: 'x' } },
      'import_subscription.plan',
      'known-field',
    ],
    [
      'a blank stripe_subscription_id',
      { import_subscription: { stripe_subscription_id: ' ' } },
      'import_subscription.stripe_subscription_id',
      'non-blank',
    ],
    [
      'a blank synthflow_price_id',
      { import_subscription: { synthflow_price_id: '' } },
      'import_subscription.synthflow_price_id',
      'non-blank',
    ],
    ['products not an object', { products: ['+14155550123'] }, 'products', 'object'],
    ['an unknown products field', { products: { numbers: [] } }, 'products.numbers', 'known-field'],
    [
      'phone_numbers not a list',
      { products: { phone_numbers: '+14155550123' } },
      'products.phone_numbers',
      'array',
    ],
    [
      'a phone entry not an object',
      { products: { phone_numbers: ['+14155550123'] } },
      'products.phone_numbers[0]',
      'object',
    ],
    [
      'an unknown phone entry field',
      { products: { phone_numbers: [{ number: '+14155550123', label: 'x' }] } },
      'products.phone_numbers[0].label',
      'known-field',
    ],
    [
      'a pricing tier not an object',
      { pricing_tiers_detach: ['tier_1'] },
      'pricing_tiers_detach[0]',
      'object',
    ],
  ])('%s', async (_name, patch, field, rule) => {
    const { client, recorder } = setup();
    const error = await refusal(client.subaccounts.update(ID, patch as UpdateSubaccountRequest));
    expect(error).toMatchObject({
      provider: 'synthflow',
      operation: 'updateSubaccount',
      field,
      rule,
    });
    expect(error.message.startsWith(`synthflow.updateSubaccount: ${field} `)).toBe(true);
    expect(recorder.requests).toHaveLength(0);
  });

  it.each([
    [
      'one id of an imported subscription',
      { import_subscription: { stripe_subscription_id: 'sub_1' } },
    ],
    ['the other one', { import_subscription: { synthflow_price_id: 'price_1' } }],
    ['products without phone numbers', { products: {} }],
    ['a pricing tier to attach', { pricing_tiers_attach: [{ pricing_tier_id: 'tier_1' }] }],
  ])('accepts %s', async (_name, patch) => {
    const { client, recorder } = setup();
    await client.subaccounts.update(ID, patch as UpdateSubaccountRequest);
    expect(recorder.requests).toHaveLength(1);
    expect(recorder.requests[0]?.body).toEqual(patch);
  });

  it.each([
    ['get', 'getSubaccount'],
    ['delete', 'deleteSubaccount'],
  ] as const)('%s names its own operation when the id is refused', async (method, operation) => {
    const { client } = setup();
    const error = await refusal(client.subaccounts[method]('a/b'));
    expect(error).toMatchObject({ operation, field: 'subaccount_id', rule: 'path-safe' });
    expect(error.message.startsWith(`synthflow.${operation}: subaccount_id `)).toBe(true);
  });

  it('create refuses an empty twilio_auth_token by name', async () => {
    const { client } = setup();
    const error = await refusal(
      client.subaccounts.create({
        subaccount_name: 'a',
        twilio_auth_token: '',
      } as CreateSubaccountRequest),
    );
    expect(error).toMatchObject({ field: 'twilio_auth_token', rule: 'min-length' });
  });
});

describe('synthflow client: how it introduces itself', () => {
  it('no options at all: a ConfigurationError that says where the key comes from', () => {
    const make = () => createSynthflowClient(undefined as never);
    expect(make).toThrow(ConfigurationError);
    expect(make).toThrow(
      'synthflow: `apiKey` is required and must not be blank. Pass the workspace API key from Synthflow (Integrations → API Keys).',
    );
  });

  it('an unknown region lists the known ones', () => {
    expect(() => createSynthflowClient({ apiKey: API_KEY, region: 'mars' as 'eu' })).toThrow(
      /global, us, eu/,
    );
  });

  it('inspects as SynthflowClient with its server and region', () => {
    const client = createSynthflowClient({ apiKey: API_KEY, region: 'eu' });
    expect(inspect(client)).toBe(
      'SynthflowClient {"baseUrl":"https://api.eu.synthflow.ai/v2","region":"eu","credentials":"[REDACTED]"}',
    );
  });

  it('an answer without `response` names what is missing', async () => {
    const { client } = setup({ status: 'ok' });
    const error = await client.subaccounts.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    // Named as the list needs it: a `response.subaccounts` list (issue 10 checks the whole shape).
    expect((error as Error).message).toMatch(/lacks a `response\.subaccounts` list/);
  });
});
