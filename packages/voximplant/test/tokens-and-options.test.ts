/**
 * The client's options at their limits, and its token over a series of calls: kept across
 * provider errors that are not about the token, renewed exactly at its renewal time, scrubbed
 * from errors wherever the provider puts it. Against the scripted loopback server; the clock is
 * faked (Date only) where the token's age matters.
 */
import { inspect } from 'node:util';
import { ConfigurationError } from '@tenantkit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVoximplantClient } from '../src/index.js';
import { claimsOf, testKey, tokenOf } from './fixtures.js';
import { failureOf, methodOf, scriptedVoximplant } from './support/scripted.js';

const voximplant = scriptedVoximplant();
const NOW = new Date('2026-11-24T10:00:00Z');

afterEach(() => {
  vi.useRealTimers();
});

const iatOf = (index: number) => claimsOf(tokenOf(voximplant.requests[index])).iat;

describe('voximplant options at their limits', () => {
  it.each([
    [{ accountId: 0 }, 'voximplant: `accountId` must be an integer, 1 or more.'],
    [{ accountId: 1.5 }, 'voximplant: `accountId` must be an integer, 1 or more.'],
    [{ accountId: '7' }, 'voximplant: `accountId` must be an integer, 1 or more.'],
    [{ tokenTtlSeconds: 29 }, 'voximplant: `tokenTtlSeconds` must be an integer, 30 to 3600.'],
    [{ tokenTtlSeconds: 3601 }, 'voximplant: `tokenTtlSeconds` must be an integer, 30 to 3600.'],
    [{ tokenTtlSeconds: 60.5 }, 'voximplant: `tokenTtlSeconds` must be an integer, 30 to 3600.'],
  ])('%j is refused', (option, message) => {
    const build = () =>
      createVoximplantClient({ credentials: testKey.credentials, ...option } as never);
    expect(build).toThrow(ConfigurationError);
    expect(build).toThrow(message);
  });

  it.each([
    [{ accountId: 1 }, { iss: 1 }],
    [{ tokenTtlSeconds: 30 }, { ttl: 30 }],
    [{ tokenTtlSeconds: 3600 }, { ttl: 3600 }],
  ])('%j is used', async (option, expected) => {
    await voximplant.client(option).roles.groups();
    const { iss, iat, exp } = claimsOf(tokenOf(voximplant.requests[0]));
    if ('iss' in expected) expect(iss).toBe(expected.iss);
    else expect(exp! - iat!).toBe(expected.ttl);
  });

  it('without baseUrl it is the documented host; inspected, it shows where it goes and for whom', () => {
    const client = createVoximplantClient({ credentials: testKey.credentials });
    expect(client.baseUrl).toBe('https://api.voximplant.com/platform_api');
    expect(inspect(client)).toBe(
      'VoximplantClient {"baseUrl":"https://api.voximplant.com/platform_api","accountId":4242,"credentials":"[REDACTED]"}',
    );
    expect(JSON.parse(JSON.stringify(client))).toEqual({
      client: 'VoximplantClient',
      baseUrl: 'https://api.voximplant.com/platform_api',
      accountId: 4242,
      credentials: '[REDACTED]',
    });
  });

  it('trailing slashes of baseUrl are dropped, every one of them', async () => {
    const client = voximplant.client({ baseUrl: `${voximplant.url}/platform_api//` });
    expect(client.baseUrl).toBe(`${voximplant.url}/platform_api`);
    await client.roles.groups();
    expect(voximplant.requests[0]?.url.pathname).toBe('/platform_api/GetRoleGroups');
  });
});

describe('voximplant token: kept, renewed, scrubbed', () => {
  it.each([
    [
      'a provider error about something else (434)',
      { error: { code: 434, msg: 'no such subuser' } },
    ],
    ['an error status without a body', new Response(null, { status: 500 })],
  ])('is kept after %s', async (_what, failure) => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    let calls = 0;
    voximplant.answer(() => (calls++ === 0 ? failure : { result: [] }));
    const client = voximplant.client();
    await expect(client.roles.groups()).rejects.toThrow();
    vi.setSystemTime(NOW.getTime() + 1000);
    await client.roles.groups();
    expect(iatOf(1)).toBe(iatOf(0));
  });

  it.each([
    // 600 s: renewed a minute before it expires.
    [600, 60],
    // 30 s: a quarter of its life (7 s) before.
    [30, 7],
  ])(
    'a %i s token is renewed exactly %i s before exp, not a millisecond earlier',
    async (ttl, early) => {
      vi.useFakeTimers({ toFake: ['Date'], now: NOW });
      const client = voximplant.client({ tokenTtlSeconds: ttl });
      await client.roles.groups();
      const { exp } = claimsOf(tokenOf(voximplant.requests[0]));
      vi.setSystemTime((exp! - early) * 1000 - 1);
      await client.roles.groups();
      expect(tokenOf(voximplant.requests[1])).toBe(tokenOf(voximplant.requests[0]));
      vi.setSystemTime((exp! - early) * 1000);
      await client.roles.groups();
      expect(iatOf(2)).toBe(Math.floor(Date.now() / 1000) - 5);
    },
  );

  it('an error quoting the token glued to a word still shows [REDACTED] (the JWT pattern needs a boundary)', async () => {
    voximplant.answer((request) => ({
      error: {
        code: 101,
        msg: `rejected token${request.headers.get('authorization')?.slice('Bearer '.length)}`,
      },
    }));
    const error = await failureOf(voximplant.client().roles.groups());
    const token = tokenOf(voximplant.requests[0]);
    expect(error.message).toContain('rejected token[REDACTED]');
    expect(error.message).not.toContain(token.split('.')[1]);
  });
});

describe('voximplant private key: scrubbed in any form', () => {
  it('an error quoting the private key URL-encoded shows [REDACTED] (the PEM pattern needs its spaces)', async () => {
    voximplant.answer(() => ({
      error: { code: 101, msg: `bad key ${encodeURIComponent(testKey.credentials.private_key)}` },
    }));
    const error = await failureOf(voximplant.client().roles.groups());
    const body = testKey.credentials.private_key.split('\n')[3] ?? '';
    expect(error.message).toContain('bad key [REDACTED]');
    expect(error.message).not.toContain(encodeURIComponent(body).slice(0, 40));
  });
});

describe('voximplant keys.listAll', () => {
  it('walks page after page of keys until a short one', async () => {
    const all = ['k1', 'k2', 'k3'].map((key_id) => ({ key_id, key_name: key_id }));
    voximplant.answer((request) => {
      const offset = Number(request.url.searchParams.get('offset'));
      return { result: all.slice(offset, offset + 2) };
    });
    const seen: string[] = [];
    for await (const key of voximplant.client().keys.listAll({ count: 2 })) seen.push(key.key_id!);
    expect(seen).toEqual(['k1', 'k2', 'k3']);
    expect(voximplant.requests.map(methodOf)).toEqual(['GetKeys', 'GetKeys']);
  });
});
