/** All 16 Voximplant methods through the real client against the sandbox, Prism validating both ways. */
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  NotFoundError,
} from '@tenantkit/core';
import { createVoximplantClient, type KeyInfo } from '@tenantkit/voximplant';
import { describe, expect, it } from 'vitest';
import { useSandbox } from '../support/sandbox.js';

const sandbox = useSandbox(['voximplant']);
const client = (credentials: KeyInfo | undefined = sandbox().credentials.voximplant?.credentials) =>
  createVoximplantClient({ credentials, baseUrl: sandbox().urls.voximplant });

describe('voximplant subusers in the sandbox', () => {
  it('add stores the login in lower case; a second one with that login is error 436 (HTTP 200)', async () => {
    const vox = client();
    const { subuser_id } = await vox.subUsers.add({
      new_subuser_name: 'Support_Desk',
      new_subuser_password: 'Str0ng!Pass',
      description: 'Front desk',
      role_name: ['Support'],
    });
    expect(await vox.subUsers.list({ subuser_id, with_roles: true })).toEqual([
      {
        subuser_id,
        subuser_name: 'support_desk',
        description: 'Front desk',
        roles: [{ role_id: 3, role_name: 'Support', gui_only: true }],
      },
    ]);
    const duplicate = vox.subUsers.add({
      new_subuser_name: 'SUPPORT_DESK',
      new_subuser_password: 'Str0ng!Pass',
    });
    await expect(duplicate).rejects.toMatchObject({
      constructor: ConflictError,
      status: 200,
      code: 436,
    });
    await vox.subUsers.delete({ subuser_id });
  });

  it('update changes the description, and the password only with the current one', async () => {
    const vox = client();
    const { subuser_id } = await vox.subUsers.add({
      new_subuser_name: 'billing.ops',
      new_subuser_password: 'Str0ng!Pass',
    });
    expect(await vox.subUsers.update({ subuser_id, description: 'Billing' })).toBe(1);
    const wrongCurrent = vox.subUsers.update({
      subuser_id,
      old_subuser_password: 'Wr0ng!Pass',
      new_subuser_password: 'N3w!Passw0rd',
    });
    await expect(wrongCurrent).rejects.toMatchObject({ constructor: BadRequestError, code: 496 });
    await vox.subUsers.update({
      subuser_id,
      old_subuser_password: 'Str0ng!Pass',
      new_subuser_password: 'N3w!Passw0rd',
    });
    // The old password no longer is the current one.
    await expect(
      vox.subUsers.update({
        subuser_id,
        old_subuser_password: 'Str0ng!Pass',
        new_subuser_password: 'Th1rd!Pass',
      }),
    ).rejects.toMatchObject({ code: 496 });
    expect((await vox.subUsers.list({ subuser_id }))[0]?.description).toBe('Billing');
    await vox.subUsers.delete({ subuser_id });
  });

  it('roles are granted, listed (with inherited ones) and removed', async () => {
    const vox = client();
    const { subuser_id } = await vox.subUsers.add({
      new_subuser_name: 'team_lead',
      new_subuser_password: 'Str0ng!Pass',
    });
    await vox.subUsers.setRoles({ subuser_id, role_name: ['Supervisor', 'Accountant'] });
    expect(await vox.subUsers.getRoles({ subuser_id })).toEqual([
      { role_id: 4, role_name: 'Supervisor', gui_only: true, inherited: false, parent_role_id: [] },
      { role_id: 7, role_name: 'Accountant', gui_only: true, inherited: false, parent_role_id: [] },
    ]);
    expect(await vox.subUsers.getRoles({ subuser_id, with_expanded_roles: true })).toContainEqual({
      role_id: 3,
      role_name: 'Support',
      gui_only: true,
      inherited: true,
      parent_role_id: [4],
    });
    await vox.subUsers.removeRoles({ subuser_id, role_id: [4] });
    expect((await vox.subUsers.getRoles({ subuser_id })).map((role) => role.role_name)).toEqual([
      'Accountant',
    ]);
    await expect(
      vox.subUsers.setRoles({ subuser_id, role_name: ['NoSuchRole'] }),
    ).rejects.toMatchObject({
      code: 441,
    });
    await vox.subUsers.delete({ subuser_id });
  });

  it('pages over 45 subusers with offset/count and stops at the short page', async () => {
    const vox = client();
    const ids: number[] = [];
    for (let index = 0; index < 45; index++) {
      const added = await vox.subUsers.add({
        new_subuser_name: `tenant_${index}`,
        new_subuser_password: 'Str0ng!Pass',
      });
      ids.push(added.subuser_id);
    }
    const before = sandbox().exchanges.length;
    const listed: number[] = [];
    for await (const subuser of vox.subUsers.listAll({ count: 20 }))
      listed.push(subuser.subuser_id);
    expect(listed).toEqual(ids);
    const pages = sandbox()
      .exchanges.slice(before)
      .filter((exchange) => exchange.operationId === 'GetSubUsers');
    expect(pages).toHaveLength(3);
    expect(await vox.subUsers.list({ offset: 40, count: 20 })).toHaveLength(5);
    for (const subuser_id of ids) await vox.subUsers.delete({ subuser_id });
    expect(await vox.subUsers.list({ count: 100 })).toEqual([]);
  });

  it('an unknown or deleted subuser id is error 434 on every method that takes one', async () => {
    const vox = client();
    const { subuser_id } = await vox.subUsers.add({
      new_subuser_name: 'short_lived',
      new_subuser_password: 'Str0ng!Pass',
    });
    await vox.subUsers.delete({ subuser_id });
    expect(await vox.subUsers.list({ subuser_id })).toEqual([]);
    const calls = [
      () => vox.subUsers.delete({ subuser_id }),
      () => vox.subUsers.update({ subuser_id, description: 'x' }),
      () => vox.subUsers.setRoles({ subuser_id, role_id: [3] }),
      () => vox.subUsers.getRoles({ subuser_id }),
      () => vox.subUsers.removeRoles({ subuser_id, role_id: [3] }),
    ];
    for (const call of calls)
      await expect(call()).rejects.toMatchObject({ constructor: NotFoundError, code: 434 });
  });
});

describe('voximplant keys and roles in the sandbox', () => {
  it('a created key signs tokens the sandbox accepts, until it is deleted', async () => {
    const vox = client();
    const key = await vox.keys.create({
      key_name: 'ci-deployer',
      description: 'CI',
      role_name: ['Developer'],
    });
    expect(key).toMatchObject({
      account_id: sandbox().credentials.voximplant?.credentials.account_id,
      key_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      private_key: expect.stringContaining('BEGIN PRIVATE KEY'),
    });
    const withNewKey = client(key);
    const listed = await withNewKey.keys.list({ key_id: key.key_id, with_roles: true });
    expect(listed).toEqual([
      {
        key_id: key.key_id,
        key_name: 'ci-deployer',
        description: 'CI',
        roles: [{ role_id: 5, role_name: 'Developer', gui_only: false }],
      },
    ]);
    expect(JSON.stringify(await vox.keys.list())).not.toContain('PRIVATE KEY');
    await vox.keys.delete({ key_id: key.key_id ?? '' });
    await expect(withNewKey.roles.groups()).rejects.toMatchObject({
      constructor: AuthenticationError,
      code: 100,
    });
  });

  it('update, roles and listing of keys; an unknown key id is error 433', async () => {
    const vox = client();
    const { key_id: keyId = '' } = await vox.keys.create({ key_name: 'reporting' });
    expect(
      await vox.keys.update({
        key_id: keyId,
        description: 'Nightly reports',
        key_name: 'reports',
      }),
    ).toBe(1);
    await vox.keys.setRoles({ key_id: keyId, role_id: [7, 10] });
    await vox.keys.removeRoles({ key_id: keyId, role_name: ['Payer'] });
    expect(await vox.keys.getRoles({ key_id: keyId, with_expanded_roles: true })).toEqual([
      { role_id: 7, role_name: 'Accountant', gui_only: true, inherited: false, parent_role_id: [] },
    ]);
    const all = [];
    for await (const item of vox.keys.listAll({ count: 1 })) all.push(item.key_id);
    expect(all).toContain(keyId);
    expect(all).toContain(sandbox().credentials.voximplant?.credentials.key_id);
    expect((await vox.keys.list({ key_id: keyId }))[0]).toMatchObject({
      key_name: 'reports',
      description: 'Nightly reports',
    });
    await vox.keys.delete({ key_id: keyId });
    for (const call of [
      () => vox.keys.delete({ key_id: keyId }),
      () => vox.keys.update({ key_id: keyId, description: 'x' }),
      () => vox.keys.setRoles({ key_id: keyId, role_id: [5] }),
      () => vox.keys.getRoles({ key_id: keyId }),
      () => vox.keys.removeRoles({ key_id: keyId, role_id: [5] }),
    ])
      await expect(call()).rejects.toMatchObject({ constructor: NotFoundError, code: 433 });
  });

  it('the role catalogue and its groups are seeded', async () => {
    const vox = client();
    const groups = await vox.roles.groups();
    expect(groups.map((group) => group.name)).toEqual([
      'Administration',
      'Calls',
      'Billing',
      'Development',
    ]);
    const all = await vox.roles.list();
    expect(all.find((role) => role.role_name === 'Owner')).toMatchObject({
      role_id: 1,
      child_ids: [2],
    });
    expect(all.find((role) => role.role_name === 'Admin')).toMatchObject({ parent_role_id: [1] });
    const billing = await vox.roles.list({ group_name: 'Billing' });
    expect(billing.map((role) => role.role_name)).toEqual(['Accountant', 'Payer', 'PayerNoVerify']);
  });
});
