/** Numbers: requests, paging, the per-sub-account filter, and the cool-off error (recording fetch). */
import { ConflictError, CoolOffError, InvalidResponseError } from '@tenantkit/core';
import { createRecordingFetch, type RecordedRequest } from '@tenantkit/mock';
import { describe, expect, it } from 'vitest';
import { createVobizClient, type PhoneNumber } from '../src/index.js';
import { AUTH_ID, AUTH_TOKEN } from './fixtures.js';

const BASE = 'https://vobiz.test';
const SA = 'SA_TENANT01';

function clientAnswering(answer: (request: RecordedRequest) => Response) {
  const recorder = createRecordingFetch(answer);
  const client = createVobizClient({
    authId: AUTH_ID,
    authToken: AUTH_TOKEN,
    baseUrl: BASE,
    fetch: recorder.fetch,
    maxRetries: 0,
  });
  return { client, requests: recorder.requests };
}

function number(n: number, holder: string, holderField: 'account_id' | 'auth_id' = 'account_id') {
  return {
    id: `n-${n}`,
    e164: `+9180000000${String(n).padStart(2, '0')}`,
    status: 'active',
    [holderField]: holder,
  };
}

/** Pages of `size` numbers out of `all`, as the server would serve them (page/per_page/total). */
function pagesOf(all: Array<Record<string, unknown>>, size: number) {
  return (request: RecordedRequest) => {
    const page = Number(request.url.searchParams.get('page') ?? 1);
    const items = all.slice((page - 1) * size, page * size);
    return Response.json({ items, page, per_page: size, total: all.length });
  };
}

describe('vobiz numbers: requests', () => {
  it('list: capital-A path, query as given', async () => {
    const { client, requests } = clientAnswering(() =>
      Response.json({ items: [], page: 2, per_page: 10, total: 0 }),
    );
    await client.numbers.list({ page: 2, per_page: 10, include_subaccounts: false, search: '+91' });
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.url.pathname).toBe(`/api/v1/Account/${AUTH_ID}/numbers`);
    expect(requests[0]?.url.search).toBe(
      '?page=2&per_page=10&include_subaccounts=false&search=%2B91',
    );
    expect(requests[0]?.headers.get('x-auth-id')).toBe(AUTH_ID);
  });

  it('a list answer without `items` is an InvalidResponseError', async () => {
    const { client } = clientAnswering(() => Response.json({ numbers: [] }));
    await expect(client.numbers.list()).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it('assign: lowercase path, number percent-encoded, body {sub_account_id}; a bodiless 200 is success', async () => {
    const { client, requests } = clientAnswering(() => new Response(null, { status: 200 }));
    await expect(client.numbers.assign('+919876543210', SA)).resolves.toBeUndefined();
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.url.pathname).toBe(
      `/api/v1/account/${AUTH_ID}/numbers/%2B919876543210/assign-subaccount`,
    );
    expect(requests[0]?.body).toEqual({ sub_account_id: SA });
  });

  it('assign and unassign resolve to undefined whatever 2xx body comes back', async () => {
    const { client } = clientAnswering(() => Response.json({ ok: true }));
    await expect(client.numbers.assign('+919876543210', SA)).resolves.toBeUndefined();
    await expect(client.numbers.unassign('+919876543210')).resolves.toBeUndefined();
  });

  it('unassign: DELETE on the same path, force in the query', async () => {
    const { client, requests } = clientAnswering(() => new Response(null, { status: 204 }));
    await client.numbers.unassign('+919876543210', { force: true });
    expect(requests[0]?.method).toBe('DELETE');
    expect(requests[0]?.url.pathname).toBe(
      `/api/v1/account/${AUTH_ID}/numbers/%2B919876543210/assign-subaccount`,
    );
    expect(requests[0]?.url.search).toBe('?force=true');
    expect(requests[0]?.body).toBeUndefined();
  });
});

describe('vobiz numbers: paging', () => {
  const all = Array.from({ length: 7 }, (_, i) => number(i + 1, i % 3 === 2 ? SA : AUTH_ID));

  it('listAll walks every page (page size as served) and stops at the total', async () => {
    const { client, requests } = clientAnswering(pagesOf(all, 3));
    const seen: PhoneNumber[] = [];
    for await (const n of client.numbers.listAll({ per_page: 3 })) seen.push(n);
    expect(seen.map((n) => n.id)).toEqual(all.map((n) => n.id));
    expect(requests.map((r) => r.url.searchParams.get('page'))).toEqual(['1', '2', '3']);
  });

  it('listAll asks for the largest documented page by default and honours limit', async () => {
    const { client, requests } = clientAnswering(pagesOf(all, 3));
    const seen: PhoneNumber[] = [];
    for await (const n of client.numbers.listAll({ limit: 4 })) seen.push(n);
    expect(seen).toHaveLength(4);
    expect(requests[0]?.url.searchParams.get('per_page')).toBe('100');
    expect(requests).toHaveLength(2);
  });

  it('listForSubAccount keeps only that holder, across pages, even when a page has none of them', async () => {
    // Page 1 (ids 1, 2) holds none of SA's numbers: the walk must go on.
    const held = [
      number(1, AUTH_ID),
      number(2, AUTH_ID),
      number(3, SA),
      number(4, 'SA_OTHER'),
      number(5, SA),
    ];
    const { client, requests } = clientAnswering(pagesOf(held, 2));
    const seen: PhoneNumber[] = [];
    for await (const n of client.numbers.listForSubAccount(SA, { per_page: 2 })) seen.push(n);
    expect(seen.map((n) => n.id)).toEqual(['n-3', 'n-5']);
    expect(requests.every((r) => r.url.searchParams.get('include_subaccounts') === 'true')).toBe(
      true,
    );
  });

  it('listForSubAccount reads `auth_id` where an item has no `account_id` (older docs shape)', async () => {
    const { client } = clientAnswering(
      pagesOf([number(1, SA, 'auth_id'), number(2, AUTH_ID, 'auth_id')], 5),
    );
    const seen: PhoneNumber[] = [];
    for await (const n of client.numbers.listForSubAccount(SA)) seen.push(n);
    expect(seen.map((n) => n.id)).toEqual(['n-1']);
  });

  it('listForSubAccount stops fetching once `limit` numbers were found', async () => {
    const { client, requests } = clientAnswering(pagesOf(all, 3));
    const seen: PhoneNumber[] = [];
    for await (const n of client.numbers.listForSubAccount(SA, { per_page: 3, limit: 1 }))
      seen.push(n);
    expect(seen.map((n) => n.id)).toEqual(['n-3']);
    expect(requests).toHaveLength(1);
  });
});

describe('vobiz numbers: the 15-day cool-off', () => {
  const coolOff = (body: Record<string, unknown>) => () => Response.json(body, { status: 409 });

  it('a 409 with only the remaining seconds still says when, and is not retried', async () => {
    const recorder = createRecordingFetch(
      coolOff({ error: 'did_cool_off_in_effect', cool_off_remaining_seconds: 3600 }),
    );
    const client = createVobizClient({
      authId: AUTH_ID,
      authToken: AUTH_TOKEN,
      baseUrl: BASE,
      fetch: recorder.fetch,
      retryDelay: { initialMs: 1, maxMs: 2 },
    });
    const before = Date.now();
    const error = await client.numbers.unassign('+919876543210').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoolOffError);
    expect(error).toMatchObject({ retryAfterMs: 3_600_000, code: 'did_cool_off_in_effect' });
    expect((error as CoolOffError).retryAt!.getTime()).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(recorder.requests).toHaveLength(1);
  });

  it('a 409 with only the end time gives retryAt, and the message says the number stays', async () => {
    const { client } = clientAnswering(
      coolOff({ error: 'did_cool_off_in_effect', cool_off_until: '2030-01-01T00:00:00Z' }),
    );
    const error = await client.numbers.unassign('+919876543210').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoolOffError);
    expect((error as CoolOffError).retryAt?.toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect((error as Error).message).toMatch(
      /cool-off.*allowed again after 2030-01-01T00:00:00.000Z/,
    );
  });

  it('another 409 stays a plain ConflictError', async () => {
    const { client } = clientAnswering(
      coolOff({ api_id: 'a1', error: 'conflict', message: 'busy' }),
    );
    const error = await client.numbers.unassign('+919876543210').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).not.toBeInstanceOf(CoolOffError);
  });
});
