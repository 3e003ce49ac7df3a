import type { CallOptions, CoreOptions } from '@tenantkit/core';
import type { Client } from 'openapi-fetch';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type CreateSubAccountResponse,
  createVobizClient,
  type DeleteSubAccountResponse,
  type KycMode,
  type KycSession,
  type KycVerificationResult,
  kycModeValues,
  type NumberList,
  type PhoneNumber,
  type paths,
  type SubAccount,
  type SubAccountList,
  type VobizClientOptions,
} from '../src/index.js';

const client = createVobizClient({ authId: 'MA_X', authToken: 't' });

describe('vobiz public types', () => {
  it('options extend the core options and need both credentials', () => {
    expectTypeOf<VobizClientOptions>().toExtend<CoreOptions>();
    // @ts-expect-error authToken is required
    createVobizClient({ authId: 'MA_X' });
    // @ts-expect-error authId is required
    createVobizClient({ authToken: 't' });
    // @ts-expect-error apiKey is Synthflow's option, not Vobiz's
    createVobizClient({ authId: 'MA_X', authToken: 't', apiKey: 'k' });
  });

  it('create takes the spec request and returns the whole answer', () => {
    expectTypeOf(
      client.subAccounts.create({ name: 'a' }),
    ).resolves.toEqualTypeOf<CreateSubAccountResponse>();
    expectTypeOf<CreateSubAccountResponse['auth_credentials']['auth_token']>().toBeString();
    expectTypeOf<CreateSubAccountResponse['tokens']['expires_in']>().toBeNumber();
    // @ts-expect-error name is required
    client.subAccounts.create({ email: 'a@b.co' });
    // @ts-expect-error misspelt field
    client.subAccounts.create({ name: 'a', emial: 'a@b.co' });
    // @ts-expect-error not a KYC mode
    client.subAccounts.create({ name: 'a', kyc_mode: 'business_use' });
    // @ts-expect-error not a business type
    client.subAccounts.create({ name: 'a', business_type: 'ltd' });
    // @ts-expect-error permissions are booleans
    client.subAccounts.create({ name: 'a', permissions: { calls: 'yes' } });
    // @ts-expect-error rate_limit is a number
    client.subAccounts.create({ name: 'a', rate_limit: '500' });
  });

  it('update takes the update fields only and returns the sub-account', () => {
    expectTypeOf(
      client.subAccounts.update('SA_X', { enabled: false }),
    ).resolves.toEqualTypeOf<SubAccount>();
    // @ts-expect-error password is not updatable
    client.subAccounts.update('SA_X', { password: 'x' });
    // @ts-expect-error business_type is create-only
    client.subAccounts.update('SA_X', { business_type: 'llp' });
    // @ts-expect-error the sub_auth_id is a string
    client.subAccounts.update(42, { name: 'x' });
  });

  it('get, list, listAll and delete return what the interface promises', () => {
    expectTypeOf(client.subAccounts.get('SA_X')).resolves.toEqualTypeOf<SubAccount>();
    expectTypeOf(client.subAccounts.list()).resolves.toEqualTypeOf<SubAccountList>();
    expectTypeOf(client.subAccounts.list({ page: 2, size: 50, active_only: true }))
      .resolves.toHaveProperty('sub_accounts')
      .toEqualTypeOf<SubAccount[]>();
    expectTypeOf(client.subAccounts.listAll()).toEqualTypeOf<AsyncIterable<SubAccount>>();
    expectTypeOf(client.subAccounts.delete('SA_X')).resolves.toEqualTypeOf<
      DeleteSubAccountResponse | undefined
    >();
    // @ts-expect-error page is a number
    client.subAccounts.list({ page: '2' });
    // @ts-expect-error listAll walks the pages itself
    client.subAccounts.listAll({ page: 2 });
    // @ts-expect-error limit belongs to listAll
    client.subAccounts.list({ limit: 10 });
    client.subAccounts.listAll({ size: 100, active_only: true, limit: 5 });
  });

  it('every method takes call options last', () => {
    expectTypeOf(client.subAccounts.get).parameter(1).toEqualTypeOf<CallOptions | undefined>();
    expectTypeOf(client.subAccounts.listAll).parameter(1).toEqualTypeOf<CallOptions | undefined>();
    client.subAccounts.delete('SA_X', { signal: AbortSignal.timeout(1000), maxRetries: 0 });
  });

  it('the client exposes raw, baseUrl and authId; enums come from the spec', () => {
    expectTypeOf(client.raw).toEqualTypeOf<Client<paths>>();
    expectTypeOf(client.baseUrl).toBeString();
    expectTypeOf(client.authId).toBeString();
    expectTypeOf(kycModeValues[0]).toEqualTypeOf<KycMode | undefined>();
  });

  it('numbers: list pages, async iterables of numbers, assign/unassign resolve to nothing', () => {
    expectTypeOf(client.numbers.list()).resolves.toEqualTypeOf<NumberList>();
    expectTypeOf(client.numbers.listForSubAccount('SA_1')).toEqualTypeOf<
      AsyncIterable<PhoneNumber>
    >();
    expectTypeOf(client.numbers.assign('+919876543210', 'SA_1')).resolves.toBeVoid();
    expectTypeOf(client.numbers.unassign('+919876543210', { force: true })).resolves.toBeVoid();
    // @ts-expect-error force is a boolean
    client.numbers.unassign('+919876543210', { force: 'yes' });
    // @ts-expect-error listForSubAccount sets include_subaccounts itself
    client.numbers.listForSubAccount('SA_1', { include_subaccounts: false });
  });

  it('kyc: the documented bodies and results', () => {
    expectTypeOf(
      client.kyc.verifyPan('SA_1', { pan: 'ABCDE1234F' }),
    ).resolves.toEqualTypeOf<KycVerificationResult>();
    expectTypeOf(
      client.kyc.createSession('SA_1', { flow_type: 'email' }),
    ).resolves.toEqualTypeOf<KycSession>();
    // @ts-expect-error flow_type is required
    client.kyc.createSession('SA_1', { customer_email: 'a@b.co' });
    // @ts-expect-error gstin, not gst
    client.kyc.verifyGst('SA_1', { gst: '29AAJCN5983D1Z0' });
    createVobizClient({ authId: 'MA_X', authToken: 't', bearerToken: async () => 'jwt' });
  });
});
