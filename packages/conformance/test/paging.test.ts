/**
 * Paging loops: a provider that repeats a page forever, or pages on without end, cannot hold a
 * `listAll` (or the facade's `list`) in a loop. A page bringing nothing new ends the walk with a
 * PagingError; `maxPages` bounds it in any case. Every walk here is also capped by the test.
 */
import { PagingError } from '@tenantkit/core';
import {
  type ReceivedRequest,
  type ScriptedServer,
  startScriptedServer,
} from '@tenantkit/test-support';
import { createVobizClient } from '@tenantkit/vobiz';
import { createVoximplantClient } from '@tenantkit/voximplant';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY, voximplantCredentials } from './support/adapters.js';
import { facadeAt } from './support/facade.js';

/** The test's own bound: a walk that yields more than this has not been stopped by the client. */
const TEST_CAP = 400;
const PAGE = 5;

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const query = (request: ReceivedRequest) => new URL(request.url, 'http://x').searchParams;
const json = (body: unknown) => ({
  status: 200,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

/** Vobiz pages: the same five ids every time, or fresh ones, always claiming far more. */
const vobizPage = (fresh: boolean) => (request: ReceivedRequest) => {
  const page = Number(query(request).get('page'));
  return json({
    sub_accounts: Array.from({ length: PAGE }, (_, index) => ({
      auth_id: fresh ? `SA_P${page}_${index}` : `SA_SAME_${index}`,
      name: 'Tenant',
    })),
    total: 1_000_000,
    page,
    size: PAGE,
  });
};

/** Voximplant pages: the same five subusers at every offset, or fresh ones without end. */
const voximplantPage = (fresh: boolean) => (request: ReceivedRequest) => {
  const offset = Number(query(request).get('offset'));
  return json({
    result: Array.from({ length: PAGE }, (_, index) => ({
      subuser_id: fresh ? offset + index + 1 : index + 1,
      subuser_name: 'tenant',
    })),
  });
};

const vobiz = (maxPages?: number) =>
  createVobizClient({
    authId: 'MA_CANARY01',
    authToken: CANARY.vobizAuthToken,
    baseUrl: server.url,
    ...(maxPages !== undefined && { maxPages }),
  });
const voximplant = (maxPages?: number) =>
  createVoximplantClient({
    credentials: voximplantCredentials,
    baseUrl: server.url,
    ...(maxPages !== undefined && { maxPages }),
  });

/** Walks at most TEST_CAP items; returns what came and how it ended. */
async function walk(items: AsyncIterable<unknown>) {
  let count = 0;
  try {
    for await (const _ of items) if (++count >= TEST_CAP) return { count, error: 'not stopped' };
    return { count, error: undefined };
  } catch (error) {
    return { count, error };
  }
}

const cases = [
  {
    name: 'vobiz listAll, the same page again and again',
    fresh: false,
    answer: vobizPage,
    items: () => vobiz().subAccounts.listAll({ size: PAGE }),
    reason: 'repeated-page',
    pages: 2,
  },
  {
    name: 'voximplant subUsers.listAll, the same page again and again',
    fresh: false,
    answer: voximplantPage,
    items: () => voximplant().subUsers.listAll({ count: PAGE }),
    reason: 'repeated-page',
    pages: 2,
  },
  {
    name: 'vobiz listAll, new pages without end, maxPages 10',
    fresh: true,
    answer: vobizPage,
    items: () => vobiz(10).subAccounts.listAll({ size: PAGE }),
    reason: 'page-cap',
    pages: 10,
  },
  {
    name: 'voximplant subUsers.listAll, new pages without end, maxPages 10',
    fresh: true,
    answer: voximplantPage,
    items: () => voximplant(10).subUsers.listAll({ count: PAGE }),
    reason: 'page-cap',
    pages: 10,
  },
  {
    name: 'facade list on vobiz, the same page again and again',
    fresh: false,
    answer: vobizPage,
    items: () => facadeAt('vobiz', server.url).subaccounts.list('vobiz', { pageSize: PAGE }),
    reason: 'repeated-page',
    pages: 2,
  },
  {
    name: 'facade list on voximplant, new pages without end, maxPages 10',
    fresh: true,
    answer: voximplantPage,
    items: () =>
      facadeAt('voximplant', server.url, { maxPages: 10 }).subaccounts.list('voximplant', {
        pageSize: PAGE,
      }),
    reason: 'page-cap',
    pages: 10,
  },
];

describe('paging loops end with a PagingError', () => {
  it.each(cases)('$name', async ({ fresh, answer, items, reason, pages }) => {
    server.script([], answer(fresh));
    const { count, error } = await walk(items());
    expect(error).toBeInstanceOf(PagingError);
    expect(error).toMatchObject({ reason, pages });
    expect(server.requests).toHaveLength(pages);
    // Every item of every page fetched was delivered before the walk stopped.
    expect(count).toBe(reason === 'repeated-page' ? PAGE : PAGE * pages);
  });

  it.each([-1, 1.5, Number.NaN])('maxPages %s is a ConfigurationError', (value) => {
    expect(() => vobiz(value)).toThrow(/maxPages/);
  });
});
