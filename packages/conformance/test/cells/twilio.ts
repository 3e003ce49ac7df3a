/** Twilio's conformance cells (see `support/cell-kit.ts`). */
import type { CoreOptions } from '@tenantkit/core';
import { createTwilioClient, formBody } from '@tenantkit/twilio';
import { CANARY, TWILIO_SID, twilioAccount, twilioBasicPair } from '../support/canaries.js';
import { operation, type ProviderCells, walk } from '../support/cell-kit.js';

const AC = TWILIO_SID.sub;
/** Another sub-account of the main account (what a wrong answer names). */
const OTHER_AC = `AC${'6'.repeat(32)}`;
const ISSUED_TOKEN = 'twilio-issued-token-0c5e8f1a93';

const client = (options: CoreOptions & { baseUrl?: string } = {}) =>
  createTwilioClient({
    accountSid: TWILIO_SID.main,
    authToken: CANARY.twilioAuthToken,
    ...options,
  });

/** Success shapes Twilio's operations refuse (the odd-body matrix). */
const SHAPES = {
  account: [
    JSON.stringify({}),
    JSON.stringify({ sid: '' }),
    JSON.stringify({ sid: 42, friendly_name: 'Acme' }),
    JSON.stringify({ accounts: [] }),
  ],
  page: [
    JSON.stringify({ accounts: 'none' }),
    JSON.stringify({ accounts: [null] }),
    JSON.stringify({ accounts: [{ friendly_name: 'no sid' }] }),
    JSON.stringify({ sid: TWILIO_SID.sub }),
  ],
};

const other = () => twilioAccount(OTHER_AC, CANARY.bodySecret);

export const cells: ProviderCells<'twilio'> = {
  provider: 'twilio',
  client: {
    secrets: [CANARY.twilioAuthToken, twilioBasicPair],
    make(options) {
      const twilio = client(options);
      return {
        client: twilio,
        read: (call) => twilio.subaccounts.get(AC, call),
        create: () => twilio.subaccounts.create({ FriendlyName: 'Acme Dental' }),
      };
    },
    readOk: twilioAccount(AC, CANARY.bodySecret),
    createOk: twilioAccount(AC, CANARY.bodySecret),
    errorBody: (message) => ({
      code: 20003,
      message: `${message}; Basic ${twilioBasicPair} token ${CANARY.twilioAuthToken}`,
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
      auth_token: CANARY.bodySecret,
      trace: CANARY.bodyJwt,
    }),
  },
  facade: {
    options: (baseUrl) => ({
      accountSid: TWILIO_SID.main,
      authToken: CANARY.twilioAuthToken,
      baseUrl,
    }),
    id: AC,
    create: { name: 'Acme Dental' },
    update: { name: 'Renamed' },
  },
  leak: {
    target: {
      parent: { 'parent auth token': CANARY.twilioAuthToken, 'Basic pair': twilioBasicPair },
      // A create sends only the FriendlyName: nothing secret goes out.
      sent: {},
      primeSends: true,
      // Twilio hands the sub-account's token out in every answer about it.
      received: { 'new auth_token': ISSUED_TOKEN },
      primeAnswer: twilioAccount(AC, ISSUED_TOKEN),
      signsJwt: false,
      make(options) {
        const twilio = client(options);
        const create = () => twilio.subaccounts.create({ FriendlyName: 'Acme Dental' });
        return { client: twilio, prime: create, create, read: () => twilio.subaccounts.get(AC) };
      },
      errorBody: (message, fields) => ({
        code: 21480,
        message,
        more_info: 'https://www.twilio.com/docs/errors/21480',
        status: 400,
        echo: fields,
      }),
      clientErrorStatus: 400,
    },
    loaders: () => [
      {
        name: 'twilio authToken with a line break inside',
        secret: CANARY.twilioAuthToken,
        load: () =>
          createTwilioClient({
            accountSid: TWILIO_SID.main,
            authToken: `${CANARY.twilioAuthToken}\nx`,
          }),
      },
      {
        name: 'twilio auth token given as the account SID',
        secret: CANARY.twilioAuthToken,
        load: () =>
          createTwilioClient({
            accountSid: CANARY.twilioAuthToken,
            authToken: CANARY.twilioAuthToken,
          }),
      },
    ],
    cli: {
      read: ['get', 'twilio', AC],
      create: ['create', 'twilio', '--name', 'Acme'],
      sent: {},
      env: () => ({
        TWILIO_ACCOUNT_SID: TWILIO_SID.main,
        TWILIO_AUTH_TOKEN: CANARY.twilioAuthToken,
      }),
    },
  },
  oddBody: {
    client(options) {
      const t = client(options);
      return [
        operation(
          'twilio subaccounts.create',
          'create',
          () => t.subaccounts.create({ FriendlyName: 'Acme' }),
          SHAPES.account,
        ),
        operation('twilio subaccounts.get', 'other', () => t.subaccounts.get(AC), SHAPES.account),
        operation('twilio subaccounts.list', 'other', () => t.subaccounts.list(), SHAPES.page),
        operation(
          'twilio subaccounts.listAll',
          'other',
          () => walk(t.subaccounts.listAll()),
          SHAPES.page,
        ),
        operation(
          'twilio subaccounts.update',
          'other',
          () => t.subaccounts.update(AC, { FriendlyName: 'B' }),
          SHAPES.account,
        ),
        operation(
          'twilio subaccounts.suspend',
          'other',
          () => t.subaccounts.suspend(AC),
          SHAPES.account,
        ),
        operation(
          'twilio subaccounts.activate',
          'other',
          () => t.subaccounts.activate(AC),
          SHAPES.account,
        ),
        operation(
          'twilio subaccounts.close',
          'other',
          () => t.subaccounts.close(AC),
          SHAPES.account,
        ),
      ];
    },
    facade: {
      create: SHAPES.account,
      get: SHAPES.account,
      list: SHAPES.page,
      update: SHAPES.account,
      delete: SHAPES.account,
    },
  },
  redirect: {
    raw: (baseUrl) =>
      client({ baseUrl }).raw.POST('/2010-04-01/Accounts.json', {
        body: { FriendlyName: CANARY.inputSecret },
        bodySerializer: formBody,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
  },
  wrongRecord: {
    client: [
      {
        name: 'twilio get, the answer is another account',
        answers: [other()],
        call: (baseUrl) => client({ baseUrl, maxRetries: 0 }).subaccounts.get(AC),
      },
      {
        name: 'twilio update, the answer is another account',
        answers: [other()],
        call: (baseUrl) =>
          client({ baseUrl, maxRetries: 0 }).subaccounts.update(AC, { FriendlyName: 'Renamed' }),
      },
      {
        name: 'twilio close, the answer is another account',
        answers: [other()],
        call: (baseUrl) => client({ baseUrl, maxRetries: 0 }).subaccounts.close(AC),
      },
    ],
    facade: [
      { op: 'get', answers: [other()] },
      { op: 'update', answers: [other()] },
    ],
  },
};
