/**
 * Each provider client behind one small interface, so the fault matrix, the canary tests and the
 * fuzzers run the same rows against every client.
 */

import type { CallOptions, CoreOptions } from '@tenantkit/core';
import { throwawayVoximplantKey } from '@tenantkit/mock';
import { createSynthflowClient } from '@tenantkit/synthflow';
import { createTwilioClient } from '@tenantkit/twilio';
import { createVobizClient } from '@tenantkit/vobiz';
import { createVoximplantClient, type VoximplantCredentials } from '@tenantkit/voximplant';
import { PROVIDERS, type Provider } from 'tenantkit';

/** Secrets that must never show up in an error or a log line. */
export const CANARY = {
  synthflowApiKey: 'sk-canary-synthflow-4f1d9a7e3b',
  vobizAuthToken: 'vobiz-canary-auth-token-93e1c7',
  twilioAuthToken: 'twilio-canary-auth-token-6a0f3d',
  /** A valid password everywhere (Voximplant's rules), sent in each create's input. */
  inputSecret: 'Canary_input_Secret_8c2e51',
  bodySecret: 'canary-body-secret-b7d402',
  /** Shaped like a JWT, under a field name that says nothing about secrets. */
  bodyJwt:
    'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYW5hcnkiLCJpYXQiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLWNhbmFyeS0xMjM0',
} as const;

export interface ClientUnderTest {
  /** A read of one item (retried on transient failures). */
  read(call?: CallOptions): Promise<unknown>;
  /** A create (never retried blindly). Its input carries `CANARY.inputSecret`. */
  create(): Promise<unknown>;
  /** The client object itself, for `util.inspect(client)`. */
  readonly client: object;
}

export interface ClientAdapter {
  readonly provider: Provider;
  /** The client's own credentials: they must never leak. */
  readonly secrets: readonly string[];
  make(options: CoreOptions & { baseUrl: string }): ClientUnderTest;
  /** What the server answers to a successful read / create. */
  readonly readOk: unknown;
  readonly createOk: unknown;
  /** An error body in this provider's own shape, with canaries planted in it. */
  errorBody(message: string): unknown;
}

export const synthflowAdapter: ClientAdapter = {
  provider: 'synthflow',
  secrets: [CANARY.synthflowApiKey],
  make(options) {
    const client = createSynthflowClient({ apiKey: CANARY.synthflowApiKey, ...options });
    return {
      client,
      read: (call) => client.subaccounts.get('1726005822670x239735712159542050', call),
      create: () =>
        client.subaccounts.create({
          subaccount_name: 'Acme Dental',
          user_email: 'owner@acme.example',
          twilio_account_sid: 'AC0000',
          twilio_auth_token: CANARY.inputSecret,
        }),
    };
  },
  readOk: {
    status: 'ok',
    response: {
      subaccounts: [{ subaccount_id: '1726005822670x239735712159542050', name: 'Acme' }],
    },
  },
  createOk: { status: 'ok', response: { subaccount_id: 'sa_1', api_key: CANARY.bodySecret } },
  errorBody: (message) => ({
    status: 'error',
    error: 'failed',
    detail: `${message}; workspace key ${CANARY.synthflowApiKey}`,
    api_key: CANARY.bodySecret,
    trace: CANARY.bodyJwt,
  }),
};

export const vobizAdapter: ClientAdapter = {
  provider: 'vobiz',
  secrets: [CANARY.vobizAuthToken],
  make(options) {
    const client = createVobizClient({
      authId: 'MA_CANARY01',
      authToken: CANARY.vobizAuthToken,
      ...options,
    });
    return {
      client,
      read: (call) => client.subAccounts.get('SA_ABCDEF12', call),
      create: () =>
        client.subAccounts.create({
          name: 'Acme Dental',
          email: 'owner@acme.example',
          password: CANARY.inputSecret,
        }),
    };
  },
  readOk: { id: '42', auth_id: 'SA_ABCDEF12', name: 'Acme Dental', enabled: true },
  createOk: {
    message: 'Sub-account created',
    sub_account: { id: '42', auth_id: 'SA_ABCDEF12', name: 'Acme Dental' },
    auth_credentials: { auth_id: 'SA_ABCDEF12', auth_token: CANARY.bodySecret },
  },
  errorBody: (message) => ({
    status: 'error',
    error: { code: 'SERVER_ERROR', message: `${message}; X-Auth-Token ${CANARY.vobizAuthToken}` },
    auth_token: CANARY.bodySecret,
    trace: CANARY.bodyJwt,
    requestId: 'req_canary_1',
  }),
};

/** A fresh key pair per run: no private key is ever committed. */
export const voximplantCredentials: Required<VoximplantCredentials> =
  throwawayVoximplantKey().credentials;

export const voximplantAdapter: ClientAdapter = {
  provider: 'voximplant',
  secrets: [voximplantCredentials.private_key],
  make(options) {
    const client = createVoximplantClient({ credentials: voximplantCredentials, ...options });
    return {
      client,
      read: (call) => client.subUsers.list({ subuser_id: 109 }, call),
      create: () =>
        client.subUsers.add({
          new_subuser_name: 'alice_acme',
          new_subuser_password: CANARY.inputSecret,
          description: 'Acme Dental',
        }),
    };
  },
  readOk: { result: [{ subuser_id: 109, subuser_name: 'alice_acme' }], total_count: 1, count: 1 },
  createOk: { result: { subuser_id: 109 } },
  errorBody: (message) => ({
    error: { code: 1, msg: `${message}; password=${CANARY.bodySecret}` },
    private_key: CANARY.bodySecret,
    trace: CANARY.bodyJwt,
  }),
};

/** Twilio's ids: the main account the client acts for, and one sub-account of it. */
export const TWILIO_SID = { main: `AC${'c'.repeat(32)}`, sub: `AC${'5'.repeat(32)}` } as const;
/** What Twilio sends on the wire: Basic base64(SID:token), a secret of its own. */
export const twilioBasicPair = btoa(`${TWILIO_SID.main}:${CANARY.twilioAuthToken}`);

/** A Twilio account as its API answers one (the sub-account's own token in it, a secret). */
export const twilioAccount = (sid: string, authToken: string) => ({
  sid,
  owner_account_sid: TWILIO_SID.main,
  friendly_name: 'Acme Dental',
  status: 'active',
  type: 'Full',
  auth_token: authToken,
  date_created: 'Tue, 01 Dec 2026 20:00:00 +0000',
  date_updated: 'Tue, 01 Dec 2026 20:00:00 +0000',
  uri: `/2010-04-01/Accounts/${sid}.json`,
});

export const twilioAdapter: ClientAdapter = {
  provider: 'twilio',
  secrets: [CANARY.twilioAuthToken, twilioBasicPair],
  make(options) {
    const client = createTwilioClient({
      accountSid: TWILIO_SID.main,
      authToken: CANARY.twilioAuthToken,
      ...options,
    });
    return {
      client,
      read: (call) => client.subaccounts.get(TWILIO_SID.sub, call),
      create: () => client.subaccounts.create({ FriendlyName: 'Acme Dental' }),
    };
  },
  readOk: twilioAccount(TWILIO_SID.sub, CANARY.bodySecret),
  createOk: twilioAccount(TWILIO_SID.sub, CANARY.bodySecret),
  errorBody: (message) => ({
    code: 20003,
    message: `${message}; Basic ${twilioBasicPair} token ${CANARY.twilioAuthToken}`,
    more_info: 'https://www.twilio.com/docs/errors/20003',
    status: 401,
    auth_token: CANARY.bodySecret,
    trace: CANARY.bodyJwt,
  }),
};

/** Each provider's adapter: a provider of the registry without one fails to compile. */
const ADAPTERS: Readonly<Record<Provider, ClientAdapter>> = {
  synthflow: synthflowAdapter,
  vobiz: vobizAdapter,
  voximplant: voximplantAdapter,
  twilio: twilioAdapter,
};

/** Every client the matrix, the canaries and the fuzzers run against: the registry's, in order. */
export const adapters: ClientAdapter[] = PROVIDERS.map((provider) => ADAPTERS[provider]);
