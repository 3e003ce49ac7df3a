/**
 * What a caller reads when the input is refused: the whole message (operation, field, what is
 * wrong, rule), for every field each method checks — and that the inputs next to those limits are
 * sent. Nothing refused ever reaches the (scripted, loopback) server.
 */
import { ValidationError } from '@tenantkit/core';
import { describe, expect, it } from 'vitest';
import type { VoximplantClient } from '../src/index.js';
import { failureOf, methodOf, queryOf, scriptedVoximplant, settle } from './support/scripted.js';

const voximplant = scriptedVoximplant();
const KEY_ID = 'ab81c66e-570e-4446-9af9-105269dfafca';
const NAME = 'support_desk';
const PASSWORD = 'Str0ng!Pass';
const IP_FIELDS = 'authorized_ip, allowed, contains_ip, description, count, limit';
const CHILD_LIST_FIELDS =
  'child_account_id, child_account_name, child_account_email, active, frozen, ignore_invalid_accounts, brief_output, medium_output, count, order_by, return_live_balance, limit';
const CHILD_FLAGS = [
  'active',
  'account_notifications',
  'tariff_changing_notifications',
  'news_notifications',
  'support_robokassa',
  'support_bank_card',
  'support_invoice',
  'can_use_restricted',
];

type Call = (client: VoximplantClient) => Promise<unknown> | AsyncIterable<unknown>;
const never = (value: unknown) => value as never;

/** [the message, the call that must be refused with it] */
const refused: Array<[string, Call]> = [
  // authorized IPs
  [
    'voximplant.CheckAuthorizedAccountIP: authorized_ip must be a string (rule: string)',
    (c) => c.authorizedIps.check(never({})),
  ],
  [
    'voximplant.CheckAuthorizedAccountIP: authorized_ip must be an IPv4 address such as 92.255.220.10 (rule: ipv4)',
    (c) => c.authorizedIps.check({ authorized_ip: '92.255.220.0/24' }),
  ],
  [
    'voximplant.AddAuthorizedAccountIP: authorized_ip must be an IPv4 address or network such as 92.255.220.0/24 (rule: ipv4-network)',
    (c) => c.authorizedIps.add({ authorized_ip: 'office' }),
  ],
  [
    'voximplant.AddAuthorizedAccountIP: allowed must be true or false (rule: boolean)',
    (c) => c.authorizedIps.add({ authorized_ip: '10.0.0.1', allowed: never('yes') }),
  ],
  [
    'voximplant.AddAuthorizedAccountIP: description must be a string (rule: string)',
    (c) => c.authorizedIps.add({ authorized_ip: '10.0.0.1', description: never(5) }),
  ],
  [
    'voximplant.GetAuthorizedAccountIPs: authorized_ip must be an IPv4 address or network such as 92.255.220.0/24 (rule: ipv4-network)',
    (c) => c.authorizedIps.list({ authorized_ip: 'office' }),
  ],
  [
    'voximplant.GetAuthorizedAccountIPs: allowed must be true or false (rule: boolean)',
    (c) => c.authorizedIps.list({ allowed: never('yes') }),
  ],
  [
    'voximplant.GetAuthorizedAccountIPs: contains_ip must be an IPv4 address such as 92.255.220.10 (rule: ipv4)',
    (c) => c.authorizedIps.list({ contains_ip: '10.0.0.0/8' }),
  ],
  [
    'voximplant.GetAuthorizedAccountIPs: description must be a string (rule: string)',
    (c) => c.authorizedIps.list({ description: never(5) }),
  ],
  [
    'voximplant.GetAuthorizedAccountIPs: input must be an object (rule: object)',
    (c) => c.authorizedIps.listAll(never(5)),
  ],
  [
    `voximplant.GetAuthorizedAccountIPs: offset is not a field of this operation (allowed: ${IP_FIELDS}) (rule: known-field)`,
    (c) => c.authorizedIps.listAll(never({ offset: 5 })),
  ],
  [
    'voximplant.GetAuthorizedAccountIPs: count must be at least 1 (rule: minimum)',
    (c) => c.authorizedIps.listAll({ count: 0 }),
  ],
  [
    'voximplant.GetAuthorizedAccountIPs: limit must be zero or more (rule: non-negative)',
    (c) => c.authorizedIps.listAll({ limit: -1 }),
  ],
  [
    'voximplant.GetAuthorizedAccountIPs: contains_ip must be an IPv4 address such as 92.255.220.10 (rule: ipv4)',
    (c) => c.authorizedIps.listAll({ contains_ip: 'office' }),
  ],
  [
    'voximplant.DelAuthorizedAccountIP: authorized_ip must be an IPv4 address or network such as 92.255.220.0/24 (rule: ipv4-network)',
    (c) => c.authorizedIps.delete({ authorized_ip: 'every' }),
  ],
  [
    'voximplant.DelAuthorizedAccountIP: allowed must be true or false (rule: boolean)',
    (c) => c.authorizedIps.delete({ authorized_ip: 'all', allowed: never('no') }),
  ],
  // child accounts
  [
    'voximplant.GetChildrenAccounts: child_account_id must hold at least 1 item(s) (rule: min-items)',
    (c) => c.childAccounts.list({ child_account_id: [] }),
  ],
  [
    'voximplant.GetChildrenAccounts: child_account_name must not be blank (rule: non-blank)',
    (c) => c.childAccounts.list({ child_account_name: ' ' }),
  ],
  [
    'voximplant.GetChildrenAccounts: input must be an object (rule: object)',
    (c) => c.childAccounts.listAll(never('all')),
  ],
  [
    `voximplant.GetChildrenAccounts: offset is not a field of this operation (allowed: ${CHILD_LIST_FIELDS}) (rule: known-field)`,
    (c) => c.childAccounts.listAll(never({ offset: 1 })),
  ],
  [
    'voximplant.GetChildrenAccounts: count must be at least 1 (rule: minimum)',
    (c) => c.childAccounts.listAll({ count: 0 }),
  ],
  [
    'voximplant.GetChildrenAccounts: limit must be zero or more (rule: non-negative)',
    (c) => c.childAccounts.listAll({ limit: -1 }),
  ],
  [
    'voximplant.SetChildAccountInfo: child_account_name must hold at least 1 item(s) (rule: min-items)',
    (c) => c.childAccounts.update({ child_account_name: [], active: true }),
  ],
  [
    'voximplant.SetChildAccountInfo: child_account_name[0] must not be blank (rule: non-blank)',
    (c) => c.childAccounts.update({ child_account_name: [' '], active: true }),
  ],
  [
    'voximplant.SetChildAccountInfo: child_account_name[1] must not contain ";" (the list separator) (rule: no-separator)',
    (c) => c.childAccounts.update({ child_account_name: ['a', 'b;c'], active: true }),
  ],
  [
    'voximplant.SetChildAccountInfo: input must change at least one setting of the child accounts (rule: non-empty)',
    (c) => c.childAccounts.update({ child_account_id: [1], active: undefined }),
  ],
  [
    'voximplant.SetChildAccountInfo: new_child_account_email must be an email address (rule: email)',
    (c) => c.childAccounts.update({ child_account_id: [1], new_child_account_email: 'owner' }),
  ],
  ...CHILD_FLAGS.map((flag): [string, Call] => [
    `voximplant.SetChildAccountInfo: ${flag} must be true or false (rule: boolean)`,
    (c) => c.childAccounts.update(never({ child_account_id: [1], [flag]: 'yes' })),
  ]),
  [
    'voximplant.SetChildAccountInfo: language_code must be a two-letter ISO 639-1 code such as en (rule: language-code)',
    (c) => c.childAccounts.update({ child_account_id: [1], language_code: 'e' }),
  ],
  [
    'voximplant.SetChildAccountInfo: location must not be blank (rule: non-blank)',
    (c) => c.childAccounts.update({ child_account_id: [1], location: ' ' }),
  ],
  ...['10', Number.POSITIVE_INFINITY, Number.NaN, -0.01].map((value): [string, Call] => [
    'voximplant.SetChildAccountInfo: min_balance_to_notify must be a number, zero or more (rule: non-negative)',
    (c) => c.childAccounts.update({ child_account_id: [1], min_balance_to_notify: never(value) }),
  ]),
  [
    'voximplant.SetChildAccountInfo: selector.language_code is not a field of this operation (allowed: child_account_id, child_account_name, child_account_email) (rule: known-field)',
    (c) => c.childAccounts.suspend(never({ child_account_id: [1], language_code: 'en' })),
  ],
  [
    'voximplant.SetChildAccountInfo: selector must be an object (rule: object)',
    (c) => c.childAccounts.activate(never(1321)),
  ],
  // subusers, keys, roles
  [
    'voximplant.DelSubUser: input must be an object (rule: object)',
    (c) => c.subUsers.delete(never(undefined)),
  ],
  ['voximplant.DeleteKey: key_id must be a string (rule: string)', (c) => c.keys.delete(never({}))],
  [
    'voximplant.SetSubUserRoles: role_name[0] must not contain ";" (the list separator) (rule: no-separator)',
    (c) => c.subUsers.setRoles({ subuser_id: 1, role_name: ['Admin;Support'] }),
  ],
  [
    'voximplant.SetSubUserRoles: role_name[1] repeats a value already listed in role_name (rule: unique-items)',
    (c) => c.subUsers.setRoles({ subuser_id: 1, role_name: ['Admin', 'Admin'] }),
  ],
  [
    'voximplant.AddSubUser: new_subuser_password must be a string (rule: string)',
    (c) => c.subUsers.add(never({ new_subuser_name: NAME })),
  ],
  ...(
    [
      ['Str0ng! Pass', 'must not contain spaces (rule: no-whitespace)'],
      ['S0!a', 'must be at least 8 characters long (rule: min-length)'],
      ['STR0NG!PASS', 'must contain a lower-case letter (rule: lowercase)'],
      ['str0ng!pass', 'must contain an upper-case letter (rule: uppercase)'],
      ['Strong!Pass', 'must contain a digit (rule: digit)'],
      [
        'Str0ngPass',
        'must contain a special character (not a letter or digit) (rule: special-character)',
      ],
    ] as const
  ).map(([password, says]): [string, Call] => [
    `voximplant.AddSubUser: new_subuser_password ${says}`,
    (c) => c.subUsers.add({ new_subuser_name: NAME, new_subuser_password: password }),
  ]),
  [
    'voximplant.AddSubUser: new_subuser_name must start with a latin letter (rule: starts-with-letter)',
    (c) => c.subUsers.add({ new_subuser_name: '9desk', new_subuser_password: PASSWORD }),
  ],
  [
    'voximplant.AddSubUser: new_subuser_name may contain only latin letters, digits, _, - and . (rule: login-characters)',
    (c) => c.subUsers.add({ new_subuser_name: 'desk+a1', new_subuser_password: PASSWORD }),
  ],
  [
    'voximplant.AddSubUser: description must be a string (rule: string)',
    (c) =>
      c.subUsers.add({
        new_subuser_name: NAME,
        new_subuser_password: PASSWORD,
        description: never(5),
      }),
  ],
  [
    'voximplant.GetSubUsers: with_roles must be true or false (rule: boolean)',
    (c) => c.subUsers.list({ with_roles: never('yes') }),
  ],
  [
    'voximplant.GetSubUsers: with_roles must be true or false (rule: boolean)',
    (c) => c.subUsers.listAll({ with_roles: never('yes') }),
  ],
  [
    'voximplant.GetSubUsers: subuser_id must be an integer (rule: integer)',
    (c) => c.subUsers.get(never(undefined)),
  ],
  ['voximplant.GetKeys: input must be an object (rule: object)', (c) => c.keys.listAll(never(5))],
  [
    'voximplant.SetSubUserInfo: old_subuser_password is required to set new_subuser_password (rule: required-with)',
    (c) => c.subUsers.update(never({ subuser_id: 1, new_subuser_password: PASSWORD })),
  ],
  [
    'voximplant.SetSubUserInfo: new_subuser_password is missing: old_subuser_password alone changes nothing (rule: required-with)',
    (c) => c.subUsers.update(never({ subuser_id: 1, old_subuser_password: PASSWORD })),
  ],
  [
    'voximplant.SetSubUserInfo: input must change new_subuser_password or description (rule: non-empty)',
    (c) => c.subUsers.update(never({ subuser_id: 1 })),
  ],
  [
    'voximplant.SetSubUserInfo: old_subuser_password must be at least 1 characters long (rule: min-length)',
    (c) =>
      c.subUsers.update({
        subuser_id: 1,
        old_subuser_password: '',
        new_subuser_password: PASSWORD,
      }),
  ],
  [
    'voximplant.SetSubUserInfo: description must be a string (rule: string)',
    (c) => c.subUsers.update({ subuser_id: 1, description: never(5) }),
  ],
  [
    'voximplant.GetSubUserRoles: with_expanded_roles must be true or false (rule: boolean)',
    (c) => c.subUsers.getRoles({ subuser_id: 1, with_expanded_roles: never('yes') }),
  ],
  [
    'voximplant.CreateKey: description must be a string (rule: string)',
    (c) => c.keys.create({ description: never(5) }),
  ],
];

describe('voximplant input refused: the whole message', () => {
  it.each(refused)('%s', async (message, call) => {
    const error = await failureOf(call(voximplant.client()));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(message);
    expect(voximplant.requests).toHaveLength(0);
  });
});

/** [what, the call, the method and query sent] */
const sent: Array<[string, Call, string, Record<string, string>]> = [
  [
    'an address with neither allowed nor description',
    (c) => c.authorizedIps.add({ authorized_ip: '92.255.220.0/24' }),
    'AddAuthorizedAccountIP',
    { authorized_ip: '92.255.220.0/24' },
  ],
  [
    'delete by contains_ip',
    (c) => c.authorizedIps.delete({ contains_ip: '92.255.220.10' }),
    'DelAuthorizedAccountIP',
    { contains_ip: '92.255.220.10' },
  ],
  [
    'the allow-list walked with no input',
    (c) => c.authorizedIps.listAll(),
    'GetAuthorizedAccountIPs',
    { offset: '0', count: '100' },
  ],
  [
    'the allow-list walked with every filter',
    (c) =>
      c.authorizedIps.listAll({
        authorized_ip: '92.255.220.0/24',
        allowed: true,
        contains_ip: '92.255.220.10',
        description: 'office',
        count: 1,
        limit: 5,
      }),
    'GetAuthorizedAccountIPs',
    {
      authorized_ip: '92.255.220.0/24',
      allowed: 'true',
      contains_ip: '92.255.220.10',
      description: 'office',
      offset: '0',
      count: '1',
    },
  ],
  ['one page of children, no input', (c) => c.childAccounts.list(), 'GetChildrenAccounts', {}],
  [
    'the children walked with no input',
    (c) => c.childAccounts.listAll(),
    'GetChildrenAccounts',
    { offset: '0', count: '100' },
  ],
  [
    'the children walked with a limit',
    (c) => c.childAccounts.listAll({ limit: 3 }),
    'GetChildrenAccounts',
    { offset: '0', count: '100' },
  ],
  [
    'a two-letter language, a notify balance of zero',
    (c) =>
      c.childAccounts.update({
        child_account_id: [1],
        language_code: 'en',
        min_balance_to_notify: 0,
      }),
    'SetChildAccountInfo',
    { child_account_id: '1', language_code: 'en', min_balance_to_notify: '0' },
  ],
  ['one page of keys, no input', (c) => c.keys.list(), 'GetKeys', {}],
  [
    'the keys walked with no input',
    (c) => c.keys.listAll(),
    'GetKeys',
    { offset: '0', count: '100' },
  ],
  ['a key by id', (c) => c.keys.getRoles({ key_id: KEY_ID }), 'GetKeyRoles', { key_id: KEY_ID }],
];

describe('voximplant input accepted at the limits: sent as given', () => {
  it.each(sent)('%s', async (_what, call, method, query) => {
    await settle(call(voximplant.client()));
    expect(voximplant.requests.map((request) => [methodOf(request), queryOf(request)])).toEqual([
      [method, query],
    ]);
  });
});
