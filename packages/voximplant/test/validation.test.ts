import { ValidationError } from '@tenantkit/core';
import { createRecordingFetch } from '@tenantkit/mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createVoximplantClient, type VoximplantClient } from '../src/index.js';
import { testKey } from './fixtures.js';

/** A well-formed `result` for each method (1 for the rest), so every valid call resolves. */
const RESULTS: Record<string, unknown> = {
  AddSubUser: { subuser_id: 1 },
  CreateKey: { key_id: 'new-key', private_key: 'not-a-real-key' },
  GetKeys: [],
  GetSubUsers: [],
};
const recorder = createRecordingFetch((request) =>
  Response.json({ result: RESULTS[request.url.pathname.split('/').pop() ?? ''] ?? 1 }),
);
const client = createVoximplantClient({
  credentials: testKey.credentials,
  baseUrl: 'https://voximplant.test/platform_api',
  fetch: recorder.fetch,
});
const KEY_ID = 'ab81c66e-570e-4446-9af9-105269dfafca';
const NAME = 'support_desk';
const PASSWORD = 'Str0ng!Pass';

afterEach(() => {
  expect(recorder.requests).toHaveLength(0);
});

type Call = (client: VoximplantClient, input: never) => Promise<unknown> | AsyncIterable<unknown>;
/** [case, method, operation, input, field, rule] */
type Row = [string, Call, string, unknown, string, string];

const add: Call = (c, input) => c.subUsers.add(input);
const update: Call = (c, input) => c.subUsers.update(input);
const setSubRoles: Call = (c, input) => c.subUsers.setRoles(input);
const removeSubRoles: Call = (c, input) => c.subUsers.removeRoles(input);
const createKey: Call = (c, input) => c.keys.create(input);
const updateKey: Call = (c, input) => c.keys.update(input);
const setKeyRoles: Call = (c, input) => c.keys.setRoles(input);

const rows: Row[] = [
  // subuser login
  [
    'login too short',
    add,
    'AddSubUser',
    { new_subuser_name: 'abcd', new_subuser_password: PASSWORD },
    'new_subuser_name',
    'min-length',
  ],
  [
    'login too long',
    add,
    'AddSubUser',
    { new_subuser_name: 'a'.repeat(21), new_subuser_password: PASSWORD },
    'new_subuser_name',
    'max-length',
  ],
  [
    'login starting with a digit',
    add,
    'AddSubUser',
    { new_subuser_name: '1support', new_subuser_password: PASSWORD },
    'new_subuser_name',
    'starts-with-letter',
  ],
  [
    'login starting with _',
    add,
    'AddSubUser',
    { new_subuser_name: '_support', new_subuser_password: PASSWORD },
    'new_subuser_name',
    'starts-with-letter',
  ],
  [
    'login with a space',
    add,
    'AddSubUser',
    { new_subuser_name: 'support desk', new_subuser_password: PASSWORD },
    'new_subuser_name',
    'login-characters',
  ],
  [
    'login with a non-latin letter',
    add,
    'AddSubUser',
    { new_subuser_name: 'suppörtdesk', new_subuser_password: PASSWORD },
    'new_subuser_name',
    'login-characters',
  ],
  [
    'login missing',
    add,
    'AddSubUser',
    { new_subuser_password: PASSWORD },
    'new_subuser_name',
    'string',
  ],
  // password
  [
    'password shorter than 8',
    add,
    'AddSubUser',
    { new_subuser_name: NAME, new_subuser_password: 'Sh0rt!' },
    'new_subuser_password',
    'min-length',
  ],
  [
    'password without upper case',
    add,
    'AddSubUser',
    { new_subuser_name: NAME, new_subuser_password: 'str0ng!pass' },
    'new_subuser_password',
    'uppercase',
  ],
  [
    'password without lower case',
    add,
    'AddSubUser',
    { new_subuser_name: NAME, new_subuser_password: 'STR0NG!PASS' },
    'new_subuser_password',
    'lowercase',
  ],
  [
    'password without a digit',
    add,
    'AddSubUser',
    { new_subuser_name: NAME, new_subuser_password: 'Strong!Pass' },
    'new_subuser_password',
    'digit',
  ],
  [
    'password without a special character',
    add,
    'AddSubUser',
    { new_subuser_name: NAME, new_subuser_password: 'Str0ngPass' },
    'new_subuser_password',
    'special-character',
  ],
  [
    'password with a space',
    add,
    'AddSubUser',
    { new_subuser_name: NAME, new_subuser_password: 'Str0ng! Pass' },
    'new_subuser_password',
    'no-whitespace',
  ],
  [
    'the seed password (new_subuser_password)',
    add,
    'AddSubUser',
    { new_subuser_name: NAME, new_subuser_password: 'new_subuser_password' },
    'new_subuser_password',
    'uppercase',
  ],
  [
    'new password on update breaks the rule',
    update,
    'SetSubUserInfo',
    { subuser_id: 1, old_subuser_password: 'x', new_subuser_password: 'weakweak' },
    'new_subuser_password',
    'uppercase',
  ],
  // roles (every method × rule: see the 'role references' matrix below)
  [
    'empty role_id list',
    setSubRoles,
    'SetSubUserRoles',
    { subuser_id: 1, role_id: [] },
    'role_id',
    'min-items',
  ],
  [
    'empty role_name list',
    setKeyRoles,
    'SetKeyRoles',
    { key_id: KEY_ID, role_name: [] },
    'role_name',
    'min-items',
  ],
  [
    'role id zero',
    setSubRoles,
    'SetSubUserRoles',
    { subuser_id: 1, role_id: [3, 0] },
    'role_id[1]',
    'minimum',
  ],
  [
    'role id fractional',
    setSubRoles,
    'SetSubUserRoles',
    { subuser_id: 1, role_id: [1.5] },
    'role_id[0]',
    'integer',
  ],
  [
    'role id as a string',
    setSubRoles,
    'SetSubUserRoles',
    { subuser_id: 1, role_id: ['3'] },
    'role_id[0]',
    'integer',
  ],
  [
    'role_id as a joined string',
    setSubRoles,
    'SetSubUserRoles',
    { subuser_id: 1, role_id: '1;2' },
    'role_id',
    'array',
  ],
  [
    'role name with the separator',
    removeSubRoles,
    'RemoveSubUserRoles',
    { subuser_id: 1, role_name: ['Support;Admin'] },
    'role_name[0]',
    'no-separator',
  ],
  [
    'blank role name',
    setKeyRoles,
    'SetKeyRoles',
    { key_id: KEY_ID, role_name: [' '] },
    'role_name[0]',
    'non-blank',
  ],
  [
    'duplicate role id',
    setSubRoles,
    'SetSubUserRoles',
    { subuser_id: 1, role_id: [3, 3] },
    'role_id[1]',
    'unique-items',
  ],
  // passwords on update
  [
    'new password without the old one',
    update,
    'SetSubUserInfo',
    { subuser_id: 1, new_subuser_password: 'N3w!Passw0rd' },
    'old_subuser_password',
    'required-with',
  ],
  [
    'old password without a new one',
    update,
    'SetSubUserInfo',
    { subuser_id: 1, old_subuser_password: PASSWORD, description: 'x' },
    'new_subuser_password',
    'required-with',
  ],
  ['update changing nothing', update, 'SetSubUserInfo', { subuser_id: 1 }, 'input', 'non-empty'],
  // key names
  ['key_name empty', createKey, 'CreateKey', { key_name: '' }, 'key_name', 'min-length'],
  ['key_name blank', createKey, 'CreateKey', { key_name: '   ' }, 'key_name', 'non-blank'],
  [
    'key_name over 50 characters',
    updateKey,
    'UpdateKey',
    { key_id: KEY_ID, description: 'd', key_name: 'k'.repeat(51) },
    'key_name',
    'max-length',
  ],
  [
    'UpdateKey without description',
    updateKey,
    'UpdateKey',
    { key_id: KEY_ID, key_name: 'ci' },
    'description',
    'string',
  ],
  // ids and paging
  [
    'subuser_id zero',
    (c, i) => c.subUsers.delete(i),
    'DelSubUser',
    { subuser_id: 0 },
    'subuser_id',
    'minimum',
  ],
  [
    'subuser_id negative',
    (c, i) => c.subUsers.getRoles(i),
    'GetSubUserRoles',
    { subuser_id: -4 },
    'subuser_id',
    'minimum',
  ],
  [
    'subuser_id fractional',
    (c, i) => c.subUsers.list(i),
    'GetSubUsers',
    { subuser_id: 2.5 },
    'subuser_id',
    'integer',
  ],
  [
    'subuser_id as a string',
    (c, i) => c.subUsers.delete(i),
    'DelSubUser',
    { subuser_id: '109' },
    'subuser_id',
    'integer',
  ],
  ['subuser_id missing', (c, i) => c.subUsers.delete(i), 'DelSubUser', {}, 'subuser_id', 'integer'],
  ['key_id blank', (c, i) => c.keys.delete(i), 'DeleteKey', { key_id: ' ' }, 'key_id', 'non-blank'],
  [
    'key_id a number',
    (c, i) => c.keys.getRoles(i),
    'GetKeyRoles',
    { key_id: 5 },
    'key_id',
    'string',
  ],
  [
    'negative offset',
    (c, i) => c.subUsers.list(i),
    'GetSubUsers',
    { offset: -1 },
    'offset',
    'non-negative',
  ],
  ['negative count', (c, i) => c.keys.list(i), 'GetKeys', { count: -10 }, 'count', 'non-negative'],
  [
    'with_roles as a string',
    (c, i) => c.keys.list(i),
    'GetKeys',
    { with_roles: 'true' },
    'with_roles',
    'boolean',
  ],
  [
    'force as a number',
    removeSubRoles,
    'RemoveSubUserRoles',
    { subuser_id: 1, role_id: [1], force: 1 },
    'force',
    'boolean',
  ],
  [
    'blank group_name',
    (c, i) => c.roles.list(i),
    'GetRoles',
    { group_name: '' },
    'group_name',
    'non-blank',
  ],
  // unknown fields (the accepted list comes from the spec)
  [
    'force on key removeRoles',
    (c, i) => c.keys.removeRoles(i),
    'RemoveKeyRoles',
    { key_id: KEY_ID, role_id: [1], force: true },
    'force',
    'known-field',
  ],
  [
    'camelCase name',
    add,
    'AddSubUser',
    { newSubuserName: NAME, new_subuser_name: NAME, new_subuser_password: PASSWORD },
    'newSubuserName',
    'known-field',
  ],
  [
    'legacy api_key parameter',
    (c, i) => c.roles.list(i),
    'GetRoles',
    { api_key: 'k' },
    'api_key',
    'known-field',
  ],
  [
    'key_id on subUsers.list',
    (c, i) => c.subUsers.list(i),
    'GetSubUsers',
    { key_id: KEY_ID },
    'key_id',
    'known-field',
  ],
  ['not an object', (c, i) => c.subUsers.delete(i), 'DelSubUser', 109, 'input', 'object'],
];

async function failure(result: Promise<unknown> | AsyncIterable<unknown>): Promise<unknown> {
  try {
    if (Symbol.asyncIterator in result) for await (const _ of result as AsyncIterable<unknown>);
    else await result;
  } catch (error) {
    return error;
  }
  throw new Error('expected a ValidationError, the call succeeded');
}

describe('voximplant validation: bad input never reaches the network', () => {
  it.each(rows)('%s', async (_name, call, operation, input, field, rule) => {
    const error = await failure(call(client, input as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'voximplant', operation, field, rule });
    expect((error as Error).message).toContain(field);
  });

  it('passwords are never echoed in the message', async () => {
    const error = await failure(
      client.subUsers.add({ new_subuser_name: NAME, new_subuser_password: 'leaky pass 1A!' }),
    );
    expect((error as Error).message).not.toContain('leaky');
  });

  it.each([
    ['count 0', { count: 0 }, 'count', 'minimum'],
    ['negative limit', { limit: -1 }, 'limit', 'non-negative'],
    ['offset (listAll walks it)', { offset: 5 }, 'offset', 'known-field'],
  ])(
    'listAll: %s fails on first iteration, not synchronously',
    async (_name, input, field, rule) => {
      const iterable = client.subUsers.listAll(input as never);
      const error = await failure(iterable);
      expect(error).toMatchObject({
        name: 'ValidationError',
        operation: 'GetSubUsers',
        field,
        rule,
      });
    },
  );

  it('validation failures reject, never throw synchronously', () => {
    const result = client.subUsers.add({} as never);
    expect(result).toBeInstanceOf(Promise);
    return expect(result).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('voximplant validation: valid edge cases are sent', () => {
  afterEach(() => {
    recorder.requests.length = 0;
  });

  it.each([
    [
      '5-character login',
      () => client.subUsers.add({ new_subuser_name: 'abcde', new_subuser_password: PASSWORD }),
    ],
    [
      '20-character login with . and -',
      () =>
        client.subUsers.add({
          new_subuser_name: 'a.b-c_defghijklmnopq',
          new_subuser_password: 'Aa1!aaaa',
        }),
    ],
    ['50-character key name', () => client.keys.create({ key_name: 'k'.repeat(50) })],
    ['offset and count zero', () => client.keys.list({ offset: 0, count: 0 })],
    [
      'an empty description on UpdateKey',
      () => client.keys.update({ key_id: KEY_ID, description: '' }),
    ],
    [
      'description only on SetSubUserInfo',
      () => client.subUsers.update({ subuser_id: 1, description: 'x' }),
    ],
  ])('%s', async (_name, call) => {
    await call();
    expect(recorder.requests).toHaveLength(1);
    recorder.requests.length = 0;
  });
});

describe('voximplant validation: role references (exactly one / at most one)', () => {
  const removeKeyRoles: Call = (c, input) => c.keys.removeRoles(input);
  const exactlyOne: Array<[string, Call, Record<string, unknown>]> = [
    ['SetSubUserRoles', setSubRoles, { subuser_id: 1 }],
    ['RemoveSubUserRoles', removeSubRoles, { subuser_id: 1, force: true }],
    ['SetKeyRoles', setKeyRoles, { key_id: KEY_ID }],
    ['RemoveKeyRoles', removeKeyRoles, { key_id: KEY_ID }],
  ];
  const atMostOne: Array<[string, Call, Record<string, unknown>]> = [
    ['AddSubUser', add, { new_subuser_name: NAME, new_subuser_password: PASSWORD }],
    ['CreateKey', createKey, { key_name: 'ci' }],
  ];
  const sent = createRecordingFetch((request) =>
    Response.json({ result: RESULTS[request.url.pathname.split('/').pop() ?? ''] ?? 1 }),
  );
  const sending = createVoximplantClient({
    credentials: testKey.credentials,
    baseUrl: 'https://voximplant.test/platform_api',
    fetch: sent.fetch,
  });

  it.each(exactlyOne)(
    '%s: neither role_id nor role_name is refused',
    async (operation, call, base) => {
      await expect(call(client, base as never)).rejects.toMatchObject({
        name: 'ValidationError',
        operation,
        field: 'role_id | role_name',
        rule: 'exactly-one',
      });
    },
  );

  it.each([...exactlyOne, ...atMostOne])(
    '%s: both role_id and role_name are refused (error 449)',
    async (operation, call, base) => {
      const rule = atMostOne.some(([name]) => name === operation) ? 'at-most-one' : 'exactly-one';
      const error = await (
        call(client, { ...base, role_id: [1], role_name: ['Admin'] } as never) as Promise<unknown>
      ).catch((e: unknown) => e);
      expect(error).toMatchObject({ operation, field: 'role_id + role_name', rule });
      expect((error as Error).message).toContain(`(rule: ${rule})`);
    },
  );

  it.each([...exactlyOne, ...atMostOne])(
    '%s: role_id alone and role_name alone are sent',
    async (_operation, call, base) => {
      await call(sending, { ...base, role_id: [3, 7] } as never);
      await call(sending, { ...base, role_name: ['Support'] } as never);
      const queries = sent.requests.splice(0).map((r) => Object.fromEntries(r.url.searchParams));
      expect(queries[0]).toMatchObject({ role_id: '3;7' });
      expect(queries[0]).not.toHaveProperty('role_name');
      expect(queries[1]).toMatchObject({ role_name: 'Support' });
      expect(queries[1]).not.toHaveProperty('role_id');
    },
  );

  it.each(atMostOne)('%s: neither is fine (no roles)', async (_operation, call, base) => {
    await call(sending, base as never);
    const query = Object.fromEntries(sent.requests.splice(0)[0]?.url.searchParams ?? []);
    expect(query).not.toHaveProperty('role_id');
    expect(query).not.toHaveProperty('role_name');
  });
});

describe('voximplant validation: account, child accounts, authorized IPs', () => {
  const bad: Array<
    [
      string,
      (c: VoximplantClient) => Promise<unknown> | AsyncIterable<unknown>,
      string,
      string,
      string,
    ]
  > = [
    [
      'info: live balance as text',
      (c) => c.account.info({ return_live_balance: 'no' as never }),
      'GetAccountInfo',
      'return_live_balance',
      'boolean',
    ],
    [
      'children: an id of 0',
      (c) => c.childAccounts.list({ child_account_id: [0] }),
      'GetChildrenAccounts',
      'child_account_id[0]',
      'minimum',
    ],
    [
      'children: an id twice',
      (c) => c.childAccounts.list({ child_account_id: [5, 5] }),
      'GetChildrenAccounts',
      'child_account_id[1]',
      'unique-items',
    ],
    [
      'children: unknown order',
      (c) => c.childAccounts.list({ order_by: 'created' as never }),
      'GetChildrenAccounts',
      'order_by',
      'enum',
    ],
    [
      'children: bad email filter',
      (c) => c.childAccounts.list({ child_account_email: 'child' }),
      'GetChildrenAccounts',
      'child_account_email',
      'email',
    ],
    [
      'children listAll: offset is walked',
      (c) => c.childAccounts.listAll({ offset: 3 } as never),
      'GetChildrenAccounts',
      'offset',
      'known-field',
    ],
    [
      'set child: no selector',
      (c) => c.childAccounts.update({ active: false } as never),
      'SetChildAccountInfo',
      'child_account_id | child_account_name | child_account_email',
      'exactly-one',
    ],
    [
      'set child: two selectors',
      (c) =>
        c.childAccounts.update({
          child_account_id: [1],
          child_account_name: ['a'],
          active: false,
        } as never),
      'SetChildAccountInfo',
      'child_account_id + child_account_name',
      'exactly-one',
    ],
    [
      'set child: nothing to change',
      (c) => c.childAccounts.update({ child_account_id: 'all' }),
      'SetChildAccountInfo',
      'input',
      'non-empty',
    ],
    [
      'set child: ids as text',
      (c) => c.childAccounts.update({ child_account_id: 'some' as never, active: true }),
      'SetChildAccountInfo',
      'child_account_id',
      'array',
    ],
    [
      'set child: a name with ;',
      (c) => c.childAccounts.update({ child_account_name: ['a;b'], active: true }),
      'SetChildAccountInfo',
      'child_account_name[0]',
      'no-separator',
    ],
    [
      'set child: a bad email selector',
      (c) => c.childAccounts.suspend({ child_account_email: ['nobody'] }),
      'SetChildAccountInfo',
      'child_account_email[0]',
      'email',
    ],
    [
      'set child: weak new password',
      (c) =>
        c.childAccounts.update({
          child_account_id: [1],
          new_child_account_password: 'weakpassword',
        }),
      'SetChildAccountInfo',
      'new_child_account_password',
      'uppercase',
    ],
    [
      'set child: language of 3 letters',
      (c) => c.childAccounts.update({ child_account_id: [1], language_code: 'eng' }),
      'SetChildAccountInfo',
      'language_code',
      'language-code',
    ],
    [
      'set child: negative notify balance',
      (c) => c.childAccounts.update({ child_account_id: [1], min_balance_to_notify: -1 }),
      'SetChildAccountInfo',
      'min_balance_to_notify',
      'non-negative',
    ],
    [
      'add ip: not an address',
      (c) => c.authorizedIps.add({ authorized_ip: 'office' }),
      'AddAuthorizedAccountIP',
      'authorized_ip',
      'ipv4-network',
    ],
    [
      'add ip: octet over 255',
      (c) => c.authorizedIps.add({ authorized_ip: '92.255.256.0/24' }),
      'AddAuthorizedAccountIP',
      'authorized_ip',
      'ipv4-network',
    ],
    [
      'add ip: prefix over 32',
      (c) => c.authorizedIps.add({ authorized_ip: '92.255.220.0/33' }),
      'AddAuthorizedAccountIP',
      'authorized_ip',
      'ipv4-network',
    ],
    [
      'add ip: IPv6 (the docs say IP4)',
      (c) => c.authorizedIps.add({ authorized_ip: '2001:db8::/32' }),
      'AddAuthorizedAccountIP',
      'authorized_ip',
      'ipv4-network',
    ],
    [
      'add ip: missing',
      (c) => c.authorizedIps.add({} as never),
      'AddAuthorizedAccountIP',
      'authorized_ip',
      'string',
    ],
    [
      'del ip: neither selector',
      (c) => c.authorizedIps.delete({ allowed: true } as never),
      'DelAuthorizedAccountIP',
      'authorized_ip | contains_ip',
      'exactly-one',
    ],
    [
      'del ip: both selectors',
      (c) => c.authorizedIps.delete({ authorized_ip: '1.2.3.4', contains_ip: '1.2.3.4' } as never),
      'DelAuthorizedAccountIP',
      'authorized_ip + contains_ip',
      'exactly-one',
    ],
    [
      'del ip: contains_ip a network',
      (c) => c.authorizedIps.delete({ contains_ip: '1.2.3.0/24' }),
      'DelAuthorizedAccountIP',
      'contains_ip',
      'ipv4',
    ],
    [
      'check ip: a network',
      (c) => c.authorizedIps.check({ authorized_ip: '1.2.3.0/24' }),
      'CheckAuthorizedAccountIP',
      'authorized_ip',
      'ipv4',
    ],
    [
      'list ips: count negative',
      (c) => c.authorizedIps.list({ count: -1 }),
      'GetAuthorizedAccountIPs',
      'count',
      'non-negative',
    ],
  ];

  it.each(bad)('%s', async (_name, call, operation, field, rule) => {
    const pending = call(client);
    const error = await ('then' in pending
      ? pending
      : (async () => {
          for await (const _ of pending) break;
        })()
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'voximplant', operation, field, rule });
    expect((error as Error).message).toContain(`(rule: ${rule})`);
  });

  it('the new child password is never echoed', async () => {
    const error = await client.childAccounts
      .update({ child_account_id: [1], new_child_account_password: 'has space Pw1!' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ rule: 'no-whitespace' });
    expect(JSON.stringify(error)).not.toContain('has space');
  });
});
