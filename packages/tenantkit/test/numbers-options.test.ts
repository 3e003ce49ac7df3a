/**
 * Regression: `tk.numbers` took its options object unchecked. A misspelled `subAccountId` was
 * dropped and the call listed every sub-account's numbers; `null` threw a TypeError from a
 * destructuring. Real HTTP against a loopback server that counts what reached it.
 */
import { ValidationError } from '@tenantkit/core';
import { json, type ScriptedServer, startScriptedServer } from '@tenantkit/test-support';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTenantkit, type Tenantkit } from '../src/index.js';

const page = {
  items: [
    { id: '1', e164: '+919876543210', status: 'active', account_id: 'SA_TENANT1' },
    { id: '2', e164: '+919876543211', status: 'active', account_id: 'SA_TENANT2' },
  ],
  page: 1,
  per_page: 100,
  total: 2,
};

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());
/** What reached the server: method, path and query. */
const received = () => server.requests.map((request) => `${request.method} ${request.url}`);

let tk: Tenantkit;
beforeEach(() => {
  // A page of numbers for a list, an empty 204 for an unassign.
  server.script([], (request) =>
    request.method === 'GET'
      ? json(200, page)
      : { status: 204, headers: { 'content-type': 'application/json' } },
  );
  tk = createTenantkit({
    vobiz: { authId: 'MA_PARENT01', authToken: 'parent-token-canary-5522', baseUrl: server.url },
    maxRetries: 0,
  });
});

async function listed(options: unknown): Promise<unknown> {
  try {
    const numbers: string[] = [];
    for await (const entry of tk.numbers.list('vobiz', options as never))
      numbers.push(entry.number);
    return numbers;
  } catch (error) {
    return error;
  }
}

describe('tk.numbers options', () => {
  it.each([
    ['subaccountId', { subaccountId: 'SA_TENANT1' }],
    ['sub_account_id', { sub_account_id: 'SA_TENANT1' }],
    ['subAccount', { subAccount: 'SA_TENANT1' }],
  ])(
    'a misspelled filter (%s) is a ValidationError, not the list of every sub-account',
    async (key, options) => {
      const error = await listed(options);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe(`options.${key}`);
      expect(received()).toEqual([]);
    },
  );

  it('null options are no options (list and unassign), not a TypeError', async () => {
    expect(await listed(null)).toEqual(['+919876543210', '+919876543211']);
    await expect(tk.numbers.unassign('vobiz', '+919876543210', null as never)).resolves.toEqual({
      provider: 'vobiz',
      number: '+919876543210',
      assigned: false,
    });
  });

  it('the spelled filter and the call options still work', async () => {
    expect(await listed({ subAccountId: 'SA_TENANT2', timeoutMs: 5_000 })).toEqual([
      '+919876543211',
    ]);
  });

  it('a misspelled unassign option (forse) is a ValidationError before any request', async () => {
    const error = await tk.numbers
      .unassign('vobiz', '+919876543210', { forse: true } as never)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('options.forse');
    expect(received()).toEqual([]);
  });

  it('a non-object is refused with the field named', async () => {
    const error = await listed('SA_TENANT1');
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('options');
  });
});
