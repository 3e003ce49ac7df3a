import { ServerError, ValidationError } from '@tenantkit/core';
import { createRecordingFetch, type RecordedRequest } from '@tenantkit/mock';
import { describe, expect, it } from 'vitest';
import { createVobizClient, type SubAccount } from '../src/index.js';
import { AUTH_ID, AUTH_TOKEN, subAccount } from './fixtures.js';

/**
 * A scripted Vobiz: serves `all` page by page for the page/size it is asked, reporting `total`
 * (default: the real count) and the size it used (default: the one asked for).
 */
function scriptedVobiz(
  all: SubAccount[],
  script: {
    total?: number;
    cap?: number;
    override?: (page: number) => Response | undefined;
  } = {},
) {
  const recorder = createRecordingFetch((request: RecordedRequest) => {
    const page = Number(request.url.searchParams.get('page') ?? 1);
    const asked = Number(request.url.searchParams.get('size') ?? 25);
    const size = Math.min(asked, script.cap ?? asked);
    const overridden = script.override?.(page);
    if (overridden) return overridden;
    return Response.json({
      sub_accounts: all.slice((page - 1) * size, page * size),
      total: script.total ?? all.length,
      page,
      size,
    });
  });
  const client = createVobizClient({
    authId: AUTH_ID,
    authToken: AUTH_TOKEN,
    baseUrl: 'https://vobiz.test',
    fetch: recorder.fetch,
    maxRetries: 0,
  });
  const queries = () =>
    recorder.requests.map((request) => Object.fromEntries(request.url.searchParams));
  return { client, requests: recorder.requests, queries };
}

const tenants = (count: number) => Array.from({ length: count }, (_, i) => subAccount(i + 1));

async function collect(iterable: AsyncIterable<SubAccount>): Promise<string[]> {
  const ids: string[] = [];
  for await (const s of iterable) ids.push(s.auth_id);
  return ids;
}

describe('vobiz listAll: walks every page', () => {
  it('yields every sub-account across several pages, in order, asking page by page', async () => {
    const all = tenants(8);
    const { client, queries, requests } = scriptedVobiz(all);
    const ids: string[] = [];
    for await (const s of client.subAccounts.listAll({ size: 3, active_only: true }))
      ids.push(s.auth_id);
    expect(ids).toEqual(all.map((s) => s.auth_id));
    expect(queries()).toEqual([
      { page: '1', size: '3', active_only: 'true' },
      { page: '2', size: '3', active_only: 'true' },
      { page: '3', size: '3', active_only: 'true' },
    ]);
    for (const request of requests) {
      expect(request.method).toBe('GET');
      expect(request.url.pathname).toBe(`/api/v1/accounts/${AUTH_ID}/sub-accounts/`);
      expect(request.headers.get('x-auth-id')).toBe(AUTH_ID);
      expect(request.headers.get('x-auth-token')).toBe(AUTH_TOKEN);
    }
  });

  it('does not ask for a page past the total when the last page is full', async () => {
    const { client, queries } = scriptedVobiz(tenants(6));
    await expect(collect(client.subAccounts.listAll({ size: 3 }))).resolves.toHaveLength(6);
    expect(queries().map((q) => q.page)).toEqual(['1', '2']);
  });

  it('stops on a short page even if the total claims more', async () => {
    const { client, queries } = scriptedVobiz(tenants(5), { total: 100 });
    await expect(collect(client.subAccounts.listAll({ size: 2 }))).resolves.toHaveLength(5);
    expect(queries().map((q) => q.page)).toEqual(['1', '2', '3']);
  });

  it('stops on an empty page even if the total claims more', async () => {
    const { client, queries } = scriptedVobiz(tenants(6), { total: 100 });
    await expect(collect(client.subAccounts.listAll({ size: 3 }))).resolves.toHaveLength(6);
    expect(queries().map((q) => q.page)).toEqual(['1', '2', '3']);
  });

  it('follows the page size the server used when it caps the one asked for', async () => {
    const { client, queries } = scriptedVobiz(tenants(5), { cap: 2 });
    await expect(collect(client.subAccounts.listAll({ size: 10 }))).resolves.toHaveLength(5);
    expect(queries().map((q) => [q.page, q.size])).toEqual([
      ['1', '10'],
      ['2', '10'],
      ['3', '10'],
    ]);
  });

  it('asks for 100 per page when no size is given', async () => {
    const { client, queries } = scriptedVobiz(tenants(150));
    await expect(collect(client.subAccounts.listAll())).resolves.toHaveLength(150);
    expect(queries()).toEqual([
      { page: '1', size: '100' },
      { page: '2', size: '100' },
    ]);
  });

  it('honours `limit`: stops there and fetches no further page', async () => {
    const all = tenants(10);
    const { client, queries } = scriptedVobiz(all);
    const ids = await collect(client.subAccounts.listAll({ size: 3, limit: 4 }));
    expect(ids).toEqual(all.slice(0, 4).map((s) => s.auth_id));
    expect(queries().map((q) => q.page)).toEqual(['1', '2']);
  });

  it('a `limit` equal to the page size sends exactly one request (regression: it fetched page 2)', async () => {
    const all = tenants(10);
    const { client, queries } = scriptedVobiz(all);
    const ids = await collect(client.subAccounts.listAll({ size: 2, limit: 2 }));
    expect(ids).toEqual(all.slice(0, 2).map((s) => s.auth_id));
    expect(queries().map((q) => q.page)).toEqual(['1']);
  });

  it('`limit: 0` yields nothing and sends nothing', async () => {
    const { client, requests } = scriptedVobiz(tenants(3));
    await expect(collect(client.subAccounts.listAll({ limit: 0 }))).resolves.toEqual([]);
    expect(requests).toHaveLength(0);
  });

  it('is lazy: breaking out after the first item fetched only the first page', async () => {
    const { client, requests } = scriptedVobiz(tenants(9));
    for await (const s of client.subAccounts.listAll({ size: 3 })) {
      expect(s.auth_id).toBe('SA_00000001');
      break;
    }
    expect(requests).toHaveLength(1);
  });

  it('an error on a later page ends the walk with that typed error', async () => {
    const { client } = scriptedVobiz(tenants(9), {
      override: (page) =>
        page === 2
          ? Response.json({ api_id: 'p-2', error: 'internal server error' }, { status: 500 })
          : undefined,
    });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const s of client.subAccounts.listAll({ size: 3 })) seen.push(s.auth_id);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(3);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ operation: 'listSubAccounts', requestId: 'p-2' });
  });

  it.each([
    ['page is walked, not chosen', { page: 2 }, 'page', 'known-field'],
    ['size above 100', { size: 101 }, 'size', 'maximum'],
    ['size 0', { size: 0 }, 'size', 'minimum'],
    ['negative limit', { limit: -1 }, 'limit', 'non-negative'],
    ['fractional limit', { limit: 1.5 }, 'limit', 'integer'],
  ])('rejects bad input before any request: %s', async (_name, query, field, rule) => {
    const { client, requests } = scriptedVobiz(tenants(3));
    const error = await collect(
      client.subAccounts.listAll(query as Parameters<typeof client.subAccounts.listAll>[0]),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'vobiz', operation: 'listSubAccounts', field, rule });
    expect(requests).toHaveLength(0);
  });
});
