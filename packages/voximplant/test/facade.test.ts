/**
 * The facade's Voximplant adapter (`voximplantFacade`): unified input → subuser methods and back,
 * its input rules (roles, password pairs, ids), over a scripted Voximplant on the loopback.
 * (Moved here from the tenantkit package's unit tests, which go through `createTenantkit`.)
 */
import { InputChecker, NotFoundError, ValidationError } from '@tenantkit/core';
import { createRecordingServer, type RecordedRequest, type RecordingServer } from '@tenantkit/mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkVoximplantId, createVoximplantClient, voximplantFacade } from '../src/index.js';
import { testKey } from './fixtures.js';

let server: RecordingServer;
let respond: (request: RecordedRequest) => unknown = () => ({ result: 1 });
beforeAll(async () => {
  server = await createRecordingServer((request) => Response.json(respond(request)));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  respond = () => ({ result: 1 });
});

const facade = () =>
  voximplantFacade(
    createVoximplantClient({
      credentials: testKey.credentials,
      baseUrl: server.url,
      maxRetries: 0,
    }),
  );
const params = (index: number) =>
  Object.fromEntries(server.requests[index]?.url.searchParams ?? []);
const methods = () => server.requests.map((request) => request.url.pathname);
const refusal = (call: Promise<unknown>) =>
  call.then(
    () => {
      throw new Error('expected a ValidationError');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(ValidationError);
      const { field, rule, message, operation } = error as ValidationError;
      return { field, rule, message, operation };
    },
  );

const subUser = {
  subuser_id: 109,
  subuser_name: 'support_desk',
  description: 'Support',
  roles: [{ role_id: 3, role_name: 'Support', gui_only: false }],
};

describe('voximplant facade: create', () => {
  it('name/password/roles → AddSubUser; the id becomes a string; no credentials', async () => {
    respond = () => ({ result: { subuser_id: 109 } });
    const created = await facade().create({
      name: 'support_desk',
      password: 'Str0ng!Pass',
      description: 'Support',
      roles: { grant: ['Support', 'Accountant'] },
    });
    expect(methods()).toEqual(['/AddSubUser']);
    expect(params(0)).toEqual({
      new_subuser_name: 'support_desk',
      new_subuser_password: 'Str0ng!Pass',
      description: 'Support',
      role_name: 'Support;Accountant',
    });
    expect(created).toEqual({
      provider: 'voximplant',
      id: '109',
      name: 'support_desk',
      credentials: {},
      raw: { subuser_id: 109 },
    });
    expect(JSON.stringify(created)).not.toContain('Str0ng!Pass');
  });

  it('role ids go as role_id; without description or roles nothing else is sent', async () => {
    respond = () => ({ result: { subuser_id: 110 } });
    await facade().create({ name: 'desk_two', password: 'Str0ng!Pass', roles: { grant: [3, 7] } });
    await facade().create({ name: 'desk_three', password: 'Str0ng!Pass' });
    expect(params(0)).toEqual({
      new_subuser_name: 'desk_two',
      new_subuser_password: 'Str0ng!Pass',
      role_id: '3;7',
    });
    expect(params(1)).toEqual({
      new_subuser_name: 'desk_three',
      new_subuser_password: 'Str0ng!Pass',
    });
  });

  it('refuses, before any request: no password, a revoke, mixed or bad role refs', async () => {
    const create = (input: object) => refusal(facade().create(input as never));
    await expect(create({ name: 'desk_one' })).resolves.toMatchObject({
      field: 'password',
      rule: 'required',
    });
    await expect(create({ name: 'desk_one', password: 7 })).resolves.toMatchObject({
      field: 'password',
      rule: 'string',
    });
    await expect(
      create({ name: 'desk_one', password: 'pw', roles: { revoke: ['Support'] } }),
    ).resolves.toMatchObject({ field: 'roles.revoke', rule: 'known-field' });
    await expect(create({ name: 'desk_one', password: 'pw', roles: [] })).resolves.toMatchObject({
      field: 'roles',
      rule: 'object',
    });
    await expect(
      create({ name: 'desk_one', password: 'pw', roles: { grant: [3, 'Support'] } }),
    ).resolves.toEqual({
      field: 'roles.grant',
      rule: 'role-refs',
      message:
        'voximplant.subaccounts.create: roles.grant must be all role ids (numbers) or all role names (strings) (rule: role-refs)',
      operation: 'subaccounts.create',
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe('voximplant facade: which fields each operation takes', () => {
  it('a name is required on create and cannot be changed; currentPassword only goes with an update', async () => {
    await expect(refusal(facade().create({ password: 'pw' } as never))).resolves.toEqual({
      field: 'name',
      rule: 'required',
      message: 'voximplant.subaccounts.create: name is required by voximplant (rule: required)',
      operation: 'subaccounts.create',
    });
    await expect(
      refusal(facade().update('109', { name: 'renamed' } as never)),
    ).resolves.toMatchObject({ field: 'name', rule: 'unsupported-field' });
    await expect(
      refusal(facade().create({ name: 'desk_one', password: 'pw', currentPassword: 'x' } as never)),
    ).resolves.toMatchObject({ field: 'currentPassword', rule: 'unsupported-field' });
    await expect(
      refusal(facade().update('109', { roles: { revoke: [0] } })),
    ).resolves.toMatchObject({ field: 'roles.revoke[0]', rule: 'minimum' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('voximplant facade: role references', () => {
  const grant = (refs: unknown) =>
    refusal(facade().update('109', { roles: { grant: refs as number[] } }));

  it('an empty list, a non-list, ids below 1 or not integers, blank names are refused by index', async () => {
    await expect(grant([])).resolves.toMatchObject({ field: 'roles.grant', rule: 'min-items' });
    await expect(grant('Support')).resolves.toMatchObject({ field: 'roles.grant', rule: 'array' });
    await expect(grant([3, 0])).resolves.toMatchObject({
      field: 'roles.grant[1]',
      rule: 'minimum',
    });
    await expect(grant([1.5])).resolves.toMatchObject({ field: 'roles.grant[0]', rule: 'integer' });
    await expect(grant(['Support', ' '])).resolves.toMatchObject({
      field: 'roles.grant[1]',
      rule: 'non-blank',
    });
    await expect(grant([true])).resolves.toMatchObject({ field: 'roles.grant', rule: 'role-refs' });
    expect(server.requests).toHaveLength(0);
  });

  it('role id 1 and a one-character name are accepted', async () => {
    respond = (request) =>
      request.url.pathname === '/GetSubUsers' ? { result: [subUser] } : { result: 1 };
    await facade().update('109', { roles: { grant: [1], revoke: ['S'] } });
    expect(params(0)).toEqual({ subuser_id: '109', role_id: '1' });
    expect(params(1)).toEqual({ subuser_id: '109', role_name: 'S' });
  });
});

describe('voximplant facade: get, list, delete', () => {
  it('get: GetSubUsers filtered by id, with roles; wire → unified', async () => {
    respond = () => ({ result: [subUser] });
    await expect(facade().get('109')).resolves.toEqual({
      provider: 'voximplant',
      id: '109',
      name: 'support_desk',
      description: 'Support',
      roles: subUser.roles,
      raw: subUser,
    });
    expect(methods()).toEqual(['/GetSubUsers']);
    expect(params(0)).toMatchObject({ subuser_id: '109', with_roles: 'true' });
  });

  it('get: a subuser without description or roles has neither key', async () => {
    respond = () => ({ result: [{ subuser_id: 5, subuser_name: 'bare_user' }] });
    const got = await facade().get('5');
    expect(Object.keys(got).sort()).toEqual(['id', 'name', 'provider', 'raw']);
  });

  it('get: an empty answer is a NotFoundError', async () => {
    respond = () => ({ result: [] });
    await expect(facade().get('109')).rejects.toBeInstanceOf(NotFoundError);
    expect(server.requests).toHaveLength(1);
  });

  it('list: with roles, the page size as count, the limit honoured; each item unified', async () => {
    respond = () => ({
      result: [subUser, { ...subUser, subuser_id: 110, subuser_name: 'second' }],
      count: 2,
      total_count: 5,
    });
    const seen: string[] = [];
    for await (const item of facade().list({ pageSize: 2, limit: 1 }))
      seen.push(`${item.id}:${item.name}`);
    expect(seen).toEqual(['109:support_desk']);
    expect(methods()).toEqual(['/GetSubUsers']);
    expect(params(0)).toMatchObject({ with_roles: 'true', count: '2' });
  });

  it('delete: DelSubUser with the numeric id; the unified result', async () => {
    await expect(facade().delete('109')).resolves.toEqual({
      provider: 'voximplant',
      id: '109',
      deleted: true,
      raw: 1,
    });
    expect(methods()).toEqual(['/DelSubUser']);
    expect(params(0)).toEqual({ subuser_id: '109' });
  });
});

describe('voximplant facade: update', () => {
  beforeEach(() => {
    respond = (request) =>
      request.url.pathname === '/GetSubUsers' ? { result: [subUser] } : { result: 1 };
  });

  it('description/password, role grants and removals are separate calls, then a read', async () => {
    const updated = await facade().update('109', {
      description: 'Desk',
      password: 'N3w!Passw0rd',
      currentPassword: 'Str0ng!Pass',
      roles: { grant: [3, 7], revoke: ['Accountant'] },
    });
    expect(methods()).toEqual([
      '/SetSubUserInfo',
      '/SetSubUserRoles',
      '/RemoveSubUserRoles',
      '/GetSubUsers',
    ]);
    expect(params(0)).toEqual({
      subuser_id: '109',
      description: 'Desk',
      new_subuser_password: 'N3w!Passw0rd',
      old_subuser_password: 'Str0ng!Pass',
    });
    expect(params(1)).toEqual({ subuser_id: '109', role_id: '3;7' });
    expect(params(2)).toEqual({ subuser_id: '109', role_name: 'Accountant' });
    expect(updated.id).toBe('109');
  });

  it('only what changes is called: a description alone, a revoke alone', async () => {
    await facade().update('109', { description: 'Desk' });
    expect(methods()).toEqual(['/SetSubUserInfo', '/GetSubUsers']);
    expect(params(0)).toEqual({ subuser_id: '109', description: 'Desk' });
    server.requests.length = 0;
    await facade().update('109', { roles: { revoke: [3] } });
    expect(methods()).toEqual(['/RemoveSubUserRoles', '/GetSubUsers']);
  });

  it('a password pair alone and a grant alone are updates of their own', async () => {
    await facade().update('109', { password: 'N3w!Passw0rd', currentPassword: 'Str0ng!Pass' });
    expect(methods()).toEqual(['/SetSubUserInfo', '/GetSubUsers']);
    expect(params(0)).toEqual({
      subuser_id: '109',
      new_subuser_password: 'N3w!Passw0rd',
      old_subuser_password: 'Str0ng!Pass',
    });
    server.requests.length = 0;
    await facade().update('109', { roles: { grant: ['Support'] } });
    expect(methods()).toEqual(['/SetSubUserRoles', '/GetSubUsers']);
    expect(params(0)).toEqual({ subuser_id: '109', role_name: 'Support' });
  });

  it('passwords come in pairs; an update that changes nothing is refused', async () => {
    await expect(refusal(facade().update('109', { password: 'N3w!Passw0rd' }))).resolves.toEqual({
      field: 'currentPassword',
      rule: 'required-with',
      message:
        'voximplant.subaccounts.update: currentPassword is required by voximplant to change the password (rule: required-with)',
      operation: 'subaccounts.update',
    });
    await expect(
      refusal(facade().update('109', { currentPassword: 'Str0ng!Pass' })),
    ).resolves.toEqual({
      field: 'password',
      rule: 'required-with',
      message:
        'voximplant.subaccounts.update: password is required with currentPassword (the new password) (rule: required-with)',
      operation: 'subaccounts.update',
    });
    // An empty patch is refused by the facade's common check; empty roles by the adapter.
    await expect(refusal(facade().update('109', {}))).resolves.toMatchObject({
      field: 'patch',
      rule: 'non-empty',
    });
    await expect(refusal(facade().update('109', { roles: {} }))).resolves.toEqual({
      field: 'roles',
      rule: 'non-empty',
      message:
        'voximplant.subaccounts.update: roles must grant or revoke at least one role (rule: non-empty)',
      operation: 'subaccounts.update',
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe('checkVoximplantId', () => {
  const check = (id: string) => () => checkVoximplantId(new InputChecker('voximplant', 'get'), id);

  it('a positive integer of up to 16 digits passes; anything else names the rule', () => {
    for (const id of ['1', '109', '9'.repeat(16)]) expect(check(id)).not.toThrow();
    for (const id of ['0', '01', '-1', '1.5', 'SA_1', ' 1', '1 ', '9'.repeat(17), '']) {
      expect(check(id), id).toThrow(
        expect.objectContaining({
          field: 'id',
          rule: 'integer-id',
          message: 'voximplant.get: id must be the numeric subuser_id, e.g. 109 (rule: integer-id)',
        }),
      );
    }
  });
});
