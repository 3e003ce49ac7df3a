/**
 * Response size limit: a 50 MB answer (streamed, declared, or a small gzip that inflates past the
 * limit) is never read whole. The call fails with a ResponseTooLargeError, the connection is
 * closed by the client, and the server managed to write only a small part of it.
 */
import { gzipSync } from 'node:zlib';
import { ResponseTooLargeError } from '@tenantkit/core';
import { type ScriptedServer, type Step, startScriptedServer } from '@tenantkit/test-support';
import { createVobizClient } from '@tenantkit/vobiz';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters, CANARY } from './support/adapters.js';

const MB = 1024 * 1024;
const HUGE = 50 * MB;
/** The default limit is 4 MiB; socket buffers let a little more through before the close. */
const WRITTEN_AT_MOST = 16 * MB;

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const bodies: Array<{ name: string; step: Step }> = [
  { name: 'a 50 MB chunked answer', step: { stream: HUGE } },
  { name: 'a 50 MB answer that declares its length', step: { stream: HUGE, declare: true } },
  {
    name: 'a 60 KB gzip answer that inflates to 50 MB',
    step: {
      status: 200,
      body: gzipSync(Buffer.alloc(HUGE, ' ')),
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    },
  },
];

const cells = adapters.flatMap((adapter) =>
  bodies.flatMap((body) => (['read', 'create'] as const).map((op) => ({ adapter, op, ...body }))),
);

describe('response size limit (default 4 MiB)', () => {
  it.each(cells)('$adapter.provider $op: $name', async ({ adapter, op, step }) => {
    server.script([], step);
    const { client: _client, ...calls } = adapter.make({ baseUrl: server.url, timeoutMs: 15_000 });

    const error = await calls[op]().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ResponseTooLargeError);
    const tooLarge = error as ResponseTooLargeError;
    expect(tooLarge.limitBytes).toBe(4 * MB);
    expect(tooLarge.outcomeUnknown).toBe(op === 'create');
    // Not retried: a second try would bring the same flood.
    expect(server.requests).toHaveLength(1);
    for (const stream of server.streams) {
      await expect(stream.ended).resolves.toBe('closed');
      expect(stream.written).toBeLessThan(WRITTEN_AT_MOST);
    }
    expect(JSON.stringify(error)).not.toContain(CANARY.vobizAuthToken);
  });
});

describe('maxResponseBytes is a client option', () => {
  const client = (maxResponseBytes: number) =>
    createVobizClient({
      authId: 'MA_CANARY01',
      authToken: CANARY.vobizAuthToken,
      baseUrl: server.url,
      maxResponseBytes,
    });
  const account = (padding: number) =>
    JSON.stringify({ auth_id: 'SA_ABCDEF12', name: 'Acme', description: 'x'.repeat(padding) });

  it('an answer within the limit is read', async () => {
    server.script([], { status: 200, body: account(500) });
    await expect(client(1024).subAccounts.get('SA_ABCDEF12')).resolves.toMatchObject({
      auth_id: 'SA_ABCDEF12',
    });
  });

  it('one byte past the limit is a ResponseTooLargeError', async () => {
    const body = account(1000);
    server.script([], { status: 200, body });
    const error = await client(body.length - 1)
      .subAccounts.get('SA_ABCDEF12')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as Error).message).toMatch(/maxResponseBytes/);
  });

  it('an error answer past the limit is refused too (its body is not read whole)', async () => {
    server.script([], { stream: HUGE, status: 500 });
    const error = await client(4 * MB)
      .subAccounts.get('SA_ABCDEF12', { maxRetries: 0 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    await expect(server.streams[0]?.ended).resolves.toBe('closed');
  });

  it('the raw client is capped as well', async () => {
    server.script([], { stream: HUGE });
    const raw = client(1 * MB).raw;
    const error = await raw
      .GET('/api/v1/accounts/{auth_id}/sub-accounts/{sub_auth_id}', {
        params: { path: { auth_id: 'MA_CANARY01', sub_auth_id: 'SA_ABCDEF12' } },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ operation: 'raw', method: 'GET', limitBytes: MB });
    await expect(server.streams[0]?.ended).resolves.toBe('closed');
    expect(server.streams[0]?.written).toBeLessThan(WRITTEN_AT_MOST);
  });

  it.each([0, -1, 1.5, Number.NaN])('maxResponseBytes %s is a ConfigurationError', (value) => {
    expect(() => client(value)).toThrow(/maxResponseBytes/);
  });
});
