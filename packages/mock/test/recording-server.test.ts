/** createRecordingServer: a real loopback server that keeps each request and answers as scripted. */
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingServer, type RecordingServer } from '../src/index.js';

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createRecordingServer', () => {
  it('listens on 127.0.0.1, records method, path, query, headers and a JSON body', async () => {
    server = await createRecordingServer(() => Response.json({ ok: 1 }, { status: 201 }));
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await fetch(`${server.url}/v1/things?a=1&b=x%20y`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-extra': 'yes' },
      body: JSON.stringify({ name: 'Acme' }),
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('content-type')).toContain('application/json');
    expect(await answer.json()).toEqual({ ok: 1 });
    const [seen] = server.requests;
    expect(seen?.method).toBe('POST');
    expect(seen?.url.pathname).toBe('/v1/things');
    expect(Object.fromEntries(seen?.url.searchParams ?? [])).toEqual({ a: '1', b: 'x y' });
    expect(seen?.headers.get('x-extra')).toBe('yes');
    expect(seen?.body).toEqual({ name: 'Acme' });
  });

  it('a form body becomes its fields, other text stays text, no body is undefined', async () => {
    server = await createRecordingServer(() => new Response(null, { status: 204 }));
    const post = (body: string, type: string) =>
      fetch(server?.url ?? '', { method: 'POST', headers: { 'content-type': type }, body });
    await post('FriendlyName=Acme&Status=active', 'application/x-www-form-urlencoded');
    await post('plain words', 'text/plain');
    await fetch(server.url);
    expect(server.requests.map((request) => request.body)).toEqual([
      { FriendlyName: 'Acme', Status: 'active' },
      'plain words',
      undefined,
    ]);
  });

  it('a script that throws answers 500 with its message', async () => {
    server = await createRecordingServer(() => {
      throw new Error('no answer scripted for this');
    });
    const answer = await fetch(server.url);
    expect(answer.status).toBe(500);
    expect(await answer.text()).toContain('no answer scripted for this');
  });
});
