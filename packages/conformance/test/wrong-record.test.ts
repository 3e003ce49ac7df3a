/**
 * Wrong-record reads: a read by id returns that id or a NotFoundError, never another tenant's
 * record that the provider's answer happened to hold — in every client and in the facade,
 * including the read-back after an update.
 */
import { NotFoundError } from '@tenantkit/core';
import { createSynthflowClient } from '@tenantkit/synthflow';
import { type ScriptedServer, type Step, startScriptedServer } from '@tenantkit/test-support';
import { createVoximplantClient } from '@tenantkit/voximplant';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY, voximplantCredentials } from './support/adapters.js';
import { CELLS, missingCells } from './support/cells.js';
import { FACADE_IDS, FACADE_UPDATE, facadeAt } from './support/facade.js';

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

// The tests below that are not a cell of every provider: how a client filters a list answer.
const SF_A = FACADE_IDS.synthflow;
const SF_B = '1728287773458x334812156080545700';
const VX_A = Number(FACADE_IDS.voximplant);
const VX_B = 110;

const synthflowList = (...ids: string[]) =>
  json({ status: 'ok', response: { subaccounts: ids.map((id) => ({ subaccount_id: id })) } });
const voximplantUsers = (...ids: number[]) =>
  json({ result: ids.map((id) => ({ subuser_id: id, subuser_name: `user${id}` })) });

const synthflow = () =>
  createSynthflowClient({ apiKey: CANARY.synthflowApiKey, baseUrl: server.url, maxRetries: 0 });
const voximplant = () =>
  createVoximplantClient({ credentials: voximplantCredentials, baseUrl: server.url });

describe('clients: another record is never the answer', () => {
  // Each provider's `wrongRecord.client` cells (test/cells/<provider>.ts).
  it.each(CELLS.flatMap((cells) => cells.wrongRecord.client))(
    '$name: NotFoundError',
    async ({ answers, call }) => {
      server.script(answers.map(json), { status: 500 });
      const error = await call(server.url).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as Error).message).toMatch(/does not hold (sub-)?account/);
    },
  );

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
  // Each provider's `wrongRecord.facade` cells (test/cells/<provider>.ts).
  const cells = CELLS.flatMap(({ provider, wrongRecord }) =>
    wrongRecord.facade.map((cell) => ({ provider, ...cell })),
  );

  it('covers every provider of the registry', () => {
    expect(missingCells(), 'providers without test/cells/<provider>.ts').toEqual([]);
  });

  it.each(cells)('$provider $op', async ({ provider, op, answers }) => {
    const steps = answers.map(json);
    server.script(steps, { status: 500 });
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
