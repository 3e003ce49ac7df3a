/**
 * A scripted Voximplant on the loopback (port 0): the shared scripted server
 * (`@tenantkit/test-support`), each test saying how it answers. Every request is recorded with its
 * method name (the last path segment) and its parameters (query and form body).
 */
import { throwawayVoximplantKey } from '@tenantkit/mock';
import { type Step, startScriptedServer } from '@tenantkit/test-support';

export { json } from '@tenantkit/test-support';

export interface Seen {
  method: string;
  params: URLSearchParams;
}

/** The answer to one request (`{ hang: true }`: none, until the server closes). */
export type Answer = (seen: Seen) => Step | Promise<Step>;

export interface ScriptedVoximplant {
  url: string;
  seen: Seen[];
  answer: Answer;
  /** The environment a spawned CLI needs to talk to it. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function scriptedVoximplant(): Promise<ScriptedVoximplant> {
  const server = await startScriptedServer();
  const state: { answer: Answer } = {
    answer: () => ({ status: 500, body: '{}', headers: { 'content-type': 'application/json' } }),
  };
  const seen: Seen[] = [];
  server.script([], (request) => {
    const url = new URL(request.url || '/', 'http://127.0.0.1');
    const params = new URLSearchParams(url.search);
    for (const [key, value] of new URLSearchParams(request.body)) params.append(key, value);
    const entry = { method: url.pathname.split('/').pop() ?? '', params };
    seen.push(entry);
    return state.answer(entry);
  });
  return {
    url: server.url,
    seen,
    get answer() {
      return state.answer;
    },
    set answer(answer: Answer) {
      state.answer = answer;
    },
    env: {
      VOXIMPLANT_CREDENTIALS: JSON.stringify(throwawayVoximplantKey({ shared: true }).credentials),
      TENANTKIT_VOXIMPLANT_BASE_URL: server.url,
    },
    close: () => server.close(),
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
