import type { ApiError } from '@tenantkit/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type CreateSubaccountResult,
  createSynthflowClient,
  type Permission,
  type Subaccount,
} from '../src/index.js';

const client = createSynthflowClient({ apiKey: 'k' });

describe('synthflow public types', () => {
  it('create takes the spec request and returns the payload', () => {
    expectTypeOf(
      client.subaccounts.create({ subaccount_name: 'a' }),
    ).resolves.toEqualTypeOf<CreateSubaccountResult>();
    // @ts-expect-error subaccount_name is required
    client.subaccounts.create({ user_email: 'a@b.co' });
    // @ts-expect-error invite_user_email is update-only
    client.subaccounts.create({ subaccount_name: 'a', invite_user_email: 'a@b.co' });
    // @ts-expect-error not a permission
    client.subaccounts.create({ subaccount_name: 'a', grant_permissions: ['teleport'] });
  });

  it('update takes update-only fields and nullable limits', () => {
    client.subaccounts.update('id', {
      invite_user_email: 'a@b.co',
      max_minutes: null,
      operation_type: 'return',
    });
    // @ts-expect-error user_email is create-only
    client.subaccounts.update('id', { user_email: 'a@b.co' });
    // @ts-expect-error operation_type is import | return
    client.subaccounts.update('id', { operation_type: 'export' });
  });

  it('list items are typed', () => {
    expectTypeOf(client.subaccounts.list())
      .resolves.toHaveProperty('subaccounts')
      .toEqualTypeOf<Subaccount[] | undefined>();
    expectTypeOf<Permission>().toExtend<string>();
  });

  it('region is a closed set', () => {
    // @ts-expect-error unknown region
    createSynthflowClient({ apiKey: 'k', region: 'mars' });
    expectTypeOf<ApiError['status']>().toEqualTypeOf<number>();
  });
});
