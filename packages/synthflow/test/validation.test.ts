import { ValidationError } from '@tenantkit/core';
import { createRecordingFetch } from '@tenantkit/mock';
import { describe, expect, it } from 'vitest';
import {
  type CreateSubaccountRequest,
  createSynthflowClient,
  type UpdateSubaccountRequest,
} from '../src/index.js';

const recorder = createRecordingFetch(() => Response.json({ status: 'ok', response: {} }));
const client = createSynthflowClient({
  apiKey: 'sk-validation-canary',
  baseUrl: 'https://synthflow.test',
  fetch: recorder.fetch,
});
const ID = '1726005822670x239735712159542050';

const badCreates: Array<[string, unknown, string, string]> = [
  ['blank subaccount_name', { subaccount_name: '   ' }, 'subaccount_name', 'non-blank'],
  ['missing subaccount_name', {}, 'subaccount_name', 'string'],
  [
    'duplicate permission',
    { subaccount_name: 'a', grant_permissions: ['inbound', 'inbound'] },
    'grant_permissions[1]',
    'unique-items',
  ],
  [
    'unknown permission',
    { subaccount_name: 'a', revoke_permissions: ['teleport'] },
    'revoke_permissions[0]',
    'enum',
  ],
  [
    'grant and revoke overlap',
    { subaccount_name: 'a', grant_permissions: ['logs'], revoke_permissions: ['widget', 'logs'] },
    'revoke_permissions[1]',
    'disjoint',
  ],
  ['negative limit', { subaccount_name: 'a', max_minutes: -1 }, 'max_minutes', 'non-negative'],
  [
    'negative concurrency',
    { subaccount_name: 'a', concurrency: -5 },
    'concurrency',
    'non-negative',
  ],
  ['fractional limit', { subaccount_name: 'a', max_agents: 1.5 }, 'max_agents', 'integer'],
  ['bad email', { subaccount_name: 'a', user_email: 'not-an-email' }, 'user_email', 'email'],
  [
    'update-only field on create',
    { subaccount_name: 'a', invite_user_email: 'a@b.co' },
    'invite_user_email',
    'known-field',
  ],
  ['not an object', 'Acme', 'input', 'object'],
];

const badUpdates: Array<[string, unknown, unknown, string, string]> = [
  ['blank id', '  ', { subaccount_name: 'x' }, 'subaccount_id', 'non-blank'],
  ['id with a slash', 'a/b', { subaccount_name: 'x' }, 'subaccount_id', 'path-safe'],
  [
    'id `..` (would address the parent)',
    '..',
    { subaccount_name: 'x' },
    'subaccount_id',
    'path-safe',
  ],
  ['empty patch', ID, {}, 'patch', 'non-empty'],
  ['blank subaccount_name', ID, { subaccount_name: '' }, 'subaccount_name', 'non-blank'],
  [
    'phone not E.164',
    ID,
    { products: { phone_numbers: [{ number: '+12065550123' }, { number: '206-555-0123' }] } },
    'products.phone_numbers[1].number',
    'e164',
  ],
  [
    'phone with a leading zero',
    ID,
    { products: { phone_numbers: [{ number: '+0123456' }] } },
    'products.phone_numbers[0].number',
    'e164',
  ],
  ['negative limit', ID, { max_workflow_runs: -10 }, 'max_workflow_runs', 'non-negative'],
  [
    'duplicate revoke',
    ID,
    { revoke_permissions: ['widget', 'widget'] },
    'revoke_permissions[1]',
    'unique-items',
  ],
  [
    'grant and revoke overlap',
    ID,
    { grant_permissions: ['chat'], revoke_permissions: ['chat'] },
    'revoke_permissions[0]',
    'disjoint',
  ],
  ['unknown operation_type', ID, { operation_type: 'export' }, 'operation_type', 'enum'],
  [
    'legacy permissions object',
    ID,
    { permissions: { inbound: true } },
    'permissions',
    'known-field',
  ],
  ['create-only field on update', ID, { user_email: 'a@b.co' }, 'user_email', 'known-field'],
  [
    'pricing tier without id',
    ID,
    { pricing_tiers_attach: [{ pricing_tier_id: ' ' }] },
    'pricing_tiers_attach[0].pricing_tier_id',
    'non-blank',
  ],
];

describe('synthflow validation: bad input never reaches the network', () => {
  it.each(badCreates)('create: %s', async (_name, input, field, rule) => {
    const error = await client.subaccounts
      .create(input as CreateSubaccountRequest)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      provider: 'synthflow',
      operation: 'createSubaccount',
      field,
      rule,
    });
    expect((error as Error).message).toContain(field);
    expect(recorder.requests).toHaveLength(0);
  });

  it.each(badUpdates)('update: %s', async (_name, id, patch, field, rule) => {
    const error = await client.subaccounts
      .update(id as string, patch as UpdateSubaccountRequest)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      provider: 'synthflow',
      operation: 'updateSubaccount',
      field,
      rule,
    });
    expect(recorder.requests).toHaveLength(0);
  });

  it.each([['get'], ['delete']] as const)('%s: blank id', async (method) => {
    await expect(client.subaccounts[method]('')).rejects.toMatchObject({
      field: 'subaccount_id',
      rule: 'non-blank',
    });
    expect(recorder.requests).toHaveLength(0);
  });

  it('accepts null limits (no limit) and a valid E.164 number', async () => {
    await client.subaccounts.update(ID, {
      max_agents: null,
      products: { phone_numbers: [{ number: '+442071838750' }] },
    });
    expect(recorder.requests).toHaveLength(1);
    recorder.requests.length = 0;
  });
});
