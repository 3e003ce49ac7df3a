/**
 * What a caller gets when Synthflow answers 200 with something other than what the operation
 * promises: an InvalidResponseError saying what was missing, or a NotFoundError naming the
 * sub-account, never a half-empty record taken for a success.
 */
import { InvalidResponseError, NotFoundError } from '@tenantkit/core';
import { createRecordingFetch } from '@tenantkit/mock';
import { describe, expect, it } from 'vitest';
import { createSynthflowClient, type SynthflowClient } from '../src/index.js';

const ID = '1726005822670x239735712159542050';
const OTHER = '1726005822670x000000000000000001';

function answering(body: unknown): SynthflowClient {
  const recorder = createRecordingFetch(() => Response.json(body));
  return createSynthflowClient({
    apiKey: 'sk-answers-canary-0123456789',
    baseUrl: 'https://synthflow.test',
    fetch: recorder.fetch,
    maxRetries: 0,
  });
}

async function failure(run: Promise<unknown>): Promise<Error> {
  const error = await run.then(
    (value) => new Error(`expected a failure, got ${JSON.stringify(value)}`),
    (e: unknown) => e as Error,
  );
  if (error.message.startsWith('expected a failure')) throw error;
  return error;
}

const create = (c: SynthflowClient) => c.subaccounts.create({ subaccount_name: 'Acme' });

describe('synthflow answers that do not hold what the operation promises', () => {
  it.each([
    ['an array instead of the envelope', [{ response: { subaccount_id: ID } }]],
    ['`response` is a list', { status: 'ok', response: [{ subaccount_id: ID }] }],
    ['`response` is a string', { status: 'ok', response: ID }],
    ['the new sub-account without its id', { status: 'ok', response: { name: 'Acme' } }],
    ['an empty id', { status: 'ok', response: { subaccount_id: '' } }],
    ['a numeric id', { status: 'ok', response: { subaccount_id: 42 } }],
  ])('create: %s is an InvalidResponseError naming the new sub-account', async (_name, body) => {
    const error = await failure(create(answering(body)));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain('the answer lacks the new sub-account and its `subaccount_id`');
  });

  it.each([
    ['`subaccounts` not a list', { response: { subaccounts: { subaccount_id: ID } } }],
    ['an item without its id', { response: { subaccounts: [{ name: 'Acme' }] } }],
    ['an item that is not an object', { response: { subaccounts: [ID] } }],
    [
      'one good item and one without an id',
      { response: { subaccounts: [{ subaccount_id: ID }, {}] } },
    ],
  ])('list: %s is an InvalidResponseError naming the list it needs', async (_name, body) => {
    const error = await failure(answering(body).subaccounts.list());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain(
      'the answer lacks a `response.subaccounts` list of sub-accounts, each with its `subaccount_id`',
    );
  });

  it('list: an answer that leaves the list out means no sub-accounts', async () => {
    await expect(answering({ response: {} }).subaccounts.list()).resolves.toEqual({
      subaccounts: [],
    });
  });

  it('get: only the record asked for comes back, never its neighbours', async () => {
    const client = answering({
      response: { subaccounts: [{ subaccount_id: OTHER }, { subaccount_id: ID, name: 'Acme' }] },
    });
    await expect(client.subaccounts.get(ID)).resolves.toEqual({
      subaccounts: [{ subaccount_id: ID, name: 'Acme' }],
    });
  });

  it.each([
    ['an empty list', { response: { subaccounts: [] } }],
    ['no list at all', { response: {} }],
    ['only another sub-account', { response: { subaccounts: [{ subaccount_id: OTHER }] } }],
  ])('get: %s is a NotFoundError naming the sub-account', async (_name, body) => {
    const error = await failure(answering(body).subaccounts.get(ID));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain(`the answer does not hold sub-account ${ID}`);
  });

  it('get: a list without ids is an InvalidResponseError, not a NotFoundError', async () => {
    const error = await failure(
      answering({ response: { subaccounts: [{ name: 'x' }] } }).subaccounts.get(ID),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
  });

  it('update: an answer about another sub-account is a NotFoundError naming the one asked for', async () => {
    const error = await failure(
      answering({ response: { subaccount_id: OTHER } }).subaccounts.update(ID, {
        subaccount_name: 'x',
      }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain(`the answer does not hold sub-account ${ID}`);
  });

  it('update: an answer without an id is taken as the updated fields', async () => {
    await expect(
      answering({ response: { name: 'x' } }).subaccounts.update(ID, { subaccount_name: 'x' }),
    ).resolves.toEqual({ name: 'x' });
  });

  it.each([
    ['update', (c: SynthflowClient) => c.subaccounts.update(ID, { subaccount_name: 'x' })],
    ['delete', (c: SynthflowClient) => c.subaccounts.delete(ID)],
  ])('%s: an answer without the `response` object says so', async (_name, call) => {
    const error = await failure(call(answering({ status: 'ok' })));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain('the answer lacks the `response` object');
  });
});
