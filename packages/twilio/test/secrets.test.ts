/**
 * The secrets guarantee, proved with canaries: the main Auth Token (or API key secret), the Basic
 * header made of it, and every sub-account `auth_token` an answer carries (create, get, update,
 * each list item) never show in an error, a log line or an inspection, while callers still get
 * the tokens intact.
 */
import { inspect } from 'node:util';
import type { Logger } from '@tenantkit/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTwilioClient } from '../src/index.js';
import {
  API_KEY_SECRET,
  API_KEY_SID,
  AUTH_TOKEN,
  account,
  basic,
  MAIN_SID,
  subSid,
  subToken,
  twilioError,
} from './support/fixtures.js';
import { type Answer, type Loopback, startLoopback } from './support/loopback.js';

const CANARIES = [
  AUTH_TOKEN,
  API_KEY_SECRET,
  subToken(1),
  subToken(2),
  subToken(3),
  basic(MAIN_SID, AUTH_TOKEN).slice(6),
  basic(API_KEY_SID, API_KEY_SECRET).slice(6),
];

const logged: string[] = [];
const logger: Logger = {
  debug(message, details) {
    logged.push(`${message} ${JSON.stringify(details)} ${inspect(details, { depth: 10 })}`);
  },
};

let server: Loopback;
let answers: Answer[] = [];
beforeAll(async () => {
  server = await startLoopback(() => answers.shift() ?? { status: 500 });
});
afterAll(() => server.close());
beforeEach(() => {
  logged.length = 0;
  answers = [];
});

const clients = () => [
  createTwilioClient({
    accountSid: MAIN_SID,
    authToken: AUTH_TOKEN,
    baseUrl: server.url,
    logger,
    maxRetries: 0,
  }),
  createTwilioClient({
    accountSid: MAIN_SID,
    apiKeySid: API_KEY_SID,
    apiKeySecret: API_KEY_SECRET,
    baseUrl: server.url,
    logger,
    maxRetries: 0,
  }),
];

function expectNoCanary(text: string): void {
  for (const canary of CANARIES) expect(text).not.toContain(canary);
}
function renderings(error: unknown): string[] {
  return [
    (error as Error).message,
    String(error),
    (error as Error).stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
  ];
}

describe('twilio secrets', () => {
  it('the create answer hands the new auth_token over intact, and no log line shows it', async () => {
    for (const client of clients()) {
      answers.push({ status: 201, body: account(1) });
      const created = await client.subaccounts.create({ FriendlyName: 'T' });
      expect(created.auth_token).toBe(subToken(1));
    }
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expectNoCanary(line);
  });

  it('a sub-account token seen in an answer is scrubbed when a later error echoes it', async () => {
    const [byToken, byKey] = clients();
    // Each client knows its own credentials (a client cannot know another's secret).
    for (const [client, user, secret] of [
      [byToken!, MAIN_SID, AUTH_TOKEN],
      [byKey!, API_KEY_SID, API_KEY_SECRET],
    ] as const) {
      answers.push({ status: 201, body: account(1) });
      await client.subaccounts.create();
      // A misbehaving upstream quotes the token and the Basic header back in its message.
      answers.push({
        status: 400,
        body: twilioError(
          400,
          21475,
          `bad ${subToken(1)} from ${basic(user, secret)} and ${secret}`,
        ),
      });
      const error = await client.subaccounts
        .update(subSid(1), { Status: 'active' })
        .catch((e: unknown) => e);
      expect((error as Error).message).toContain('[REDACTED]');
      for (const text of renderings(error)) expectNoCanary(text);
    }
  });

  it('every list item carries its token: each is remembered and scrubbed afterwards', async () => {
    const [client] = clients();
    answers.push({
      status: 200,
      body: { accounts: [account(2), account(3)], next_page_uri: null },
    });
    const page = await client!.subaccounts.list();
    expect(page.accounts?.map((a) => a.auth_token)).toEqual([subToken(2), subToken(3)]);
    answers.push({ status: 404, body: twilioError(404, 20404, `no ${subToken(3)} here`) });
    const error = await client!.subaccounts.get(subSid(3)).catch((e: unknown) => e);
    for (const text of renderings(error)) expectNoCanary(text);
    for (const line of logged) expectNoCanary(line);
  });

  it('an error body that carries an auth_token field keeps the field, redacted', async () => {
    const [client] = clients();
    answers.push({
      status: 400,
      body: { ...twilioError(400, 21480, 'limit'), auth_token: subToken(2) },
    });
    const error = (await client!.subaccounts.create().catch((e: unknown) => e)) as {
      body: unknown;
    };
    expect(error.body).toMatchObject({ auth_token: '[REDACTED]' });
  });

  it('inspect and JSON of the client show the account SID and the auth method, no secret', () => {
    for (const client of clients()) {
      for (const text of [inspect(client, { depth: 10 }), JSON.stringify(client)]) {
        expectNoCanary(text);
        expect(text).toContain(MAIN_SID);
      }
    }
    expect(inspect(clients()[1])).toContain('api-key');
  });

  it('a configuration error never echoes the value it refused', () => {
    const bad = `${AUTH_TOKEN}\nX-Injected: 1`;
    const error = (() => {
      try {
        createTwilioClient({ accountSid: MAIN_SID, authToken: bad });
      } catch (e) {
        return e;
      }
    })();
    for (const text of renderings(error)) expectNoCanary(text);
  });
});
