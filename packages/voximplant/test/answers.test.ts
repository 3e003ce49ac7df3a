/**
 * A hostile or broken Voximplant: answers of the wrong shape (null, text, a list where an object
 * belongs, items without their id, ids of the wrong type) are an InvalidResponseError saying what
 * was expected and what came — never a TypeError, never a wrongly typed success. And what a
 * by-id listing keeps of a list that holds more than the id asked for.
 */
import { InvalidResponseError, PagingError } from '@tenantkit/core';
import { describe, expect, it } from 'vitest';
import type { VoximplantClient } from '../src/index.js';
import { failureOf, scriptedVoximplant } from './support/scripted.js';

const voximplant = scriptedVoximplant();
const KEY_ID = 'ab81c66e-570e-4446-9af9-105269dfafca';

type Call = (client: VoximplantClient) => Promise<unknown> | AsyncIterable<unknown>;

const COUNT = 'a `result` holding a number (1 when done)';
const CHANGED = 'a numeric `result` (1 when done)';
const IP_COUNT = 'a numeric `result` (1, or how many were removed)';
const SUBUSERS = 'a `result` holding a list of subusers, each with its `subuser_id`';
const KEYS = 'a `result` holding a list of keys, each with its `key_id`';
const ROLES = 'a `result` holding a list of roles';
const IPS = 'a `result` list of networks, each with its `authorized_ip`';
const CHILDREN = 'a `result` list of accounts, each with its `account_id`';

/** [method, call, what it expects, [body, what the message calls it]…] */
const cases: Array<[string, Call, string, Array<[unknown, string]>]> = [
  [
    'DelSubUser',
    (c) => c.subUsers.delete({ subuser_id: 1 }),
    COUNT,
    [
      [null, 'null'],
      ['done', 'a string'],
      [[{ result: 1 }], 'an array'],
      [{ result: '1' }, 'an object'],
      [{}, 'an object'],
    ],
  ],
  [
    'AddSubUser',
    (c) =>
      c.subUsers.add({ new_subuser_name: 'support_desk', new_subuser_password: 'Str0ng!Pass' }),
    'a `result` holding the new `subuser_id`',
    [
      [{ result: null }, 'an object'],
      [{ result: { subuser_id: '7' } }, 'an object'],
      [{ result: { subuser_id: 1.5 } }, 'an object'],
      [{ result: [{ subuser_id: 7 }] }, 'an object'],
    ],
  ],
  [
    'GetSubUsers',
    (c) => c.subUsers.list({ subuser_id: 7 }),
    SUBUSERS,
    [
      [{ result: 7 }, 'an object'],
      [{ result: [null] }, 'an object'],
      [{ result: [{ subuser_id: '7' }] }, 'an object'],
    ],
  ],
  [
    'GetKeys',
    (c) => c.keys.list({ key_id: KEY_ID }),
    KEYS,
    [
      [{ result: { key_id: KEY_ID } }, 'an object'],
      [{ result: [{ key_id: 5 }] }, 'an object'],
      [{ result: [{ key_name: 'ci' }] }, 'an object'],
    ],
  ],
  [
    'CreateKey',
    (c) => c.keys.create(),
    'a `result` holding the new key and its `key_id`',
    [
      [{ result: null }, 'an object'],
      [{ result: [null] }, 'an object'],
      [{ result: { key_id: 5 } }, 'an object'],
      [{ result: [{ key_id: 5 }] }, 'an object'],
    ],
  ],
  [
    'GetRoles',
    (c) => c.roles.list(),
    ROLES,
    [
      [{ result: 'Admin' }, 'an object'],
      [{ result: [{ role_name: 'Admin' }] }, 'an object'],
      [{ result: [{ role_id: '3', role_name: 'Admin' }] }, 'an object'],
    ],
  ],
  [
    'GetRoleGroups',
    (c) => c.roles.groups(),
    'a `result` holding a list of role groups',
    [[{ result: [{ name: 'Accounting' }] }, 'an object']],
  ],
  [
    'GetAccountInfo',
    (c) => c.account.info(),
    'a `result` profile with its `account_id`',
    [
      [null, 'null'],
      [{ result: {} }, 'an object'],
      [{ result: { account_id: '4242' } }, 'an object'],
      [{ result: [{ account_id: 4242 }] }, 'an object'],
    ],
  ],
  [
    'GetChildrenAccounts',
    (c) => c.childAccounts.list(),
    CHILDREN,
    [
      [null, 'null'],
      [{ result: 'none' }, 'an object'],
      [{ result: [null], total_count: 1 }, 'an object'],
      [{ result: [{ account_id: 1 }, { account_name: 'b' }], total_count: 2 }, 'an object'],
    ],
  ],
  [
    'SetChildAccountInfo',
    (c) => c.childAccounts.suspend({ child_account_id: 'all' }),
    CHANGED,
    [
      [null, 'null'],
      [{ result: true }, 'an object'],
    ],
  ],
  [
    'GetAuthorizedAccountIPs',
    (c) => c.authorizedIps.list(),
    IPS,
    [
      ['[]', 'a string'],
      [{ result: [{ allowed: true }], total_count: 1 }, 'an object'],
      [{ result: [{ authorized_ip: 1 }], total_count: 1 }, 'an object'],
    ],
  ],
  [
    'DelAuthorizedAccountIP',
    (c) => c.authorizedIps.delete({ authorized_ip: 'all' }),
    IP_COUNT,
    [
      [null, 'null'],
      [{ result: '2' }, 'an object'],
    ],
  ],
  [
    'CheckAuthorizedAccountIP',
    (c) => c.authorizedIps.check({ authorized_ip: '10.0.0.1' }),
    'a boolean `result`',
    [
      [null, 'null'],
      [5, 'a number'],
      [{ result: 'true' }, 'an object'],
    ],
  ],
];

const rows = cases.flatMap(([method, call, expects, bodies]) =>
  bodies.map(([body, got]) => [method, JSON.stringify(body), call, body, expects, got] as const),
);

describe('voximplant answers of the wrong shape', () => {
  it.each(rows)('%s answered %s', async (method, _shown, call, body, expects, got) => {
    voximplant.answer(() => body);
    const error = await failureOf(call(voximplant.client()));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(new RegExp(`^voximplant\\.${method} \\(`));
    expect(error.message).toContain(`HTTP 200: the answer lacks ${expects} (got ${got})`);
  });
});

describe('voximplant listings by id keep only that id', () => {
  it('keys.list by key_id drops the other keys the answer holds; without an id it keeps all', async () => {
    const other = { key_id: 'other-key', key_name: 'other' };
    const mine = { key_id: KEY_ID, key_name: 'ci' };
    voximplant.answer(() => ({ result: [other, mine] }));
    const client = voximplant.client();
    await expect(client.keys.list({ key_id: KEY_ID })).resolves.toEqual([mine]);
    await expect(client.keys.list()).resolves.toEqual([other, mine]);
  });

  it('subUsers.list by subuser_id likewise', async () => {
    const other = { subuser_id: 8, subuser_name: 'other_desk' };
    const mine = { subuser_id: 7, subuser_name: 'support_desk' };
    voximplant.answer(() => ({ result: [other, mine] }));
    const client = voximplant.client();
    await expect(client.subUsers.list({ subuser_id: 7 })).resolves.toEqual([mine]);
    await expect(client.subUsers.list()).resolves.toEqual([other, mine]);
  });
});

describe('voximplant listings that never end', () => {
  it.each<[string, Call, unknown]>([
    [
      'GetChildrenAccounts',
      (c) => c.childAccounts.listAll({ count: 1 }),
      { result: [{ account_id: 1 }], total_count: 5 },
    ],
    [
      'GetAuthorizedAccountIPs',
      (c) => c.authorizedIps.listAll({ count: 1 }),
      { result: [{ authorized_ip: '10.0.0.1' }], total_count: 5 },
    ],
    ['GetSubUsers', (c) => c.subUsers.listAll({ count: 1 }), { result: [{ subuser_id: 7 }] }],
    ['GetKeys', (c) => c.keys.listAll({ count: 1 }), { result: [{ key_id: KEY_ID }] }],
  ])(
    '%s answering the same page again is a PagingError naming it',
    async (operation, call, page) => {
      voximplant.answer(() => page);
      const error = await failureOf(call(voximplant.client()));
      expect(error).toBeInstanceOf(PagingError);
      expect(error).toMatchObject({ provider: 'voximplant', operation, reason: 'repeated-page' });
      expect(voximplant.requests).toHaveLength(2);
    },
  );
});
