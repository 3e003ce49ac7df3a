/**
 * Odd-body matrix: every success shape a client does not expect × every operation of every
 * client and of the facade. Each one is an InvalidResponseError (a create's with
 * `outcomeUnknown: true`); nothing escapes as a bare TypeError, and nothing resolves as a
 * success with a made-up id or empty credentials.
 */
import { InvalidResponseError, TenantkitError } from '@tenantkit/core';
import { createSynthflowClient } from '@tenantkit/synthflow';
import { createTwilioClient } from '@tenantkit/twilio';
import { createVobizClient } from '@tenantkit/vobiz';
import { createVoximplantClient } from '@tenantkit/voximplant';
import { PROVIDERS, type Provider } from 'tenantkit';
import { afterAll, describe, expect, it } from 'vitest';
import { CANARY, TWILIO_SID, voximplantCredentials } from './support/adapters.js';
import { facadeAt, facadeOperations } from './support/facade.js';
import { type ScriptedServer, type Step, startScriptedServer } from './support/server.js';

// Started at collection time: the cells below are built from clients that need its URL.
const server: ScriptedServer = await startScriptedServer();
let bareTypeErrors = 0;
let cellsRun = 0;
afterAll(async () => {
  await server.close();
  console.log(`odd-body matrix: ${cellsRun} cells, ${bareTypeErrors} bare TypeErrors`);
});

const json = (text: string): Step => ({
  status: 200,
  body: text,
  headers: { 'content-type': 'application/json' },
});

/** Shapes no operation of any provider accepts. */
const GENERIC: Record<string, Step> = {
  null: json('null'),
  '42': json('42'),
  '"ok"': json('"ok"'),
  true: json('true'),
  '[]': json('[]'),
  '[null]': json('[null]'),
  'an empty 200': json(''),
  'an empty 204': { status: 204 },
};

const sf = (response: unknown) => JSON.stringify({ status: 'ok', response });
const SPECIFIC = {
  synthflowCreate: [sf(null), sf({}), sf({ subaccount_id: '' }), sf({ subaccount_id: 42 })],
  synthflowRead: [
    sf(null),
    sf({ subaccounts: 'none' }),
    sf({ subaccounts: [null] }),
    sf({ subaccounts: [{ name: 'no id' }] }),
    JSON.stringify({ status: 'ok' }),
  ],
  synthflowChange: [sf(null), sf('ok'), sf([]), JSON.stringify({ status: 'ok' })],
  vobizCreate: [
    JSON.stringify({ message: 'created' }),
    JSON.stringify({ auth_credentials: null }),
    JSON.stringify({ auth_credentials: { auth_id: 'SA_NEW00001' } }),
    JSON.stringify({
      sub_account: 42,
      auth_credentials: { auth_id: 'SA_NEW00001', auth_token: 'new-token-000001' },
    }),
  ],
  vobizAccount: [JSON.stringify({ name: 'no id' }), JSON.stringify({ auth_id: 42 })],
  vobizPage: [
    JSON.stringify({ sub_accounts: 'none' }),
    JSON.stringify({ sub_accounts: [null] }),
    JSON.stringify({ sub_accounts: [{ name: 'no id' }], total: 1 }),
  ],
  vobizDelete: [] as string[],
  vobizItems: [JSON.stringify({ items: 'none' }), JSON.stringify({ items: [null] })],
  vobizKyc: [JSON.stringify({ status: 42 }), JSON.stringify({ message: 'no status' })],
  voximplant: [
    JSON.stringify({ result: null }),
    JSON.stringify({ result: 'ok' }),
    JSON.stringify({ result: [null] }),
    JSON.stringify({ result: {} }),
    JSON.stringify({}),
  ],
  twilioAccount: [
    JSON.stringify({}),
    JSON.stringify({ sid: '' }),
    JSON.stringify({ sid: 42, friendly_name: 'Acme' }),
    JSON.stringify({ accounts: [] }),
  ],
  twilioPage: [
    JSON.stringify({ accounts: 'none' }),
    JSON.stringify({ accounts: [null] }),
    JSON.stringify({ accounts: [{ friendly_name: 'no sid' }] }),
    JSON.stringify({ sid: TWILIO_SID.sub }),
  ],
  voximplantList: [
    JSON.stringify({ result: [{}] }),
    JSON.stringify({ result: [{ subuser_id: 'x', key_id: 1, role_id: 'y', id: 'z' }] }),
  ],
};

type Kind = 'create' | 'other';
interface Operation {
  name: string;
  kind: Kind;
  call: () => Promise<unknown>;
  shapes: string[];
  /** Generic shapes this operation accepts (Vobiz delete: a 204). */
  accepts?: string[];
}

const walk = async (items: AsyncIterable<unknown>) => {
  const out = [];
  for await (const item of items) if (out.push(item) > 50) break;
  return out;
};

function clientOperations(): Operation[] {
  const options = { baseUrl: server.url, maxRetries: 0, timeoutMs: 5_000 };
  const s = createSynthflowClient({ apiKey: CANARY.synthflowApiKey, ...options });
  const v = createVobizClient({
    authId: 'MA_CANARY01',
    authToken: CANARY.vobizAuthToken,
    ...options,
  });
  const x = createVoximplantClient({ credentials: voximplantCredentials, ...options });
  const t = createTwilioClient({
    accountSid: TWILIO_SID.main,
    authToken: CANARY.twilioAuthToken,
    ...options,
  });
  const AC = TWILIO_SID.sub;
  const SF_ID = '1726005822670x239735712159542050';
  const SA = 'SA_ABCDEF12';
  const vox = [...SPECIFIC.voximplant];
  const voxList = [...vox, ...SPECIFIC.voximplantList];
  const op = (name: string, kind: Kind, call: () => Promise<unknown>, shapes: string[]) => ({
    name,
    kind,
    call,
    shapes,
  });
  return [
    op(
      'synthflow create',
      'create',
      () => s.subaccounts.create({ subaccount_name: 'Acme' }),
      SPECIFIC.synthflowCreate,
    ),
    op('synthflow get', 'other', () => s.subaccounts.get(SF_ID), SPECIFIC.synthflowRead),
    op('synthflow list', 'other', () => s.subaccounts.list(), SPECIFIC.synthflowRead),
    op(
      'synthflow update',
      'other',
      () => s.subaccounts.update(SF_ID, { subaccount_name: 'B' }),
      SPECIFIC.synthflowChange,
    ),
    op('synthflow delete', 'other', () => s.subaccounts.delete(SF_ID), SPECIFIC.synthflowChange),
    op(
      'vobiz create',
      'create',
      () => v.subAccounts.create({ name: 'Acme' }),
      SPECIFIC.vobizCreate,
    ),
    op('vobiz get', 'other', () => v.subAccounts.get(SA), SPECIFIC.vobizAccount),
    op('vobiz list', 'other', () => v.subAccounts.list(), SPECIFIC.vobizPage),
    op('vobiz listAll', 'other', () => walk(v.subAccounts.listAll()), SPECIFIC.vobizPage),
    op(
      'vobiz update',
      'other',
      () => v.subAccounts.update(SA, { name: 'B' }),
      SPECIFIC.vobizAccount,
    ),
    {
      ...op('vobiz delete', 'other', () => v.subAccounts.delete(SA), SPECIFIC.vobizDelete),
      accepts: ['an empty 200', 'an empty 204'],
    },
    op(
      'voximplant subUsers.add',
      'create',
      () =>
        x.subUsers.add({
          new_subuser_name: 'alice_acme',
          new_subuser_password: CANARY.inputSecret,
        }),
      vox,
    ),
    op('voximplant subUsers.list', 'other', () => x.subUsers.list(), voxList),
    op('voximplant subUsers.listAll', 'other', () => walk(x.subUsers.listAll()), voxList),
    op(
      'voximplant subUsers.update',
      'other',
      () => x.subUsers.update({ subuser_id: 1, description: 'B' }),
      vox,
    ),
    op('voximplant subUsers.delete', 'other', () => x.subUsers.delete({ subuser_id: 1 }), vox),
    op(
      'voximplant subUsers.setRoles',
      'other',
      () => x.subUsers.setRoles({ subuser_id: 1, role_id: [1] }),
      vox,
    ),
    op(
      'voximplant subUsers.getRoles',
      'other',
      () => x.subUsers.getRoles({ subuser_id: 1 }),
      voxList,
    ),
    op(
      'voximplant subUsers.removeRoles',
      'other',
      () => x.subUsers.removeRoles({ subuser_id: 1, role_id: [1] }),
      vox,
    ),
    op('voximplant keys.create', 'create', () => x.keys.create(), vox),
    op('voximplant keys.list', 'other', () => x.keys.list(), voxList),
    op('voximplant keys.listAll', 'other', () => walk(x.keys.listAll()), voxList),
    op(
      'voximplant keys.update',
      'other',
      () => x.keys.update({ key_id: 'k', description: 'B' }),
      vox,
    ),
    op('voximplant keys.delete', 'other', () => x.keys.delete({ key_id: 'k' }), vox),
    op(
      'voximplant keys.setRoles',
      'other',
      () => x.keys.setRoles({ key_id: 'k', role_id: [1] }),
      vox,
    ),
    op('voximplant keys.getRoles', 'other', () => x.keys.getRoles({ key_id: 'k' }), voxList),
    op(
      'voximplant keys.removeRoles',
      'other',
      () => x.keys.removeRoles({ key_id: 'k', role_id: [1] }),
      vox,
    ),
    op(
      'twilio subaccounts.create',
      'create',
      () => t.subaccounts.create({ FriendlyName: 'Acme' }),
      SPECIFIC.twilioAccount,
    ),
    op('twilio subaccounts.get', 'other', () => t.subaccounts.get(AC), SPECIFIC.twilioAccount),
    op('twilio subaccounts.list', 'other', () => t.subaccounts.list(), SPECIFIC.twilioPage),
    op(
      'twilio subaccounts.listAll',
      'other',
      () => walk(t.subaccounts.listAll()),
      SPECIFIC.twilioPage,
    ),
    op(
      'twilio subaccounts.update',
      'other',
      () => t.subaccounts.update(AC, { FriendlyName: 'B' }),
      SPECIFIC.twilioAccount,
    ),
    op(
      'twilio subaccounts.suspend',
      'other',
      () => t.subaccounts.suspend(AC),
      SPECIFIC.twilioAccount,
    ),
    op(
      'twilio subaccounts.activate',
      'other',
      () => t.subaccounts.activate(AC),
      SPECIFIC.twilioAccount,
    ),
    op('twilio subaccounts.close', 'other', () => t.subaccounts.close(AC), SPECIFIC.twilioAccount),
    op('voximplant roles.list', 'other', () => x.roles.list(), voxList),
    op('voximplant roles.groups', 'other', () => x.roles.groups(), voxList),
    // Added with issue 16: numbers, KYC, account info, child accounts, authorized IPs.
    op('vobiz numbers.list', 'other', () => v.numbers.list(), SPECIFIC.vobizItems),
    op('vobiz numbers.listAll', 'other', () => walk(v.numbers.listAll()), SPECIFIC.vobizItems),
    op(
      'vobiz numbers.listForSubAccount',
      'other',
      () => walk(v.numbers.listForSubAccount(SA)),
      SPECIFIC.vobizItems,
    ),
    // numbers.assign and numbers.unassign answer nothing (Vobiz documents no body): no shape to check.
    // Every field of a KYC status is optional: any object is one.
    op('vobiz kyc.status', 'other', () => v.kyc.status(SA), []),
    op(
      'vobiz kyc.verifyPan',
      'create',
      () => v.kyc.verifyPan(SA, { pan: 'ABCDE1234F' }),
      SPECIFIC.vobizKyc,
    ),
    op('vobiz kyc.searchCin', 'other', () => v.kyc.searchCin(SA, { company_name: 'Acme' }), []),
    op('voximplant account.info', 'other', () => x.account.info(), vox),
    op('voximplant childAccounts.list', 'other', () => x.childAccounts.list(), voxList),
    op('voximplant childAccounts.listAll', 'other', () => walk(x.childAccounts.listAll()), voxList),
    op(
      'voximplant childAccounts.suspend',
      'other',
      () => x.childAccounts.suspend({ child_account_id: [7] }),
      vox,
    ),
    op(
      'voximplant authorizedIps.add',
      'create',
      () => x.authorizedIps.add({ authorized_ip: '10.0.0.1' }),
      vox,
    ),
    op('voximplant authorizedIps.list', 'other', () => x.authorizedIps.list(), voxList),
    op('voximplant authorizedIps.listAll', 'other', () => walk(x.authorizedIps.listAll()), voxList),
    op(
      'voximplant authorizedIps.delete',
      'other',
      () => x.authorizedIps.delete({ authorized_ip: 'all' }),
      vox,
    ),
    op(
      'voximplant authorizedIps.check',
      'other',
      () => x.authorizedIps.check({ authorized_ip: '10.0.0.1' }),
      vox,
    ),
  ];
}

/** The facade's operations, each with the shapes of the client operation it starts with. */
function facadeOps(): Operation[] {
  const shapes: Record<Provider, Record<string, string[]>> = {
    synthflow: {
      create: SPECIFIC.synthflowCreate,
      get: SPECIFIC.synthflowRead,
      list: SPECIFIC.synthflowRead,
      update: SPECIFIC.synthflowChange,
      delete: SPECIFIC.synthflowChange,
    },
    vobiz: {
      create: SPECIFIC.vobizCreate,
      get: SPECIFIC.vobizAccount,
      list: SPECIFIC.vobizPage,
      update: SPECIFIC.vobizAccount,
      delete: [],
    },
    voximplant: {
      create: SPECIFIC.voximplant,
      get: [...SPECIFIC.voximplant, ...SPECIFIC.voximplantList],
      list: [...SPECIFIC.voximplant, ...SPECIFIC.voximplantList],
      update: SPECIFIC.voximplant,
      delete: SPECIFIC.voximplant,
    },
    twilio: {
      create: SPECIFIC.twilioAccount,
      get: SPECIFIC.twilioAccount,
      list: SPECIFIC.twilioPage,
      update: SPECIFIC.twilioAccount,
      delete: SPECIFIC.twilioAccount,
    },
  };
  return PROVIDERS.flatMap((provider) => {
    const operations = facadeOperations(facadeAt(provider, server.url), provider);
    return Object.entries(operations).map(([name, call]) => ({
      name: `facade ${provider} ${name}`,
      kind: (name === 'create' ? 'create' : 'other') as Kind,
      call,
      shapes: shapes[provider][name] ?? [],
      ...(provider === 'vobiz' &&
        name === 'delete' && { accepts: ['an empty 200', 'an empty 204'] }),
    }));
  });
}

const cells = [...clientOperations(), ...facadeOps()].flatMap((operation) =>
  [
    ...Object.entries(GENERIC).filter(([shape]) => !operation.accepts?.includes(shape)),
    ...operation.shapes.map((body): [string, Step] => [body, json(body)]),
  ].map(([shape, step]) => ({ operation, shape, step })),
);

describe('odd-body matrix', () => {
  it.each(cells)('$operation.name answered $shape', async ({ operation, shape: _shape, step }) => {
    server.script([], step);
    cellsRun++;
    const error = await operation.call().then(
      (value) => ({ resolved: value }),
      (caught: unknown) => caught,
    );
    if (error instanceof TypeError) bareTypeErrors++;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toBeInstanceOf(TenantkitError);
    expect((error as InvalidResponseError).outcomeUnknown).toBe(operation.kind === 'create');
  });
});
