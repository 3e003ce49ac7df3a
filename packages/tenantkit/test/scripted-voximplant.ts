/**
 * A scripted Voximplant on the loopback (port 0): each test says how it answers. Every request is
 * recorded with its method name (the last path segment) and its parameters (query and form body).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { throwawayVoximplantKey } from '@tenantkit/mock';

export interface Seen {
  method: string;
  params: URLSearchParams;
}

export type Answer = (seen: Seen, response: ServerResponse) => void | Promise<void>;

export interface ScriptedVoximplant {
  url: string;
  seen: Seen[];
  answer: Answer;
  /** The environment a spawned CLI needs to talk to it. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

export async function scriptedVoximplant(): Promise<ScriptedVoximplant> {
  const state: { answer: Answer } = { answer: (_seen, response) => json(response, 500, {}) };
  const seen: Seen[] = [];
  const server: Server = createServer(async (request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const params = new URLSearchParams(url.search);
    for (const [key, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8')))
      params.append(key, value);
    const entry = { method: url.pathname.split('/').pop() ?? '', params };
    seen.push(entry);
    await state.answer(entry, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    get answer() {
      return state.answer;
    },
    set answer(answer: Answer) {
      state.answer = answer;
    },
    env: {
      VOXIMPLANT_CREDENTIALS: JSON.stringify(throwawayVoximplantKey().credentials),
      TENANTKIT_VOXIMPLANT_BASE_URL: url,
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One page of GetSubUsers, as Voximplant answers it. */
export function subUserPage(users: Array<{ id: number; name: string }>, total: number) {
  return {
    result: users.map(({ id, name }) => ({ subuser_id: id, subuser_name: name })),
    count: users.length,
    total_count: total,
  };
}
