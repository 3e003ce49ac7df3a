/** The service-account JWT: verified with the public half of a key pair made for this run. */
import { createPrivateKey, createVerify } from 'node:crypto';
import { ConfigurationError } from '@tenantkit/core';
import { jwtVerify } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOCK_SKEW_SECONDS, MAX_TOKEN_TTL_SECONDS } from '../src/index.js';
import { claimsOf, headerOf, makeTestKey, recordingClient, testKey, tokenOf } from './fixtures.js';

const NOW = new Date('2026-11-24T10:00:00Z');
const nowSeconds = () => Math.floor(Date.now() / 1000);

afterEach(() => {
  vi.useRealTimers();
});

describe('voximplant auth: the signed token', () => {
  it('is RS256 with kid = key_id, verifies with the public key, iss is the account id as a number', async () => {
    const { client, requests } = recordingClient({ result: [] });
    await client.roles.groups();
    const token = tokenOf(requests[0]);
    const { payload, protectedHeader } = await jwtVerify(token, testKey.publicKey, {
      algorithms: ['RS256'],
    });
    expect(protectedHeader).toEqual({ alg: 'RS256', typ: 'JWT', kid: testKey.credentials.key_id });
    expect(payload.iss).toBe(testKey.credentials.account_id);
    expect(typeof payload.iss).toBe('number');
    expect(Object.keys(payload).sort()).toEqual(['exp', 'iat', 'iss']);
  });

  it('lives at most 3600 s and is backdated a little for clock skew', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const { client, requests } = recordingClient({ result: [] });
    await client.roles.groups();
    const { iat, exp } = claimsOf(tokenOf(requests[0]));
    expect(iat).toBe(nowSeconds() - CLOCK_SKEW_SECONDS);
    expect(exp! - iat!).toBeLessThanOrEqual(MAX_TOKEN_TTL_SECONDS);
    expect(exp! - iat!).toBe(MAX_TOKEN_TTL_SECONDS);
  });

  it('tokenTtlSeconds sets exp - iat', async () => {
    const { client, requests } = recordingClient({ result: [] }, { tokenTtlSeconds: 120 });
    await client.roles.groups();
    const { iat, exp } = claimsOf(tokenOf(requests[0]));
    expect(exp! - iat!).toBe(120);
  });

  it('accountId overrides iss (managing a child account)', async () => {
    const { client, requests } = recordingClient({ result: [] }, { accountId: 987654 });
    await client.roles.groups();
    const { payload } = await jwtVerify(tokenOf(requests[0]), testKey.publicKey);
    expect(payload.iss).toBe(987654);
  });

  it('does not verify with another key pair (the test would catch a wrong signing key)', async () => {
    const { client, requests } = recordingClient({ result: [] });
    await client.roles.groups();
    await expect(jwtVerify(tokenOf(requests[0]), makeTestKey().publicKey)).rejects.toThrow(
      /signature verification failed/,
    );
  });
});

describe('voximplant auth: the token is cached', () => {
  it('one signature serves many sequential calls', async () => {
    const { client, requests } = recordingClient({ result: [] });
    for (let i = 0; i < 5; i++) await client.roles.list();
    await client.subUsers.list();
    await client.raw.POST('/GetRoleGroups');
    expect(new Set(requests.map(tokenOf)).size).toBe(1);
    expect(requests).toHaveLength(7);
  });

  it('concurrent first calls share one in-flight signing', async () => {
    const { client, requests } = recordingClient({ result: [] });
    await Promise.all(Array.from({ length: 16 }, () => client.roles.groups()));
    expect(requests).toHaveLength(16);
    expect(new Set(requests.map(tokenOf)).size).toBe(1);
  });

  it('is renewed shortly before it expires, not after every call', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const { client, requests } = recordingClient({ result: [] }, { tokenTtlSeconds: 600 });
    await client.roles.groups();
    const first = tokenOf(requests[0]);
    const { exp } = claimsOf(first);

    vi.setSystemTime((exp! - 61) * 1000); // still more than a minute left: reused
    await client.roles.groups();
    expect(tokenOf(requests[1])).toBe(first);

    vi.setSystemTime((exp! - 30) * 1000); // inside the renewal margin: a new token
    await client.roles.groups();
    const second = tokenOf(requests[2]);
    expect(second).not.toBe(first);
    expect(claimsOf(second).iat).toBe(nowSeconds() - CLOCK_SKEW_SECONDS);
    await expect(
      jwtVerify(second, testKey.publicKey, { currentDate: new Date() }),
    ).resolves.toBeDefined();

    await client.roles.groups();
    expect(tokenOf(requests[3])).toBe(second);
  });

  it('a retry after the token expired carries a fresh token (auth is per attempt)', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    let attempt = 0;
    const { client, requests } = recordingClient(() => {
      if (attempt++ > 0) return Response.json({ result: [] });
      vi.setSystemTime(Date.now() + 2 * 3600 * 1000); // the first attempt outlives the token
      return Response.json({ error: { code: 2, msg: 'Internal error' } }, { status: 500 });
    });
    await expect(client.roles.groups()).resolves.toEqual([]);
    expect(requests).toHaveLength(2);
    expect(tokenOf(requests[1])).not.toBe(tokenOf(requests[0]));
  });

  it('a token the API refused (456 inside 200) is not reused', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    let attempt = 0;
    const { client, requests } = recordingClient(() =>
      Response.json(
        attempt++ === 0 ? { error: { code: 456, msg: 'The token has expired.' } } : { result: [] },
      ),
    );
    await expect(client.roles.groups()).rejects.toMatchObject({
      name: 'AuthenticationError',
      codeName: 'TOKEN_EXPIRED',
    });
    // RS256 signatures are deterministic: a second later, only a re-signed token differs.
    vi.setSystemTime(Date.now() + 1000);
    await client.roles.groups();
    expect(claimsOf(tokenOf(requests[1])).iat).toBe(claimsOf(tokenOf(requests[0])).iat! + 1);
  });

  it('the token is registered with the redactor: an error echoing it shows [REDACTED]', async () => {
    const { client, requests } = recordingClient((request) =>
      Response.json({
        error: { code: 101, msg: `bad token ${request.headers.get('authorization')}` },
      }),
    );
    const error = await client.roles.groups().catch((e: unknown) => e);
    const token = tokenOf(requests[0]);
    expect((error as Error).message).toContain('[REDACTED]');
    expect((error as Error).message).not.toContain(token.split('.')[2]);
    expect(headerOf(token).kid).toBe(testKey.credentials.key_id);
  });
});

/**
 * Signing is WebCrypto (the same code on every runtime), so tokens are checked here by two
 * independent verifiers: jose and Node's own crypto.
 */
describe('voximplant auth: WebCrypto signing', () => {
  it("Node's crypto verifies the signature over header.payload", async () => {
    const { client, requests } = recordingClient({ result: [] });
    await client.roles.groups();
    const [header, payload, signature] = tokenOf(requests[0]).split('.');
    const verifier = createVerify('RSA-SHA256').update(`${header}.${payload}`);
    expect(verifier.verify(testKey.publicKey, Buffer.from(signature!, 'base64url'))).toBe(true);
  });

  it('a PKCS#1 key (wrapped into PKCS#8 for WebCrypto) signs tokens its public key verifies', async () => {
    const { publicKey } = testKey;
    const pkcs1 = createPrivateKey(testKey.credentials.private_key)
      .export({ type: 'pkcs1', format: 'pem' })
      .toString();
    const { client, requests } = recordingClient(
      { result: [] },
      { credentials: { ...testKey.credentials, private_key: pkcs1 } },
    );
    await client.roles.groups();
    await expect(jwtVerify(tokenOf(requests[0]), publicKey)).resolves.toBeDefined();
  });

  it('a key WebCrypto refuses fails the call with a ConfigurationError that quotes nothing of it', async () => {
    const importKey = vi
      .spyOn(crypto.subtle, 'importKey')
      .mockRejectedValue(
        new DOMException(`bad key ${testKey.credentials.private_key}`, 'DataError'),
      );
    try {
      const { client, requests } = recordingClient({ result: [] });
      for (let call = 0; call < 2; call++) {
        const error = await client.roles.groups().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConfigurationError);
        expect((error as Error).message).toMatch(/`private_key` could not be imported/);
        expect(JSON.stringify(error)).not.toContain('PRIVATE KEY');
        expect((error as Error).cause).toBeUndefined();
      }
      expect(requests).toHaveLength(0);
      expect(importKey).toHaveBeenCalledTimes(1);
    } finally {
      importKey.mockRestore();
    }
  });
});
