/** Synthflow's conformance cells (see `support/cell-kit.ts`). */
import type { CoreOptions } from '@tenantkit/core';
import { createSynthflowClient } from '@tenantkit/synthflow';
import { CANARY } from '../support/canaries.js';
import { operation, type ProviderCells } from '../support/cell-kit.js';
import { EXTRA_SECRET, PASSWORD } from '../support/leaks.js';

/** The sub-account every cell reads, and another tenant's (what a wrong answer names). */
const ID = '1726005822670x239735712159542050';
const OTHER_ID = '1728287773458x334812156080545700';
const ISSUED = {
  apiKey: 'sf-issued-api-key-7d3e9b21c4',
  signInToken: '1739402199888x447700112233445500',
};
const SIGN_IN_LINK = `https://fine-tuner.ai/invite/${ISSUED.signInToken}`;

const client = (options: CoreOptions & { baseUrl?: string } = {}) =>
  createSynthflowClient({ apiKey: CANARY.synthflowApiKey, ...options });

/** Success shapes Synthflow's operations refuse (the odd-body matrix). */
const sf = (response: unknown) => JSON.stringify({ status: 'ok', response });
const SHAPES = {
  create: [sf(null), sf({}), sf({ subaccount_id: '' }), sf({ subaccount_id: 42 })],
  read: [
    sf(null),
    sf({ subaccounts: 'none' }),
    sf({ subaccounts: [null] }),
    sf({ subaccounts: [{ name: 'no id' }] }),
    JSON.stringify({ status: 'ok' }),
  ],
  change: [sf(null), sf('ok'), sf([]), JSON.stringify({ status: 'ok' })],
};

const list = (...ids: string[]) => ({
  status: 'ok',
  response: { subaccounts: ids.map((id) => ({ subaccount_id: id })) },
});

export const cells: ProviderCells<'synthflow'> = {
  provider: 'synthflow',
  client: {
    secrets: [CANARY.synthflowApiKey],
    make(options) {
      const synthflow = client(options);
      return {
        client: synthflow,
        read: (call) => synthflow.subaccounts.get(ID, call),
        create: () =>
          synthflow.subaccounts.create({
            subaccount_name: 'Acme Dental',
            user_email: 'owner@acme.example',
            twilio_account_sid: 'AC0000',
            twilio_auth_token: CANARY.inputSecret,
          }),
      };
    },
    readOk: { status: 'ok', response: { subaccounts: [{ subaccount_id: ID, name: 'Acme' }] } },
    createOk: { status: 'ok', response: { subaccount_id: 'sa_1', api_key: CANARY.bodySecret } },
    errorBody: (message) => ({
      status: 'error',
      error: 'failed',
      detail: `${message}; workspace key ${CANARY.synthflowApiKey}`,
      api_key: CANARY.bodySecret,
      trace: CANARY.bodyJwt,
    }),
  },
  facade: {
    options: (baseUrl) => ({ apiKey: CANARY.synthflowApiKey, baseUrl }),
    id: ID,
    create: { name: 'Acme Dental', extra: { twilio_auth_token: CANARY.inputSecret } },
    update: { name: 'Renamed' },
  },
  leak: {
    target: {
      parent: { 'parent API key': CANARY.synthflowApiKey },
      sent: { 'twilio_auth_token sent': PASSWORD },
      primeSends: true,
      received: {
        'new api_key': ISSUED.apiKey,
        'new sign_in_link': SIGN_IN_LINK,
        'sign_in_link token': ISSUED.signInToken,
      },
      primeAnswer: {
        status: 'ok',
        response: { subaccount_id: ID, api_key: ISSUED.apiKey, sign_in_link: SIGN_IN_LINK },
      },
      signsJwt: false,
      make(options) {
        const synthflow = client(options);
        const create = () =>
          synthflow.subaccounts.create({
            subaccount_name: 'Acme Dental',
            twilio_account_sid: 'AC0000',
            twilio_auth_token: PASSWORD,
          });
        return {
          client: synthflow,
          prime: create,
          create,
          read: () => synthflow.subaccounts.get(ID),
        };
      },
      errorBody: (message, fields) => ({ status: 'error', detail: message, echo: fields }),
      clientErrorStatus: 400,
    },
    loaders: () => [
      {
        name: 'synthflow apiKey with a control character',
        secret: CANARY.synthflowApiKey,
        load: () => createSynthflowClient({ apiKey: `${CANARY.synthflowApiKey}\u0007x` }),
      },
    ],
    cli: {
      read: ['get', 'synthflow', ID],
      create: [
        'create',
        'synthflow',
        '--name',
        'Acme',
        '--extra',
        `twilio_auth_token=${EXTRA_SECRET}`,
      ],
      sent: { 'extra value': EXTRA_SECRET },
      env: () => ({ SYNTHFLOW_API_KEY: CANARY.synthflowApiKey }),
    },
  },
  oddBody: {
    client(options) {
      const s = client(options);
      return [
        operation(
          'synthflow create',
          'create',
          () => s.subaccounts.create({ subaccount_name: 'Acme' }),
          SHAPES.create,
        ),
        operation('synthflow get', 'other', () => s.subaccounts.get(ID), SHAPES.read),
        operation('synthflow list', 'other', () => s.subaccounts.list(), SHAPES.read),
        operation(
          'synthflow update',
          'other',
          () => s.subaccounts.update(ID, { subaccount_name: 'B' }),
          SHAPES.change,
        ),
        operation('synthflow delete', 'other', () => s.subaccounts.delete(ID), SHAPES.change),
      ];
    },
    facade: {
      create: SHAPES.create,
      get: SHAPES.read,
      list: SHAPES.read,
      update: SHAPES.change,
      delete: SHAPES.change,
    },
  },
  redirect: {
    raw: (baseUrl) =>
      client({ baseUrl }).raw.POST('/subaccounts', {
        body: { subaccount_name: 'Acme', twilio_auth_token: CANARY.inputSecret },
      }),
  },
  wrongRecord: {
    client: [
      {
        name: 'synthflow get, the answer lists another sub-account only',
        answers: [list(OTHER_ID)],
        call: (baseUrl) => client({ baseUrl, maxRetries: 0 }).subaccounts.get(ID),
      },
      {
        name: 'synthflow get, the answer lists nothing',
        answers: [list()],
        call: (baseUrl) => client({ baseUrl, maxRetries: 0 }).subaccounts.get(ID),
      },
      {
        name: 'synthflow update, the answer names another sub-account',
        answers: [{ status: 'ok', response: { subaccount_id: OTHER_ID } }],
        call: (baseUrl) =>
          client({ baseUrl, maxRetries: 0 }).subaccounts.update(ID, {
            subaccount_name: 'Renamed',
          }),
      },
    ],
    facade: [
      { op: 'get', answers: [list(OTHER_ID)] },
      {
        op: 'update',
        answers: [{ status: 'ok', response: { subaccount_id: ID } }, list(OTHER_ID)],
      },
    ],
  },
};
