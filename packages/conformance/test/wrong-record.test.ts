/**
 * Wrong-record reads: a read by id returns that id or a NotFoundError, never another tenant's
 * record that the provider's answer happened to hold — in every client and in the facade,
 * including the read-back after an update.
 */
import { NotFoundError } from '@tenantkit/core';
import { createSynthflowClient } from '@tenantkit/synthflow';
import { createTwilioClient } from '@tenantkit/twilio';
import { createVobizClient } from '@tenantkit/vobiz';
import { createVoximplantClient } from '@tenantkit/voximplant';
import { PROVIDERS } from 'tenantkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY, TWILIO_SID, twilioAccount, voximplantCredentials } from './support/adapters.js';
import { FACADE_IDS, FACADE_UPDATE, facadeAt } from './support/facade.js';
import { type ScriptedServer, type Step, startScriptedServer } from './support/server.js';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const json = (body: unknown): Step => ({
  status: 200,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

const SF_A = FACADE_IDS.synthflow;
const SF_B = '1728287773458x334812156080545700';
const VB_A = FACADE_IDS.vobiz;
const VB_B = 'SA_OTHER0001';
const VX_A = Number(FACADE_IDS.voximplant);
const VX_B = 110;
const TW_A = FACADE_IDS.twilio;
const TW_B = `AC${'6'.repeat(32)}`;

const synthflowList = (...ids: string[]) =>
  json({ status: 'ok', response: { subaccounts: ids.map((id) => ({ subaccount_id: id })) } });
const vobizAccount = (id: string) => json({ auth_id: id, name: 'Tenant' });
const twilioAccountOf = (sid: string) => json(twilioAccount(sid, CANARY.bodySecret));
const voximplantUsers = (...ids: number[]) =>
  json({ result: ids.map((id) => ({ subuser_id: id, subuser_name: `user${id}` })) });

const synthflow = () =>
  createSynthflowClient({ apiKey: CANARY.synthflowApiKey, baseUrl: server.url, maxRetries: 0 });
const vobiz = () =>
  createVobizClient({
    authId: 'MA_CANARY01',
    authToken: CANARY.vobizAuthToken,
    baseUrl: server.url,
    maxRetries: 0,
  });
const voximplant = () =>
  createVoximplantClient({ credentials: voximplantCredentials, baseUrl: server.url });
const twilio = () =>
  createTwilioClient({
    accountSid: TWILIO_SID.main,
    authToken: CANARY.twilioAuthToken,
    baseUrl: server.url,
    maxRetries: 0,
  });

describe('clients: another record is never the answer', () => {
  it.each([
    {
      name: 'synthflow get, the answer lists another sub-account only',
      steps: [synthflowList(SF_B)],
      call: () => synthflow().subaccounts.get(SF_A),
    },
    {
      name: 'synthflow get, the answer lists nothing',
      steps: [synthflowList()],
      call: () => synthflow().subaccounts.get(SF_A),
    },
    {
      name: 'synthflow update, the answer names another sub-account',
      steps: [json({ status: 'ok', response: { subaccount_id: SF_B } })],
      call: () => synthflow().subaccounts.update(SF_A, { subaccount_name: 'Renamed' }),
    },
    {
      name: 'vobiz get, the answer is another sub-account',
      steps: [vobizAccount(VB_B)],
      call: () => vobiz().subAccounts.get(VB_A),
    },
    {
      name: 'vobiz update, the answer is another sub-account',
      steps: [vobizAccount(VB_B)],
      call: () => vobiz().subAccounts.update(VB_A, { name: 'Renamed' }),
    },
    {
      name: 'twilio get, the answer is another account',
      steps: [twilioAccountOf(TW_B)],
      call: () => twilio().subaccounts.get(TW_A),
    },
    {
      name: 'twilio update, the answer is another account',
      steps: [twilioAccountOf(TW_B)],
      call: () => twilio().subaccounts.update(TW_A, { FriendlyName: 'Renamed' }),
    },
    {
      name: 'twilio close, the answer is another account',
      steps: [twilioAccountOf(TW_B)],
      call: () => twilio().subaccounts.close(TW_A),
    },
  ])('$name: NotFoundError', async ({ steps, call }) => {
    server.script(steps, { status: 500 });
    const error = await call().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toMatch(/does not hold (sub-)?account/);
  });

  it('synthflow get keeps only the sub-account asked for when the answer lists several', async () => {
    server.script([synthflowList(SF_B, SF_A)], { status: 500 });
    const answer = await synthflow().subaccounts.get(SF_A);
    expect(answer.subaccounts?.map((item) => item.subaccount_id)).toEqual([SF_A]);
  });

  it('voximplant list by subuser_id drops another subuser from the answer', async () => {
    server.script([voximplantUsers(VX_B, VX_A)], { status: 500 });
    const users = await voximplant().subUsers.list({ subuser_id: VX_A });
    expect(users.map((user) => user.subuser_id)).toEqual([VX_A]);
  });

  it('voximplant list by key_id drops another key from the answer', async () => {
    server.script([json({ result: [{ key_id: 'other-key' }] })], { status: 500 });
    await expect(voximplant().keys.list({ key_id: 'my-key' })).resolves.toEqual([]);
  });
});

describe('facade: get and the read-back of update answer the id asked for, or NotFoundError', () => {
  const cells = [
    { provider: 'synthflow', op: 'get', steps: [synthflowList(SF_B)] },
    {
      provider: 'synthflow',
      op: 'update',
      steps: [json({ status: 'ok', response: { subaccount_id: SF_A } }), synthflowList(SF_B)],
    },
    { provider: 'vobiz', op: 'get', steps: [vobizAccount(VB_B)] },
    { provider: 'vobiz', op: 'update', steps: [vobizAccount(VB_B)] },
    { provider: 'voximplant', op: 'get', steps: [voximplantUsers(VX_B)] },
    { provider: 'voximplant', op: 'update', steps: [json({ result: 1 }), voximplantUsers(VX_B)] },
    { provider: 'twilio', op: 'get', steps: [twilioAccountOf(TW_B)] },
    { provider: 'twilio', op: 'update', steps: [twilioAccountOf(TW_B)] },
  ] as const;

  it('covers every provider of the registry', () => {
    expect(new Set(cells.map((cell) => cell.provider))).toEqual(new Set(PROVIDERS));
  });

  it.each(cells)('$provider $op', async ({ provider, op, steps }) => {
    server.script([...steps], { status: 500 });
    const tk = facadeAt(provider, server.url);
    const id = FACADE_IDS[provider];
    const call =
      op === 'get'
        ? tk.subaccounts.get(provider, id)
        : tk.subaccounts.update(provider, id, FACADE_UPDATE[provider] as never);
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(server.requests).toHaveLength(steps.length);
  });
});
