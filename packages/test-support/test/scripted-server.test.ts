/** The shared scripted loopback server: what it records, how each step answers, what close() frees. */
import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { closedPortUrl, json, type ScriptedServer, startScriptedServer } from '../src/index.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function started(): Promise<ScriptedServer> {
  server = await startScriptedServer();
  return server;
}

/** Status and body of each answer, in order (one request after the other). */
async function answers(url: string, count: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(url);
    seen.push(`${response.status} ${await response.text()}`);
  }
  return seen;
}

describe('startScriptedServer', () => {
  it('listens on 127.0.0.1 and records method, path and query, headers and body', async () => {
    const loopback = await started();
    loopback.script([json(201, { ok: 1 })]);
    expect(loopback.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${loopback.url}/v1/things?a=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-extra': 'yes' },
      body: JSON.stringify({ name: 'Acme' }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ ok: 1 });
    expect(loopback.requests).toEqual([
      expect.objectContaining({ method: 'POST', url: '/v1/things?a=1', body: '{"name":"Acme"}' }),
    ]);
    expect(loopback.requests[0]?.headers['x-extra']).toBe('yes');
  });

  it('answers 500 "not scripted" before the first script', async () => {
    const loopback = await started();
    expect(await answers(loopback.url, 1)).toEqual(['500 {"error":"not scripted"}']);
  });

  it('steps in order, then the fallback for every later request', async () => {
    const loopback = await started();
    loopback.script(
      [
        { status: 201, body: 'a' },
        { status: 202, body: 'b' },
      ],
      { status: 203 },
    );
    expect(await answers(loopback.url, 4)).toEqual(['201 a', '202 b', '203 ', '203 ']);
  });

  it('without a fallback the last step repeats', async () => {
    const loopback = await started();
    loopback.script([
      { status: 201, body: 'a' },
      { status: 202, body: 'b' },
    ]);
    expect(await answers(loopback.url, 3)).toEqual(['201 a', '202 b', '202 b']);
  });

  it('script() forgets what was recorded and starts the steps again', async () => {
    const loopback = await started();
    loopback.script([{ status: 201 }], { status: 204 });
    await answers(loopback.url, 2);
    loopback.script([{ status: 202 }], { status: 204 });
    expect(loopback.requests).toEqual([]);
    expect(await answers(loopback.url, 1)).toEqual(['202 ']);
  });

  it('a function step sees the request and its index since script(), and may answer later', async () => {
    const loopback = await started();
    loopback.script([], async (request, index) => {
      await new Promise((resolve) => setImmediate(resolve));
      return { status: 200, body: `${index} ${request.method} ${request.url}` };
    });
    expect(await answers(`${loopback.url}/x`, 2)).toEqual(['200 0 GET /x', '200 1 GET /x']);
  });

  it('a function step that throws answers 500 with its message', async () => {
    const loopback = await started();
    loopback.script([], () => {
      throw new Error('no answer for this');
    });
    const response = await fetch(loopback.url);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('no answer for this');
  });

  it('reset destroys the connection once the request was read', async () => {
    const loopback = await started();
    loopback.script([{ reset: true }], { status: 200 });
    await expect(fetch(loopback.url, { method: 'POST', body: 'sent' })).rejects.toThrow();
    expect(loopback.requests.map((request) => request.body)).toEqual(['sent']);
    expect(await answers(loopback.url, 1)).toEqual(['200 ']);
  });

  it('hang: true never answers; close() ends the connection and resolves', async () => {
    const loopback = await started();
    loopback.script([{ hang: true }]);
    const pending = fetch(loopback.url);
    await vi.waitFor(() => expect(loopback.requests).toHaveLength(1));
    await loopback.close();
    await expect(pending).rejects.toThrow();
  });

  it('hang: ms answers with its afterwards step, unless the client gave up', async () => {
    const loopback = await started();
    loopback.script([{ hang: 5, afterwards: { status: 200, body: 'late' } }]);
    expect(await answers(loopback.url, 1)).toEqual(['200 late']);
  });

  it('close() clears pending hang timers: nothing is answered after it', async () => {
    const loopback = await started();
    const after = vi.fn(() => ({ status: 200 }));
    loopback.script([{ hang: 60_000, afterwards: { status: 200 } }], after);
    const pending = fetch(loopback.url).catch((error: unknown) => error);
    await vi.waitFor(() => expect(loopback.requests).toHaveLength(1));
    await loopback.close();
    expect(await pending).toBeInstanceOf(Error);
    expect(after).not.toHaveBeenCalled();
  });

  it('stream sends that many bytes and records it completed', async () => {
    const loopback = await started();
    loopback.script([{ stream: 100_000, declare: true }]);
    const response = await fetch(loopback.url);
    expect(response.headers.get('content-length')).toBe('100000');
    expect((await response.arrayBuffer()).byteLength).toBe(100_000);
    expect(loopback.streams).toHaveLength(1);
    await expect(loopback.streams[0]?.ended).resolves.toBe('completed');
    expect(loopback.streams[0]?.written).toBe(100_000);
  });

  it('stream records "closed" when the client hangs up before the end', async () => {
    const loopback = await started();
    loopback.script([{ stream: 64 * 1024 * 1024 }]);
    await new Promise<void>((resolve, reject) => {
      const outgoing = httpRequest(loopback.url, (incoming) => {
        incoming.once('data', () => {
          outgoing.destroy();
          resolve();
        });
      });
      outgoing.on('error', (error) =>
        error.message.includes('aborted') ? resolve() : reject(error),
      );
      outgoing.end();
    });
    await expect(loopback.streams[0]?.ended).resolves.toBe('closed');
    expect(loopback.streams[0]?.written).toBeLessThan(64 * 1024 * 1024);
  });

  it('close() frees the port: a request after it is refused', async () => {
    const loopback = await started();
    await loopback.close();
    server = undefined;
    await expect(fetch(loopback.url)).rejects.toThrow();
  });

  it('keepAliveTimeoutMs: 1 by default (no reuse); another value is kept', async () => {
    const loopback = await started();
    loopback.script([{ status: 204 }]);
    const first = await fetch(loopback.url);
    expect(first.headers.get('keep-alive')).toBe('timeout=0');
    const kept = await startScriptedServer({ keepAliveTimeoutMs: 5_000 });
    try {
      kept.script([{ status: 204 }]);
      expect((await fetch(kept.url)).headers.get('keep-alive')).toBe('timeout=5');
    } finally {
      await kept.close();
    }
  });
});

describe('closedPortUrl', () => {
  it('is a 127.0.0.1 address where nothing listens', async () => {
    const url = await closedPortUrl();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(fetch(url)).rejects.toThrow();
  });
});

/** The example of MAINTAINING.md ("Test helpers: where they live"), word for word. */
describe('the MAINTAINING.md example', () => {
  let server: ScriptedServer;
  beforeAll(async () => {
    server = await startScriptedServer();
  });
  afterAll(() => server.close());

  it('the steps in order, then the fallback; every request recorded', async () => {
    server.script([json(503, { message: 'busy' }), { reset: true }], json(200, { id: 't1' }));
    expect((await fetch(`${server.url}/things/1?page=2`)).status).toBe(503);
    await expect(fetch(server.url, { method: 'POST', body: 'sent' })).rejects.toThrow();
    expect(await (await fetch(`${server.url}/things/1`)).json()).toEqual({ id: 't1' });
    expect(server.requests.map(({ method, url, body }) => `${method} ${url} ${body}`)).toEqual([
      'GET /things/1?page=2 ',
      'POST / sent',
      'GET /things/1 ',
    ]);
  });
});
