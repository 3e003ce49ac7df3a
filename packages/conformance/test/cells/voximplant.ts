/** Voximplant's conformance cells (see `support/cell-kit.ts`). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreOptions } from '@tenantkit/core';
import { throwawayVoximplantKey } from '@tenantkit/mock';
import { createVoximplantClient } from '@tenantkit/voximplant';
import { CANARY, voximplantCredentials } from '../support/canaries.js';
import { operation, type ProviderCells, walk } from '../support/cell-kit.js';
import { PASSWORD } from '../support/leaks.js';

/** The subuser every cell reads, and another one (what a wrong answer names). */
const SUBUSER = 109;
const OTHER_SUBUSER = 110;
/** A key handed out by the key create that primes the leak matrix. */
const ISSUED_KEY = throwawayVoximplantKey().credentials.private_key;

const client = (options: CoreOptions & { baseUrl?: string } = {}) =>
  createVoximplantClient({ credentials: voximplantCredentials, ...options });

/** Success shapes Voximplant's operations refuse (the odd-body matrix). */
const ANSWER = [
  JSON.stringify({ result: null }),
  JSON.stringify({ result: 'ok' }),
  JSON.stringify({ result: [null] }),
  JSON.stringify({ result: {} }),
  JSON.stringify({}),
];
const LIST = [
  ...ANSWER,
  JSON.stringify({ result: [{}] }),
  JSON.stringify({ result: [{ subuser_id: 'x', key_id: 1, role_id: 'y', id: 'z' }] }),
];

const users = (...ids: number[]) => ({
  result: ids.map((id) => ({ subuser_id: id, subuser_name: `user${id}` })),
});

export const cells: ProviderCells<'voximplant'> = {
  provider: 'voximplant',
  client: {
    secrets: [voximplantCredentials.private_key],
    make(options) {
      const voximplant = client(options);
      return {
        client: voximplant,
        read: (call) => voximplant.subUsers.list({ subuser_id: SUBUSER }, call),
        create: () =>
          voximplant.subUsers.add({
            new_subuser_name: 'alice_acme',
            new_subuser_password: CANARY.inputSecret,
            description: 'Acme Dental',
          }),
      };
    },
    readOk: {
      result: [{ subuser_id: SUBUSER, subuser_name: 'alice_acme' }],
      total_count: 1,
      count: 1,
    },
    createOk: { result: { subuser_id: SUBUSER } },
    errorBody: (message) => ({
      error: { code: 1, msg: `${message}; password=${CANARY.bodySecret}` },
      private_key: CANARY.bodySecret,
      trace: CANARY.bodyJwt,
    }),
  },
  facade: {
    options: (baseUrl) => ({ credentials: voximplantCredentials, baseUrl }),
    id: String(SUBUSER),
    create: { name: 'alice_acme', password: CANARY.inputSecret },
    update: { description: 'Renamed' },
  },
  leak: {
    target: {
      parent: { 'parent private key': voximplantCredentials.private_key },
      sent: { 'new_subuser_password sent': PASSWORD },
      primeSends: false,
      received: { 'new key private_key': ISSUED_KEY },
      primeAnswer: {
        result: {
          key_id: 'new-key-0001',
          account_id: 4242,
          account_email: 'owner@example.com',
          private_key: ISSUED_KEY,
        },
      },
      signsJwt: true,
      make(options) {
        const voximplant = client(options);
        return {
          client: voximplant,
          prime: () => voximplant.keys.create(),
          create: () =>
            voximplant.subUsers.add({
              new_subuser_name: 'alice_acme',
              new_subuser_password: PASSWORD,
            }),
          read: () => voximplant.subUsers.list({ subuser_id: SUBUSER }),
        };
      },
      errorBody: (message, fields) => ({ error: { code: 101, msg: message }, echo: fields }),
      clientErrorStatus: 200,
    },
    loaders(dir) {
      const corruptKey = voximplantCredentials.private_key.replace(/\n[A-Za-z0-9+/]{20}/, '\n!!!!');
      const file = join(dir, 'broken-credentials.json');
      writeFileSync(file, JSON.stringify({ ...voximplantCredentials, private_key: corruptKey }));
      return [
        {
          name: 'voximplant credentials object with a corrupt private key',
          secret: corruptKey,
          load: () =>
            createVoximplantClient({
              credentials: { ...voximplantCredentials, private_key: corruptKey },
            }),
        },
        {
          name: 'voximplant credentials file with a corrupt private key',
          secret: corruptKey,
          load: () => createVoximplantClient({ credentials: file }),
        },
        // The JSON text a secret manager hands out, and bare PEM text (issue 10 fault 2, fixed by issue 11).
        {
          name: 'voximplant credentials as JSON text with a corrupt private key',
          secret: corruptKey,
          load: () =>
            createVoximplantClient({
              credentials: JSON.stringify({ ...voximplantCredentials, private_key: corruptKey }),
            }),
        },
        {
          name: 'voximplant credentials as truncated JSON text',
          secret: voximplantCredentials.private_key,
          load: () =>
            createVoximplantClient({
              credentials: JSON.stringify(voximplantCredentials).slice(0, -9),
            }),
        },
        {
          name: 'voximplant credentials given as bare PEM text',
          secret: voximplantCredentials.private_key,
          load: () => createVoximplantClient({ credentials: voximplantCredentials.private_key }),
        },
      ];
    },
    cli: {
      read: ['get', 'voximplant', String(SUBUSER)],
      create: ['create', 'voximplant', '--name', 'alice_acme', '--password', PASSWORD],
      sent: { password: PASSWORD },
      env(dir) {
        const credentialsFile = join(dir, 'credentials.json');
        writeFileSync(credentialsFile, JSON.stringify(voximplantCredentials));
        return { VOXIMPLANT_CREDENTIALS: credentialsFile };
      },
      // The CLI's create answers the subuser id; the leak target's prime is the key create.
      createAnswer: { result: { subuser_id: 7 } },
    },
  },
  oddBody: {
    client(options) {
      const x = client(options);
      return [
        operation(
          'voximplant subUsers.add',
          'create',
          () =>
            x.subUsers.add({
              new_subuser_name: 'alice_acme',
              new_subuser_password: CANARY.inputSecret,
            }),
          ANSWER,
        ),
        operation('voximplant subUsers.list', 'other', () => x.subUsers.list(), LIST),
        operation('voximplant subUsers.listAll', 'other', () => walk(x.subUsers.listAll()), LIST),
        operation(
          'voximplant subUsers.update',
          'other',
          () => x.subUsers.update({ subuser_id: 1, description: 'B' }),
          ANSWER,
        ),
        operation(
          'voximplant subUsers.delete',
          'other',
          () => x.subUsers.delete({ subuser_id: 1 }),
          ANSWER,
        ),
        operation(
          'voximplant subUsers.setRoles',
          'other',
          () => x.subUsers.setRoles({ subuser_id: 1, role_id: [1] }),
          ANSWER,
        ),
        operation(
          'voximplant subUsers.getRoles',
          'other',
          () => x.subUsers.getRoles({ subuser_id: 1 }),
          LIST,
        ),
        operation(
          'voximplant subUsers.removeRoles',
          'other',
          () => x.subUsers.removeRoles({ subuser_id: 1, role_id: [1] }),
          ANSWER,
        ),
        operation('voximplant keys.create', 'create', () => x.keys.create(), ANSWER),
        operation('voximplant keys.list', 'other', () => x.keys.list(), LIST),
        operation('voximplant keys.listAll', 'other', () => walk(x.keys.listAll()), LIST),
        operation(
          'voximplant keys.update',
          'other',
          () => x.keys.update({ key_id: 'k', description: 'B' }),
          ANSWER,
        ),
        operation('voximplant keys.delete', 'other', () => x.keys.delete({ key_id: 'k' }), ANSWER),
        operation(
          'voximplant keys.setRoles',
          'other',
          () => x.keys.setRoles({ key_id: 'k', role_id: [1] }),
          ANSWER,
        ),
        operation(
          'voximplant keys.getRoles',
          'other',
          () => x.keys.getRoles({ key_id: 'k' }),
          LIST,
        ),
        operation(
          'voximplant keys.removeRoles',
          'other',
          () => x.keys.removeRoles({ key_id: 'k', role_id: [1] }),
          ANSWER,
        ),
        operation('voximplant roles.list', 'other', () => x.roles.list(), LIST),
        operation('voximplant roles.groups', 'other', () => x.roles.groups(), LIST),
        // Added with issue 16: account info, child accounts, authorized IPs.
        operation('voximplant account.info', 'other', () => x.account.info(), ANSWER),
        operation('voximplant childAccounts.list', 'other', () => x.childAccounts.list(), LIST),
        operation(
          'voximplant childAccounts.listAll',
          'other',
          () => walk(x.childAccounts.listAll()),
          LIST,
        ),
        operation(
          'voximplant childAccounts.suspend',
          'other',
          () => x.childAccounts.suspend({ child_account_id: [7] }),
          ANSWER,
        ),
        operation(
          'voximplant authorizedIps.add',
          'create',
          () => x.authorizedIps.add({ authorized_ip: '10.0.0.1' }),
          ANSWER,
        ),
        operation('voximplant authorizedIps.list', 'other', () => x.authorizedIps.list(), LIST),
        operation(
          'voximplant authorizedIps.listAll',
          'other',
          () => walk(x.authorizedIps.listAll()),
          LIST,
        ),
        operation(
          'voximplant authorizedIps.delete',
          'other',
          () => x.authorizedIps.delete({ authorized_ip: 'all' }),
          ANSWER,
        ),
        operation(
          'voximplant authorizedIps.check',
          'other',
          () => x.authorizedIps.check({ authorized_ip: '10.0.0.1' }),
          ANSWER,
        ),
      ];
    },
    facade: { create: ANSWER, get: LIST, list: LIST, update: ANSWER, delete: ANSWER },
  },
  redirect: {
    raw: (baseUrl) =>
      client({ baseUrl }).raw.POST('/AddSubUser', {
        params: {
          query: { new_subuser_name: 'alice_acme', new_subuser_password: CANARY.inputSecret },
        },
      }),
  },
  wrongRecord: {
    // The client's reads by id filter the answer (tests of their own in wrong-record.test.ts).
    client: [],
    facade: [
      { op: 'get', answers: [users(OTHER_SUBUSER)] },
      { op: 'update', answers: [{ result: 1 }, users(OTHER_SUBUSER)] },
    ],
  },
};
