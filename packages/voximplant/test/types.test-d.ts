import type { ValidationError } from '@tenantkit/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type AccountInfoResult,
  type AccountProfile,
  type AddSubUserInput,
  type AuthorizedAccountIp,
  type AuthorizedIpCheckResult,
  type ChildAccountListResult,
  createVoximplantClient,
  type KeyInfo,
  type KeyView,
  type QueryOf,
  type RoleGroupView,
  type RoleView,
  type SubUserID,
  type SubUserView,
  type VoximplantCredentials,
} from '../src/index.js';

const client = createVoximplantClient({ credentials: 'credentials.json' });

describe('voximplant public types', () => {
  it('lists are arrays in the input although the spec types them as ;-joined strings', () => {
    expectTypeOf<QueryOf<'SetSubUserRoles'>['role_id']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<AddSubUserInput['role_id']>().toEqualTypeOf<number[] | undefined>();
    client.subUsers.setRoles({ subuser_id: 1, role_id: [1, 2] });
    client.keys.setRoles({ key_id: 'k', role_name: ['Developer'] });
    // @ts-expect-error the joined wire form is not the input form
    client.subUsers.setRoles({ subuser_id: 1, role_id: '1;2' });
    // @ts-expect-error role names are strings
    client.keys.removeRoles({ key_id: 'k', role_name: [5] });
  });

  it('role_id and role_name exclude each other; set/remove need one', () => {
    // @ts-expect-error both
    client.subUsers.setRoles({ subuser_id: 1, role_id: [1], role_name: ['Admin'] });
    // @ts-expect-error neither
    client.keys.setRoles({ key_id: 'k' });
    // @ts-expect-error both, even where both are optional
    client.keys.create({ role_id: [1], role_name: ['Admin'] });
    client.keys.create();
    client.subUsers.add({ new_subuser_name: 'desk1', new_subuser_password: 'Str0ng!Pass' });
  });

  it('booleans and numbers are typed as such, ids by the spec', () => {
    client.subUsers.list({ with_roles: true, offset: 0, count: 10 });
    // @ts-expect-error the client encodes booleans; pass a boolean
    client.subUsers.list({ with_roles: 'true' });
    // @ts-expect-error subuser_id is a number
    client.subUsers.delete({ subuser_id: '109' });
    // @ts-expect-error unknown field
    client.keys.delete({ key_id: 'k', force: true });
    // @ts-expect-error UpdateKey requires description
    client.keys.update({ key_id: 'k' });
  });

  it('results are the unwrapped payloads', () => {
    expectTypeOf(
      client.subUsers.add({ new_subuser_name: 'desk1', new_subuser_password: 'Str0ng!Pass' }),
    ).resolves.toEqualTypeOf<SubUserID>();
    expectTypeOf(client.subUsers.list()).resolves.toEqualTypeOf<SubUserView[]>();
    expectTypeOf(client.subUsers.listAll()).toEqualTypeOf<AsyncIterable<SubUserView>>();
    expectTypeOf(client.keys.listAll({ count: 50, limit: 10 })).toEqualTypeOf<
      AsyncIterable<KeyView>
    >();
    expectTypeOf(client.subUsers.delete({ subuser_id: 1 })).resolves.toEqualTypeOf<number>();
    expectTypeOf(client.keys.create()).resolves.toEqualTypeOf<KeyInfo>();
    expectTypeOf(client.keys.getRoles({ key_id: 'k' })).resolves.toEqualTypeOf<RoleView[]>();
    expectTypeOf(client.roles.groups()).resolves.toEqualTypeOf<RoleGroupView[]>();
    expectTypeOf(client.accountId).toEqualTypeOf<number>();
  });

  it('a created key is a credentials object', () => {
    expectTypeOf<KeyInfo>().toEqualTypeOf<VoximplantCredentials>();
    // Every KeyInfo field may be absent (spec 2.0.0): readers must check.
    expectTypeOf<KeyInfo['private_key']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<KeyInfo['account_id']>().toEqualTypeOf<number | undefined>();
    createVoximplantClient({ credentials: {} as KeyInfo, accountId: 5, tokenTtlSeconds: 600 });
    const badCredentials = { account_email: 'a', account_id: '1', key_id: 'k', private_key: 'p' };
    // @ts-expect-error account_id is a number
    createVoximplantClient({ credentials: badCredentials });
    // @ts-expect-error listAll walks offset itself
    client.subUsers.listAll({ offset: 5 });
    expectTypeOf<ValidationError['rule']>().toEqualTypeOf<string>();
  });

  it('account, child accounts and authorized IPs', () => {
    expectTypeOf(client.account.info()).resolves.toEqualTypeOf<AccountInfoResult>();
    expectTypeOf<AccountInfoResult['result']['account_name']>().toEqualTypeOf<string>();
    expectTypeOf<AccountInfoResult['api_address']>().toEqualTypeOf<string | undefined>();
    expectTypeOf(client.childAccounts.list()).resolves.toEqualTypeOf<ChildAccountListResult>();
    // A listed child may be brief: only account_id is sure.
    expectTypeOf<AccountProfile['account_name']>().toEqualTypeOf<string | undefined>();
    expectTypeOf(client.childAccounts.listAll()).toEqualTypeOf<AsyncIterable<AccountProfile>>();
    client.childAccounts.update({ child_account_id: 'all', active: false });
    client.childAccounts.suspend({ child_account_name: ['child-1'] });
    // @ts-expect-error exactly one selector
    client.childAccounts.suspend({ child_account_id: [1], child_account_name: ['child-1'] });
    // @ts-expect-error a selector is required
    client.childAccounts.update({ active: false });
    expectTypeOf(client.authorizedIps.listAll()).toEqualTypeOf<
      AsyncIterable<AuthorizedAccountIp>
    >();
    expectTypeOf(
      client.authorizedIps.check({ authorized_ip: '1.2.3.4' }),
    ).resolves.toEqualTypeOf<AuthorizedIpCheckResult>();
    client.authorizedIps.delete({ authorized_ip: 'all' });
    // @ts-expect-error exactly one of authorized_ip and contains_ip
    client.authorizedIps.delete({ authorized_ip: '1.2.3.4', contains_ip: '1.2.3.4' });
    createVoximplantClient({ credentials: 'c.json', useAccountApiAddress: true });
  });
});
