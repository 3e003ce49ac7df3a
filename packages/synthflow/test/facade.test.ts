/**
 * The facade's Synthflow adapter (`synthflowFacade`): unified input → Synthflow body, answers →
 * unified records, credentials as Secrets, and the Twilio link, over a scripted Synthflow on the
 * loopback. (The mapping tests moved here from the tenantkit package's unit tests.)
 */
import { inspect } from 'node:util';
import {
  ConfigurationError,
  type FacadeContext,
  NotFoundError,
  Secret,
  ValidationError,
} from '@tenantkit/core';
import { createRecordingServer, type RecordedRequest, type RecordingServer } from '@tenantkit/mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSynthflowClient, synthflowFacade, type TwilioAccountReader } from '../src/index.js';

const ID = '1726005822670x239735712159542050';
const API_KEY_HANDED_OUT = 'sk-live-handed-out-once-1234567890';
const SIGN_IN_LINK = 'https://app.synthflow.ai/magic?token=handed-out-once-0987654321';
const TWILIO_SID = `AC${'a1'.repeat(16)}`;
const TWILIO_TOKEN = 'twilio-token-read-from-twilio-5555';

let server: RecordingServer;
let respond: (request: RecordedRequest) => unknown;
beforeAll(async () => {
  server = await createRecordingServer((request) => Response.json(respond(request)));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  respond = () => ({ status: 'ok', response: { subaccount_id: ID } });
});

/**
 * What the facade would hand out as its Twilio client: here a reader of the same loopback
 * server's `/twilio/<sid>` (a real request), or none configured.
 */
const twilioOverLoopback: TwilioAccountReader = {
  subaccounts: {
    async get(sid) {
      const answer = await fetch(`${server.url}/twilio/${sid}`);
      return (await answer.json()) as { auth_token?: string | null };
    },
  },
};
const context = (twilio?: TwilioAccountReader): FacadeContext => ({
  clientOf(provider) {
    if (provider === 'twilio' && twilio) return twilio;
    throw new ConfigurationError(`${provider} is not configured`);
  },
});
const facade = (twilio?: TwilioAccountReader) =>
  synthflowFacade(
    createSynthflowClient({ apiKey: 'k-parent-0123456789', baseUrl: server.url, maxRetries: 0 }),
    context(twilio),
  );
const refusal = (call: Promise<unknown>) =>
  call.then(
    () => {
      throw new Error('expected a ValidationError');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(ValidationError);
      const { field, rule, message } = error as ValidationError;
      return { field, rule, message };
    },
  );

describe('synthflow facade: create', () => {
  it('unified input → wire body; api_key and sign-in link → Secrets; raw redacted', async () => {
    respond = () => ({
      status: 'ok',
      response: {
        subaccount_id: ID,
        api_key: API_KEY_HANDED_OUT,
        sign_in_link: SIGN_IN_LINK,
        user_email: 'o@acme.example',
      },
    });
    const created = await facade().create({
      name: 'Acme',
      email: 'o@acme.example',
      limits: { concurrency: 5, maxAgents: null, maxMinutes: 1000, maxWorkflowRuns: 10 },
      permissions: { grant: ['inbound', 'logs'], revoke: ['widget'] },
      extra: { twilio_account_sid: 'AC123' },
    });
    expect(server.requests[0]?.method).toBe('POST');
    expect(server.requests[0]?.body).toEqual({
      subaccount_name: 'Acme',
      user_email: 'o@acme.example',
      concurrency: 5,
      max_agents: null,
      max_minutes: 1000,
      max_workflow_runs: 10,
      grant_permissions: ['inbound', 'logs'],
      revoke_permissions: ['widget'],
      twilio_account_sid: 'AC123',
    });
    expect(created).toMatchObject({ provider: 'synthflow', id: ID, name: 'Acme' });
    expect(created.credentials.apiKey).toBeInstanceOf(Secret);
    expect(created.credentials.apiKey?.reveal()).toBe(API_KEY_HANDED_OUT);
    expect(created.credentials.signInLink?.reveal()).toBe(SIGN_IN_LINK);
    expect(created.raw.api_key).toBe('[REDACTED]');
    for (const printed of [
      JSON.stringify(created),
      inspect(created, { depth: 9 }),
      String(created.credentials.apiKey),
    ]) {
      expect(printed).not.toContain(API_KEY_HANDED_OUT);
      expect(printed).not.toContain('handed-out-once-0987654321');
    }
  });

  it('a create answer without credentials hands out none; a name alone sends only the name', async () => {
    const created = await facade().create({ name: 'Bare' });
    expect(server.requests[0]?.body).toEqual({ subaccount_name: 'Bare' });
    expect(created.credentials).toEqual({});
  });

  it('refuses before any request: unknown permissions keys and names, bad limits, extra not allowed', async () => {
    const create = (input: object) => refusal(facade().create(input as never));
    await expect(
      create({ name: 'Acme', permissions: { add: ['inbound'] } }),
    ).resolves.toMatchObject({ field: 'permissions.add', rule: 'known-field' });
    await expect(create({ name: 'Acme', permissions: [] })).resolves.toMatchObject({
      field: 'permissions',
      rule: 'object',
    });
    await expect(
      create({ name: 'Acme', permissions: { grant: ['flying'] } }),
    ).resolves.toMatchObject({ field: 'permissions.grant[0]' });
    await expect(
      create({ name: 'Acme', permissions: { revoke: ['flying'] } }),
    ).resolves.toMatchObject({ field: 'permissions.revoke[0]' });
    await expect(create({ email: 'o@acme.example' })).resolves.toEqual({
      field: 'name',
      rule: 'required',
      message: 'synthflow.subaccounts.create: name is required by synthflow (rule: required)',
    });
    await expect(create({ name: 'Acme', limits: { seats: 3 } })).resolves.toMatchObject({
      field: 'limits.seats',
      rule: 'known-field',
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe('synthflow facade: get, list, update, delete', () => {
  it('get: wire → unified (limits from max_minutes, the permissions object as is)', async () => {
    const raw = {
      subaccount_id: ID,
      name: 'Acme',
      max_minutes: null,
      permissions: { inbound: true, widget: false },
    };
    respond = () => ({ status: 'ok', response: { subaccounts: [raw] } });
    await expect(facade().get(ID)).resolves.toEqual({
      provider: 'synthflow',
      id: ID,
      name: 'Acme',
      limits: { maxMinutes: null },
      permissions: { inbound: true, widget: false },
      raw,
    });
    expect(server.requests[0]?.method).toBe('GET');
    expect(server.requests[0]?.url.pathname).toBe(`/subaccounts/${ID}`);
  });

  it('get: without max_minutes there are no limits, without a name it is empty; an empty answer is a NotFoundError', async () => {
    respond = () => ({
      status: 'ok',
      response: { subaccounts: [{ subaccount_id: ID, name: 'A' }] },
    });
    const got = await facade().get(ID);
    expect(Object.keys(got).sort()).toEqual(['id', 'name', 'provider', 'raw']);
    respond = () => ({ status: 'ok', response: { subaccounts: [{ subaccount_id: ID }] } });
    expect((await facade().get(ID)).name).toBe('');
    respond = () => ({ status: 'ok', response: { subaccounts: [] } });
    await expect(facade().get(ID)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('update: email → invite_user_email, then the sub-account is read back', async () => {
    respond = (request) =>
      request.method === 'PUT'
        ? { status: 'ok', response: { subaccount_id: ID } }
        : { status: 'ok', response: { subaccounts: [{ subaccount_id: ID, name: 'Renamed' }] } };
    const updated = await facade().update(ID, {
      name: 'Renamed',
      email: 'new@acme.example',
      limits: { maxMinutes: null },
    });
    expect(server.requests.map((r) => r.method)).toEqual(['PUT', 'GET']);
    expect(server.requests[0]?.url.pathname).toBe(`/subaccounts/${ID}`);
    expect(server.requests[0]?.body).toEqual({
      subaccount_name: 'Renamed',
      invite_user_email: 'new@acme.example',
      max_minutes: null,
    });
    expect(updated.name).toBe('Renamed');
  });

  it('update: permissions granted or revoked alone', async () => {
    respond = (request) =>
      request.method === 'PUT'
        ? { status: 'ok', response: { subaccount_id: ID } }
        : { status: 'ok', response: { subaccounts: [{ subaccount_id: ID, name: 'A' }] } };
    await facade().update(ID, { permissions: { grant: ['inbound'] } });
    await facade().update(ID, { permissions: { revoke: ['widget'] } });
    expect(server.requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([
      { grant_permissions: ['inbound'] },
      { revoke_permissions: ['widget'] },
    ]);
  });

  it('list yields every sub-account of the one answer, honouring limit', async () => {
    respond = () => ({
      status: 'ok',
      response: {
        subaccounts: [
          { subaccount_id: 'a', name: 'A' },
          { subaccount_id: 'b', name: 'B' },
        ],
      },
    });
    const walk = async (options: { limit?: number }) => {
      const ids: string[] = [];
      for await (const account of facade().list(options)) ids.push(account.id);
      return ids;
    };
    expect(await walk({ limit: 1 })).toEqual(['a']);
    expect(await walk({})).toEqual(['a', 'b']);
    expect(await walk({ limit: 0 })).toEqual([]);
  });

  it('delete answers the unified result', async () => {
    respond = () => ({ status: 'ok', response: { answer: 'Subaccount deleted.' } });
    await expect(facade().delete(ID)).resolves.toEqual({
      provider: 'synthflow',
      id: ID,
      deleted: true,
      raw: { answer: 'Subaccount deleted.' },
    });
    expect(server.requests[0]?.method).toBe('DELETE');
    expect(server.requests[0]?.url.pathname).toBe(`/subaccounts/${ID}`);
  });
});

describe('synthflow facade: the Twilio link', () => {
  const sentPair = () => {
    const body = server.requests.find((request) => request.method === 'POST')?.body;
    return body as Record<string, unknown>;
  };

  it('a Twilio create result with its token: the SID and token go in the body, nothing read', async () => {
    const twilio = {
      provider: 'twilio' as const,
      id: TWILIO_SID,
      credentials: { authToken: new Secret('tok-from-create') },
    };
    await facade().create({ name: 'Acme', twilio });
    expect(server.requests.map((request) => request.url.pathname)).toEqual(['/subaccounts']);
    expect(sentPair()).toEqual({
      subaccount_name: 'Acme',
      twilio_account_sid: TWILIO_SID,
      twilio_auth_token: 'tok-from-create',
    });
  });

  it('a Twilio sub-account without a token: the token is read from Twilio first', async () => {
    respond = (request) =>
      request.url.pathname.startsWith('/twilio/')
        ? { auth_token: TWILIO_TOKEN }
        : { status: 'ok', response: { subaccount_id: ID } };
    await facade(twilioOverLoopback).create({
      name: 'Acme',
      twilio: { provider: 'twilio', id: TWILIO_SID },
    });
    expect(server.requests.map((request) => request.url.pathname)).toEqual([
      `/twilio/${TWILIO_SID}`,
      '/subaccounts',
    ]);
    expect(sentPair()).toMatchObject({
      twilio_account_sid: TWILIO_SID,
      twilio_auth_token: TWILIO_TOKEN,
    });
  });

  it('a SID with a Secret token is sent as given (update too)', async () => {
    respond = (request) =>
      request.method === 'PUT'
        ? { status: 'ok', response: { subaccount_id: ID } }
        : { status: 'ok', response: { subaccounts: [{ subaccount_id: ID, name: 'A' }] } };
    await facade().update(ID, {
      twilio: { accountSid: TWILIO_SID, authToken: new Secret('tok-given') },
    });
    expect(server.requests[0]?.body).toEqual({
      twilio_account_sid: TWILIO_SID,
      twilio_auth_token: 'tok-given',
    });
  });

  it('refusals name the field: both twilio and extra.twilio_*, bad SIDs, a bare token, no token from Twilio', async () => {
    const create = (input: object, twilio?: TwilioAccountReader) =>
      refusal(facade(twilio).create({ name: 'Acme', ...input } as never));
    const pair = { accountSid: TWILIO_SID, authToken: new Secret('t') };
    await expect(create({ twilio: pair, extra: { twilio_auth_token: 'x' } })).resolves.toEqual({
      field: 'twilio + extra.twilio_*',
      rule: 'at-most-one',
      message:
        'synthflow.subaccounts.create: twilio + extra.twilio_* cannot be combined: name the Twilio sub-account once (rule: at-most-one)',
    });
    await expect(
      create({ twilio: pair, extra: { twilio_account_sid: TWILIO_SID } }),
    ).resolves.toMatchObject({
      rule: 'at-most-one',
    });
    await expect(
      create({ twilio: { accountSid: `${TWILIO_SID}0`, authToken: new Secret('t') } }),
    ).resolves.toMatchObject({
      field: 'twilio.accountSid',
      rule: 'account-sid',
    });
    await expect(
      create({ twilio: { accountSid: TWILIO_SID, authToken: 'plain' } }),
    ).resolves.toEqual({
      field: 'twilio.authToken',
      rule: 'secret',
      message:
        'synthflow.subaccounts.create: twilio.authToken must be a Secret (new Secret(token)), so it is never printed (rule: secret)',
    });
    for (const id of ['AC1', `x${TWILIO_SID}`, `${TWILIO_SID}0`]) {
      await expect(create({ twilio: { provider: 'twilio', id } })).resolves.toEqual({
        field: 'twilio.id',
        rule: 'account-sid',
        message:
          'synthflow.subaccounts.create: twilio.id must be a Twilio account SID (AC…) (rule: account-sid)',
      });
    }
    await expect(
      create({ twilio: { accountSid: `x${TWILIO_SID}`, authToken: new Secret('t') } }),
    ).resolves.toEqual({
      field: 'twilio.accountSid',
      rule: 'account-sid',
      message:
        'synthflow.subaccounts.create: twilio.accountSid must be a Twilio account SID (AC…) (rule: account-sid)',
    });
    await expect(
      create({ twilio: { accountSid: TWILIO_SID, authToken: new Secret('t'), region: 'x' } }),
    ).resolves.toMatchObject({
      field: 'twilio.region',
      rule: 'known-field',
    });
    await expect(create({ twilio: 'AC1' })).resolves.toMatchObject({
      field: 'twilio',
      rule: 'object',
    });
    expect(server.requests).toHaveLength(0);
    for (const auth_token of ['', null]) {
      respond = () => ({ auth_token });
      await expect(
        create({ twilio: { provider: 'twilio', id: TWILIO_SID } }, twilioOverLoopback),
      ).resolves.toEqual({
        field: 'twilio',
        rule: 'auth-token',
        message:
          'synthflow.subaccounts.create: twilio names a Twilio sub-account whose auth token Twilio did not return (rule: auth-token)',
      });
    }
    expect(server.requests.map((request) => request.method)).toEqual(['GET', 'GET']);
  });

  it('a Twilio sub-account to read without a configured Twilio is a ConfigurationError', async () => {
    await expect(
      facade().create({ name: 'Acme', twilio: { provider: 'twilio', id: TWILIO_SID } }),
    ).rejects.toBeInstanceOf(ConfigurationError);
    expect(server.requests).toHaveLength(0);
  });
});
