/** Vobiz's conformance cells (see `support/cell-kit.ts`). */
import type { CoreOptions } from '@tenantkit/core';
import { createVobizClient } from '@tenantkit/vobiz';
import { CANARY } from '../support/canaries.js';
import { operation, type ProviderCells, walk } from '../support/cell-kit.js';
import { PASSWORD } from '../support/leaks.js';

/** The sub-account every cell reads, and another tenant's (what a wrong answer names). */
const SA = 'SA_ABCDEF12';
const OTHER_SA = 'SA_OTHER0001';
const ISSUED = {
  token: 'vobiz-issued-token-2b8d51e7',
  access: 'vobiz-access-token-a91c3f07e2',
  refresh: 'vobiz-refresh-token-5e27b0d4c1',
};

const client = (options: CoreOptions & { baseUrl?: string } = {}) =>
  createVobizClient({ authId: 'MA_CANARY01', authToken: CANARY.vobizAuthToken, ...options });

/** Success shapes Vobiz's operations refuse (the odd-body matrix). */
const SHAPES = {
  create: [
    JSON.stringify({ message: 'created' }),
    JSON.stringify({ auth_credentials: null }),
    JSON.stringify({ auth_credentials: { auth_id: 'SA_NEW00001' } }),
    JSON.stringify({
      sub_account: 42,
      auth_credentials: { auth_id: 'SA_NEW00001', auth_token: 'new-token-000001' },
    }),
  ],
  account: [JSON.stringify({ name: 'no id' }), JSON.stringify({ auth_id: 42 })],
  page: [
    JSON.stringify({ sub_accounts: 'none' }),
    JSON.stringify({ sub_accounts: [null] }),
    JSON.stringify({ sub_accounts: [{ name: 'no id' }], total: 1 }),
  ],
  delete: [] as string[],
  items: [JSON.stringify({ items: 'none' }), JSON.stringify({ items: [null] })],
  kyc: [JSON.stringify({ status: 42 }), JSON.stringify({ message: 'no status' })],
};
/** A delete answers nothing: an empty 200 or 204 is its success. */
const EMPTY = ['an empty 200', 'an empty 204'];

const account = (id: string) => ({ auth_id: id, name: 'Tenant' });

export const cells: ProviderCells<'vobiz'> = {
  provider: 'vobiz',
  client: {
    secrets: [CANARY.vobizAuthToken],
    make(options) {
      const vobiz = client(options);
      return {
        client: vobiz,
        read: (call) => vobiz.subAccounts.get(SA, call),
        create: () =>
          vobiz.subAccounts.create({
            name: 'Acme Dental',
            email: 'owner@acme.example',
            password: CANARY.inputSecret,
          }),
      };
    },
    readOk: { id: '42', auth_id: SA, name: 'Acme Dental', enabled: true },
    createOk: {
      message: 'Sub-account created',
      sub_account: { id: '42', auth_id: SA, name: 'Acme Dental' },
      auth_credentials: { auth_id: SA, auth_token: CANARY.bodySecret },
    },
    errorBody: (message) => ({
      status: 'error',
      error: { code: 'SERVER_ERROR', message: `${message}; X-Auth-Token ${CANARY.vobizAuthToken}` },
      auth_token: CANARY.bodySecret,
      trace: CANARY.bodyJwt,
      requestId: 'req_canary_1',
    }),
  },
  facade: {
    options: (baseUrl) => ({ authId: 'MA_CANARY01', authToken: CANARY.vobizAuthToken, baseUrl }),
    id: SA,
    create: { name: 'Acme Dental', password: CANARY.inputSecret },
    update: { name: 'Renamed' },
  },
  leak: {
    target: {
      parent: { 'parent auth token': CANARY.vobizAuthToken },
      sent: { 'password sent': PASSWORD },
      primeSends: true,
      received: {
        'new auth_token': ISSUED.token,
        'new access_token': ISSUED.access,
        'new refresh_token': ISSUED.refresh,
      },
      primeAnswer: {
        message: 'created',
        sub_account: { auth_id: 'SA_NEW00001', name: 'Acme Dental' },
        auth_credentials: { auth_id: 'SA_NEW00001', auth_token: ISSUED.token },
        tokens: { access_token: ISSUED.access, refresh_token: ISSUED.refresh },
      },
      signsJwt: false,
      make(options) {
        const vobiz = client(options);
        const create = () => vobiz.subAccounts.create({ name: 'Acme Dental', password: PASSWORD });
        return { client: vobiz, prime: create, create, read: () => vobiz.subAccounts.get(SA) };
      },
      errorBody: (message, fields) => ({
        status: 'error',
        error: { code: 'BAD_REQUEST', message },
        echo: fields,
      }),
      clientErrorStatus: 422,
    },
    loaders: () => [
      {
        name: 'vobiz authToken with a line break inside',
        secret: CANARY.vobizAuthToken,
        load: () =>
          createVobizClient({ authId: 'MA_CANARY01', authToken: `${CANARY.vobizAuthToken}\nx` }),
      },
    ],
    cli: {
      read: ['get', 'vobiz', SA],
      create: ['create', 'vobiz', '--name', 'Acme', '--password', PASSWORD],
      sent: { password: PASSWORD },
      env: () => ({ VOBIZ_AUTH_ID: 'MA_CANARY01', VOBIZ_AUTH_TOKEN: CANARY.vobizAuthToken }),
    },
  },
  oddBody: {
    client(options) {
      const v = client(options);
      return [
        operation(
          'vobiz create',
          'create',
          () => v.subAccounts.create({ name: 'Acme' }),
          SHAPES.create,
        ),
        operation('vobiz get', 'other', () => v.subAccounts.get(SA), SHAPES.account),
        operation('vobiz list', 'other', () => v.subAccounts.list(), SHAPES.page),
        operation('vobiz listAll', 'other', () => walk(v.subAccounts.listAll()), SHAPES.page),
        operation(
          'vobiz update',
          'other',
          () => v.subAccounts.update(SA, { name: 'B' }),
          SHAPES.account,
        ),
        {
          ...operation('vobiz delete', 'other', () => v.subAccounts.delete(SA), SHAPES.delete),
          accepts: EMPTY,
        },
        // Added with issue 16: numbers and KYC.
        operation('vobiz numbers.list', 'other', () => v.numbers.list(), SHAPES.items),
        operation('vobiz numbers.listAll', 'other', () => walk(v.numbers.listAll()), SHAPES.items),
        operation(
          'vobiz numbers.listForSubAccount',
          'other',
          () => walk(v.numbers.listForSubAccount(SA)),
          SHAPES.items,
        ),
        // numbers.assign and numbers.unassign answer nothing (Vobiz documents no body): no shape to check.
        // Every field of a KYC status is optional: any object is one.
        operation('vobiz kyc.status', 'other', () => v.kyc.status(SA), []),
        operation(
          'vobiz kyc.verifyPan',
          'create',
          () => v.kyc.verifyPan(SA, { pan: 'ABCDE1234F' }),
          SHAPES.kyc,
        ),
        operation(
          'vobiz kyc.searchCin',
          'other',
          () => v.kyc.searchCin(SA, { company_name: 'Acme' }),
          [],
        ),
      ];
    },
    facade: {
      create: SHAPES.create,
      get: SHAPES.account,
      list: SHAPES.page,
      update: SHAPES.account,
      delete: [],
    },
    facadeAccepts: { delete: EMPTY },
  },
  redirect: {
    raw: (baseUrl) =>
      client({ baseUrl }).raw.POST('/api/v1/accounts/{auth_id}/sub-accounts/', {
        params: { path: { auth_id: 'MA_CANARY01' } },
        body: { name: 'Acme', password: CANARY.inputSecret },
      }),
  },
  wrongRecord: {
    client: [
      {
        name: 'vobiz get, the answer is another sub-account',
        answers: [account(OTHER_SA)],
        call: (baseUrl) => client({ baseUrl, maxRetries: 0 }).subAccounts.get(SA),
      },
      {
        name: 'vobiz update, the answer is another sub-account',
        answers: [account(OTHER_SA)],
        call: (baseUrl) =>
          client({ baseUrl, maxRetries: 0 }).subAccounts.update(SA, { name: 'Renamed' }),
      },
    ],
    facade: [
      { op: 'get', answers: [account(OTHER_SA)] },
      { op: 'update', answers: [account(OTHER_SA)] },
    ],
  },
};
