/**
 * A scripted Twilio on 127.0.0.1 (port 0): the shared scripted server (`@tenantkit/test-support`)
 * answering each request with what `answer` returns. Twilio answers JSON, so an answer's body is a
 * value (serialised here) and every answer says `content-type: application/json`.
 */
import {
  type ReceivedRequest,
  type ScriptedServer,
  type Step,
  startScriptedServer,
} from '@tenantkit/test-support';

export type { ReceivedRequest as Received, ScriptedServer as Loopback };

export type Answer =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** The connection is destroyed after the request was read: the caller cannot know the outcome. */
  | { reset: true }
  /** No answer at all (until the server closes). */
  | { hang: true };

function stepOf(answer: Answer): Step {
  if (!('status' in answer)) return answer;
  return {
    status: answer.status,
    headers: { 'content-type': 'application/json', ...answer.headers },
    ...(answer.body === undefined ? {} : { body: JSON.stringify(answer.body) }),
  };
}

/** Starts the server; `answer` is asked for every request (`index`: its place, from 0). */
export async function startLoopback(
  answer: (request: ReceivedRequest, index: number) => Answer | Promise<Answer>,
): Promise<ScriptedServer> {
  const server = await startScriptedServer();
  server.script([], async (request, index) => stepOf(await answer(request, index)));
  return server;
}
