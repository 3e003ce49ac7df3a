/**
 * listAll follows Twilio's `next_page_uri` (a path and query relative to the server) on the client's
 * own base URL until it is null, with the core's guards against a provider that repeats itself.
 */
import { PagingError } from '@tenantkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type Account, createTwilioClient } from '../src/index.js';
import { AUTH_TOKEN, account, basic, MAIN_SID, subSid } from './support/fixtures.js';
import { type Loopback, type Received, startLoopback } from './support/loopback.js';

const LIST = '/2010-04-01/Accounts.json';
let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Serves `all` in pages of PageSize, linking each page to the next with a PageToken as Twilio does. */
async function scriptedTwilio(
  all: Account[],
  link: (next: string, page: number) => string | null = (next) => next,
  prefix = '',
) {
  server = await startLoopback((request: Received) => {
    const url = new URL(request.url, 'http://x');
    const size = Number(url.searchParams.get('PageSize') ?? 50);
    const token = url.searchParams.get('PageToken');
    const page = token ? Number(token.replace('PAtoken', '')) : 0;
    const items = all.slice(page * size, (page + 1) * size);
    const more = (page + 1) * size < all.length;
    // Twilio's link keeps the filters and adds the page and its token.
    const query = new URLSearchParams(url.searchParams);
    query.set('PageSize', String(size));
    query.set('Page', String(page + 1));
    query.set('PageToken', `PAtoken${page + 1}`);
    const next = `${LIST}?${query}`;
    return {
      status: 200,
      body: {
        accounts: items,
        page,
        page_size: size,
        uri: `${LIST}?PageSize=${size}&Page=${page}`,
        first_page_uri: `${LIST}?PageSize=${size}&Page=0`,
        previous_page_uri: null,
        next_page_uri: more ? link(next, page) : null,
      },
    };
  });
  const client = createTwilioClient({
    accountSid: MAIN_SID,
    authToken: AUTH_TOKEN,
    baseUrl: `${server.url}${prefix}`,
    maxRetries: 0,
  });
  return { client, requests: server.requests };
}

const accounts = (count: number) => Array.from({ length: count }, (_, i) => account(i + 1));
async function sids(iterable: AsyncIterable<Account>): Promise<string[]> {
  const seen: string[] = [];
  for await (const item of iterable) seen.push(item.sid as string);
  return seen;
}

describe('twilio listAll', () => {
  it('walks every page by next_page_uri, in order, with the filters and credentials', async () => {
    const all = accounts(7);
    const { client, requests } = await scriptedTwilio(all);
    expect(await sids(client.subaccounts.listAll({ PageSize: 3, Status: 'active' }))).toEqual(
      all.map((a) => a.sid),
    );
    expect(requests.map((r) => r.url)).toEqual([
      `${LIST}?PageSize=3&Status=active`,
      `${LIST}?PageSize=3&Status=active&Page=1&PageToken=PAtoken1`,
      `${LIST}?PageSize=3&Status=active&Page=2&PageToken=PAtoken2`,
    ]);
    for (const request of requests) {
      expect(request.method).toBe('GET');
      expect(request.headers.authorization).toBe(basic(MAIN_SID, AUTH_TOKEN));
    }
  });

  it('asks for the largest page (1000) when no PageSize is given', async () => {
    const { client, requests } = await scriptedTwilio(accounts(2));
    await sids(client.subaccounts.listAll());
    expect(requests.map((r) => r.url)).toEqual([`${LIST}?PageSize=1000`]);
  });

  it('stops at limit without fetching a page it does not need', async () => {
    const { client, requests } = await scriptedTwilio(accounts(10));
    expect(await sids(client.subaccounts.listAll({ PageSize: 2, limit: 4 }))).toHaveLength(4);
    expect(requests).toHaveLength(2);
    expect(await sids(client.subaccounts.listAll({ limit: 0 }))).toEqual([]);
    expect(requests).toHaveLength(2);
  });

  it('resolves the link against the base URL, keeping its path prefix (a proxy)', async () => {
    const { client, requests } = await scriptedTwilio(accounts(3), undefined, '/twilio-proxy');
    expect(await sids(client.subaccounts.listAll({ PageSize: 2 }))).toHaveLength(3);
    expect(requests.map((r) => new URL(r.url, 'http://x').pathname)).toEqual([
      `/twilio-proxy${LIST}`,
      `/twilio-proxy${LIST}`,
    ]);
  });

  it('follows an absolute link on the same origin', async () => {
    let origin = '';
    const { client, requests } = await scriptedTwilio(accounts(3), (next) => `${origin}${next}`);
    origin = server!.url;
    expect(await sids(client.subaccounts.listAll({ PageSize: 2 }))).toHaveLength(3);
    expect(requests).toHaveLength(2);
  });

  it.each([
    ['another origin', () => `https://evil.example${LIST}?PageToken=PAtoken1`, /another origin/],
    [
      'a protocol-relative host',
      () => `//evil.example${LIST}?PageToken=PAtoken1`,
      /another origin/,
    ],
    [
      'another resource',
      () => '/2010-04-01/Accounts/AC1/Calls.json?PageToken=x',
      /another resource/,
    ],
  ])(
    'a link to %s is not followed: PagingError, no credentials sent there',
    async (_, link, why) => {
      const { client, requests } = await scriptedTwilio(accounts(3), link);
      const walk = sids(client.subaccounts.listAll({ PageSize: 2 }));
      await expect(walk).rejects.toBeInstanceOf(PagingError);
      await expect(walk).rejects.toMatchObject({
        reason: 'cursor-elsewhere',
        message: expect.stringMatching(why),
      });
      expect(requests).toHaveLength(1);
    },
  );

  it('a link that points back to a page already fetched ends the walk (core guard)', async () => {
    const { client, requests } = await scriptedTwilio(accounts(6), (_next, page) =>
      page === 1 ? `${LIST}?PageSize=2&Page=1&PageToken=PAtoken1` : _next,
    );
    await expect(sids(client.subaccounts.listAll({ PageSize: 2 }))).rejects.toMatchObject({
      reason: 'cursor-not-advancing',
    });
    expect(requests).toHaveLength(2);
  });

  it('a page that only repeats accounts already listed ends the walk (core guard)', async () => {
    const { client } = await scriptedTwilio(accounts(6), (next, page) =>
      page === 0 ? next : `${LIST}?PageSize=2&Page=9&PageToken=PAtoken0`,
    );
    await expect(sids(client.subaccounts.listAll({ PageSize: 2 }))).rejects.toMatchObject({
      reason: 'repeated-page',
      provider: 'twilio',
      operation: 'listAll',
    });
  });

  it('maxPages bounds an endless walk', async () => {
    server = await startLoopback((request) => {
      const n = Number(new URL(request.url, 'http://x').searchParams.get('Page') ?? 0);
      return {
        status: 200,
        body: {
          accounts: [account(n + 1)],
          next_page_uri: `${LIST}?Page=${n + 1}&PageToken=PA${n + 1}`,
        },
      };
    });
    const client = createTwilioClient({
      accountSid: MAIN_SID,
      authToken: AUTH_TOKEN,
      baseUrl: server.url,
      maxPages: 5,
    });
    await expect(sids(client.subaccounts.listAll())).rejects.toMatchObject({
      reason: 'page-cap',
      provider: 'twilio',
      operation: 'listAll',
    });
    expect(server.requests).toHaveLength(5);
  });

  it('a single page with next_page_uri null ends after one request', async () => {
    const { client, requests } = await scriptedTwilio([account(1)]);
    expect(await sids(client.subaccounts.listAll())).toEqual([subSid(1)]);
    expect(requests).toHaveLength(1);
  });
});
