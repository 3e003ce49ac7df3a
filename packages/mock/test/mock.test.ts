import { sign, verify } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  createContractFetch,
  createRecordingFetch,
  startMockServers,
  throwawayVoximplantKey,
  waitUntilAnswering,
} from '../src/index.js';

const SYNTHFLOW_SPEC = fileURLToPath(new URL('../../../specs/synthflow.yaml', import.meta.url));

describe('startMockServers', () => {
  it('serves a spec on a free loopback port and stops it', async () => {
    const mocks = await startMockServers({
      providers: ['synthflow'],
      specs: { synthflow: SYNTHFLOW_SPEC },
    });
    const url = mocks.urls.synthflow!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await fetch(`${url}/subaccounts/`, { headers: { Authorization: 'Bearer x' } });
    expect(answer.status).toBe(200);
    await mocks.stop();
    await expect(fetch(`${url}/subaccounts/`)).rejects.toThrow();
  });

  it('answers CORS preflights only when asked to (local browser development)', async () => {
    const preflight = (url: string) =>
      fetch(`${url}/subaccounts/`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://localhost:5173',
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        },
      });
    const withCors = await startMockServers({
      providers: ['synthflow'],
      specs: { synthflow: SYNTHFLOW_SPEC },
      cors: true,
    });
    const without = await startMockServers({
      providers: ['synthflow'],
      specs: { synthflow: SYNTHFLOW_SPEC },
    });
    try {
      const allowed = await preflight(withCors.urls.synthflow!);
      expect(allowed.headers.get('access-control-allow-origin')).toMatch(/\*|localhost:5173/);
      const answer = await fetch(`${withCors.urls.synthflow}/subaccounts/`, {
        headers: { Authorization: 'Bearer x', Origin: 'http://localhost:5173' },
      });
      expect(answer.headers.get('access-control-allow-origin')).toBeTruthy();
      const refused = await preflight(without.urls.synthflow!);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await withCors.stop();
      await without.stop();
    }
  });

  it('rejects when a spec cannot be read', async () => {
    await expect(
      startMockServers({
        providers: ['synthflow'],
        specs: { synthflow: '/nonexistent/spec.yaml' },
      }),
    ).rejects.toThrow();
  });
});

describe('waitUntilAnswering', () => {
  it('gives up at the deadline with a message naming the URL', async () => {
    // A port that was free a moment ago: nothing answers there.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    await expect(waitUntilAnswering(`http://127.0.0.1:${port}`, 300)).rejects.toThrow(
      `mock server at http://127.0.0.1:${port} did not answer within 300 ms`,
    );
  });
});

describe('createContractFetch', () => {
  it('records an answer Prism flagged, and nothing else', async () => {
    const flagged = createContractFetch(
      async () =>
        new Response('{}', { status: 422, headers: { 'sl-violations': '[{"message":"bad"}]' } }),
    );
    await flagged.fetch(new Request('http://x.test/a', { method: 'POST' }));
    expect(flagged.violations).toEqual([
      { method: 'POST', url: 'http://x.test/a', status: 422, violations: '[{"message":"bad"}]' },
    ]);

    const clean = createContractFetch(async () => Response.json({ ok: true }));
    await clean.fetch(new Request('http://x.test/b'));
    expect(clean.violations).toEqual([]);
  });
});

describe('createRecordingFetch', () => {
  it('keeps method, URL, headers and the parsed body', async () => {
    const recorder = createRecordingFetch(() => Response.json({}));
    await recorder.fetch(
      new Request('http://x.test/c?q=1', {
        method: 'PUT',
        headers: { 'X-A': 'b' },
        body: '{"k":1}',
      }),
    );
    expect(recorder.requests[0]).toMatchObject({ method: 'PUT', body: { k: 1 } });
    expect(recorder.requests[0]?.url.searchParams.get('q')).toBe('1');
    expect(recorder.requests[0]?.headers.get('x-a')).toBe('b');
  });
});

describe('throwawayVoximplantKey', () => {
  it('is a fresh, usable key each time', () => {
    const first = throwawayVoximplantKey({ accountId: 7 });
    const second = throwawayVoximplantKey();
    expect(first.credentials.account_id).toBe(7);
    expect(first.credentials.private_key).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(first.credentials.private_key).not.toBe(second.credentials.private_key);
    expect(first.publicKey.asymmetricKeyType).toBe('rsa');
  });

  it('shared: one key pair for every shared call in the process, each with its own ids', () => {
    const a = throwawayVoximplantKey({ shared: true, accountId: 1, keyId: 'a' });
    const b = throwawayVoximplantKey({ shared: true });
    const fresh = throwawayVoximplantKey();
    expect(b.credentials.private_key).toBe(a.credentials.private_key);
    expect(b.publicKey).toBe(a.publicKey);
    expect(a.credentials).toMatchObject({ account_id: 1, key_id: 'a' });
    expect(b.credentials).toMatchObject({ account_id: 4242 });
    expect(fresh.credentials.private_key).not.toBe(a.credentials.private_key);
    const signature = sign('sha256', Buffer.from('x'), a.credentials.private_key);
    expect(verify('sha256', Buffer.from('x'), b.publicKey, signature)).toBe(true);
  });
});
