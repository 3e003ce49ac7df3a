/** Account, child accounts, authorized IPs, and following `api_address` (recording fetch, no network). */
import { inspect } from 'node:util';
import { AuthenticationError, InvalidResponseError } from '@tenantkit/core';
import type { RecordedRequest } from '@tenantkit/mock';
import { describe, expect, it } from 'vitest';
import { apiBaseUrlFrom, type VoximplantClient } from '../src/index.js';
import { BASE_URL, recordingClient, tokenOf } from './fixtures.js';

const PROFILE = {
  account_id: 4242,
  account_name: 'acme-parent',
  account_email: 'owner@example.com',
  created: '2024-03-01 09:30:00',
  active: true,
};
const query = (request: RecordedRequest | undefined) =>
  Object.fromEntries(request?.url.searchParams ?? []);

describe('voximplant account and child accounts: requests and answers', () => {
  it('account.info sends return_live_balance and returns result with api_address', async () => {
    const { client, requests } = recordingClient({
      result: PROFILE,
      api_address: 'api.voximplant.com',
    });
    await expect(client.account.info({ return_live_balance: false })).resolves.toEqual({
      result: PROFILE,
      api_address: 'api.voximplant.com',
    });
    expect(requests[0]?.url.pathname).toBe('/platform_api/GetAccountInfo');
    expect(query(requests[0])).toEqual({ return_live_balance: 'false' });
  });

  it('account.info without `result` is an InvalidResponseError', async () => {
    const { client } = recordingClient({ api_address: 'api.voximplant.com' });
    await expect(client.account.info()).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it('childAccounts.list joins ids with ; and keeps total_count and count', async () => {
    const answer = { result: [{ account_id: 1 }], total_count: 9, count: 1 };
    const { client, requests } = recordingClient(answer);
    await expect(
      client.childAccounts.list({ child_account_id: [1, 2], brief_output: true, count: 1 }),
    ).resolves.toEqual(answer);
    expect(query(requests[0])).toEqual({
      child_account_id: '1;2',
      brief_output: 'true',
      count: '1',
    });
  });

  it('childAccounts.listAll walks offset until total_count (brief items have only account_id)', async () => {
    const { client, requests } = recordingClient((request) => {
      const offset = Number(request.url.searchParams.get('offset'));
      const ids = [1, 2, 3, 4, 5].slice(offset, offset + 2);
      return Response.json({
        result: ids.map((account_id) => ({ account_id })),
        total_count: 5,
        count: ids.length,
      });
    });
    const seen = [];
    for await (const child of client.childAccounts.listAll({ count: 2, brief_output: true }))
      seen.push(child.account_id);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(requests.map((r) => r.url.searchParams.get('offset'))).toEqual(['0', '2', '4']);
  });

  it('childAccounts.listAll asks no empty page when the total is reached on a full page', async () => {
    const { client, requests } = recordingClient({
      result: [{ account_id: 1 }, { account_id: 2 }],
      total_count: 2,
    });
    const seen = [];
    for await (const child of client.childAccounts.listAll({ count: 2 })) seen.push(child);
    expect(seen).toHaveLength(2);
    expect(requests).toHaveLength(1);
  });

  it('suspend / activate are SetChildAccountInfo with active false / true', async () => {
    const { client, requests } = recordingClient({ result: 1 });
    await client.childAccounts.suspend({
      child_account_email: ['a@child.example', 'b@child.example'],
    });
    await client.childAccounts.activate({ child_account_id: [1321] });
    expect(requests.map((r) => [r.url.pathname, query(r)])).toEqual([
      [
        '/platform_api/SetChildAccountInfo',
        { child_account_email: 'a@child.example;b@child.example', active: 'false' },
      ],
      ['/platform_api/SetChildAccountInfo', { child_account_id: '1321', active: 'true' }],
    ]);
  });

  it('a new child password is scrubbed from an error that quotes the URL', async () => {
    const password = 'Ch1ld!Canary-77';
    const { client } = recordingClient((request) =>
      Response.json({ error: { code: 101, msg: `bad request ${request.url.href}` } }),
    );
    const error = await client.childAccounts
      .update({ child_account_id: 'all', new_child_account_password: password })
      .catch((e: unknown) => e);
    for (const shown of [String(error), JSON.stringify(error), inspect(error, { depth: 10 })])
      expect(shown).not.toContain('Canary-77');
  });
});

describe('voximplant authorized IPs: requests and answers', () => {
  it('add, list, delete, check: method names, queries and results', async () => {
    const answers: Record<string, unknown> = {
      AddAuthorizedAccountIP: { result: 1 },
      GetAuthorizedAccountIPs: {
        result: [{ authorized_ip: '92.255.220.0/24', allowed: true }],
        total_count: 1,
      },
      DelAuthorizedAccountIP: { result: 3 },
      CheckAuthorizedAccountIP: { result: false },
    };
    const { client, requests } = recordingClient((request) =>
      Response.json(answers[request.url.pathname.split('/').pop() ?? '']),
    );
    await expect(
      client.authorizedIps.add({
        authorized_ip: '92.255.220.0/24',
        allowed: false,
        description: 'blocked range',
      }),
    ).resolves.toBe(1);
    await expect(
      client.authorizedIps.list({ contains_ip: '92.255.220.10' }),
    ).resolves.toMatchObject({ total_count: 1 });
    await expect(
      client.authorizedIps.delete({ authorized_ip: 'all', allowed: false }),
    ).resolves.toBe(3);
    await expect(client.authorizedIps.check({ authorized_ip: '10.1.2.3' })).resolves.toEqual({
      result: false,
    });
    expect(requests.map((r) => [r.url.pathname.split('/').pop(), query(r)])).toEqual([
      [
        'AddAuthorizedAccountIP',
        { authorized_ip: '92.255.220.0/24', allowed: 'false', description: 'blocked range' },
      ],
      ['GetAuthorizedAccountIPs', { contains_ip: '92.255.220.10' }],
      ['DelAuthorizedAccountIP', { authorized_ip: 'all', allowed: 'false' }],
      ['CheckAuthorizedAccountIP', { authorized_ip: '10.1.2.3' }],
    ]);
  });

  it('check without a boolean result is an InvalidResponseError', async () => {
    const { client } = recordingClient({ result: 'yes' });
    await expect(client.authorizedIps.check({ authorized_ip: '10.1.2.3' })).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
  });

  it('listAll walks the allow-list pages', async () => {
    const { client, requests } = recordingClient((request) => {
      const offset = Number(request.url.searchParams.get('offset'));
      const all = ['1.1.1.1', '2.2.2.2', '3.3.3.3'].slice(offset, offset + 2);
      return Response.json({
        result: all.map((authorized_ip) => ({ authorized_ip, allowed: true })),
        total_count: 3,
      });
    });
    const seen = [];
    for await (const entry of client.authorizedIps.listAll({ count: 2, allowed: true }))
      seen.push(entry.authorized_ip);
    expect(seen).toEqual(['1.1.1.1', '2.2.2.2', '3.3.3.3']);
    expect(requests).toHaveLength(2);
  });
});

describe('voximplant api_address', () => {
  it.each([
    ['api.voximplant.com', 'https://api.voximplant.com/platform_api'],
    ['api-eu.voximplant.com', 'https://api-eu.voximplant.com/platform_api'],
    ['https://api2.voximplant.com', 'https://api2.voximplant.com/platform_api'],
    ['https://api2.voximplant.com/platform_api/', 'https://api2.voximplant.com/platform_api'],
  ])('%s → %s', (address, baseUrl) => {
    expect(apiBaseUrlFrom(address)).toEqual({ baseUrl });
  });

  it.each([
    [undefined, 'no api_address'],
    ['', 'no api_address'],
    ['http://api.voximplant.com', 'not https'],
    ['api.example.com', 'not a voximplant.com host'],
    ['evilvoximplant.com', 'not a voximplant.com host'],
    ['https://user:pw@api.voximplant.com', 'more than a host and path'],
    ['https://api.voximplant.com/?x=1', 'more than a host and path'],
  ])('%j is not followed (%s)', (address, reason) => {
    const target = apiBaseUrlFrom(address);
    expect('ignored' in target && target.ignored).toContain(reason);
  });

  /** A fake API: GetAccountInfo names `address`; every other method answers 1. */
  function addressed(address: unknown, options: { fail?: number } = {}) {
    let failures = options.fail ?? 0;
    return recordingClient(
      (request) => {
        if (request.url.pathname.endsWith('/GetAccountInfo')) {
          if (failures-- > 0)
            return Response.json({ error: { code: 100, msg: 'Authorization failed' } });
          return Response.json({ result: PROFILE, api_address: address });
        }
        return Response.json({ result: 1 });
      },
      { useAccountApiAddress: true, maxRetries: 0 },
    );
  }
  const call = (client: VoximplantClient) => client.subUsers.delete({ subuser_id: 7 });

  it('off by default: no lookup, calls go to baseUrl', async () => {
    const { client, requests } = recordingClient({ result: 1 });
    await call(client);
    expect(requests.map((r) => r.url.href)).toEqual([`${BASE_URL}/DelSubUser?subuser_id=7`]);
  });

  it('on: one lookup on baseUrl, then every call (raw too) goes to the account host', async () => {
    const { client, requests } = addressed('api-eu.voximplant.com');
    await call(client);
    await call(client);
    await client.raw.POST('/GetRoleGroups', {});
    expect(requests.map((r) => r.url.origin + r.url.pathname)).toEqual([
      `${BASE_URL}/GetAccountInfo`,
      'https://api-eu.voximplant.com/platform_api/DelSubUser',
      'https://api-eu.voximplant.com/platform_api/DelSubUser',
      'https://api-eu.voximplant.com/platform_api/GetRoleGroups',
    ]);
    expect(query(requests[0])).toEqual({ return_live_balance: 'false' });
    // Both hosts get a bearer token signed with the same key.
    expect(tokenOf(requests[1])).toBe(tokenOf(requests[2]));
  });

  it('concurrent first calls share one lookup', async () => {
    const { client, requests } = addressed('api-eu.voximplant.com');
    await Promise.all([call(client), call(client), call(client)]);
    expect(requests.filter((r) => r.url.pathname.endsWith('/GetAccountInfo'))).toHaveLength(1);
  });

  it('an address that cannot be followed keeps baseUrl and says why in the debug log', async () => {
    const logged: Array<[string, unknown]> = [];
    const { client, requests } = recordingClient(
      (request) =>
        request.url.pathname.endsWith('/GetAccountInfo')
          ? Response.json({ result: PROFILE, api_address: 'api.example.com' })
          : Response.json({ result: 1 }),
      {
        useAccountApiAddress: true,
        logger: { debug: (message, details) => logged.push([message, details]) },
      },
    );
    await call(client);
    await call(client);
    expect(requests.map((r) => r.url.pathname)).toEqual([
      '/platform_api/GetAccountInfo',
      '/platform_api/DelSubUser',
      '/platform_api/DelSubUser',
    ]);
    expect(requests.every((r) => r.url.origin === new URL(BASE_URL).origin)).toBe(true);
    expect(logged).toContainEqual([
      'tenantkit voximplant keeps baseUrl',
      { provider: 'voximplant', reason: 'api_address is not a voximplant.com host' },
    ]);
  });

  it('a failed lookup fails that call with its own typed error; the next call asks again', async () => {
    const { client, requests } = addressed('api-eu.voximplant.com', { fail: 1 });
    const error = await call(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ operation: 'GetAccountInfo' });
    await call(client);
    expect(requests.map((r) => r.url.host + r.url.pathname)).toEqual([
      'voximplant.test/platform_api/GetAccountInfo',
      'voximplant.test/platform_api/GetAccountInfo',
      'api-eu.voximplant.com/platform_api/DelSubUser',
    ]);
  });
});
