/**
 * A scripted provider on 127.0.0.1 (port 0) for tests: real HTTP, every request kept as a
 * `RecordedRequest`, each answered with the `Response` the test chooses — `createRecordingFetch`'s
 * interface over a real socket, so a client's whole transport (headers, bodies, timeouts) is used.
 * The server is the repository's shared scripted server (`packages/test-support`, private), which
 * the build bundles in: this package depends on nothing more for it.
 */
import { type ReceivedRequest, type Step, startScriptedServer } from '@tenantkit/test-support';
import type { RecordedRequest } from './index.js';

export interface RecordingServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`; requests keep their path and query. */
  readonly url: string;
  /** Every request received, in order (tests may empty it between cases). */
  readonly requests: RecordedRequest[];
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Node's own keep-alive: connections are reused as they were before the server was shared. */
const NODE_KEEP_ALIVE_MS = 5_000;

/** JSON when the body says so, a form's fields as an object, other text as is, nothing as undefined. */
function bodyOf(text: string, contentType: string): unknown {
  if (!text) return undefined;
  if (contentType.includes('json')) return JSON.parse(text);
  if (contentType.includes('x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  return text;
}

function recorded(request: ReceivedRequest, origin: string): RecordedRequest {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const one of Array.isArray(value) ? value : [value ?? '']) headers.append(name, one);
  }
  return {
    method: request.method,
    url: new URL(request.url || '/', origin),
    headers,
    body: bodyOf(request.body, headers.get('content-type') ?? ''),
  };
}

async function stepOf(answer: Response): Promise<Step> {
  return {
    status: answer.status,
    headers: Object.fromEntries(answer.headers),
    body: Buffer.from(await answer.arrayBuffer()),
  };
}

/** Starts a server that answers each request with `respond(request)`; close it when done. */
export async function createRecordingServer(
  respond: (request: RecordedRequest) => Response | Promise<Response>,
): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = await startScriptedServer({ keepAliveTimeoutMs: NODE_KEEP_ALIVE_MS });
  server.script([], async (request) => {
    const seen = recorded(request, server.url);
    requests.push(seen);
    // A throwing script answers 500 (its message as the body) rather than leave the client hanging.
    const answer = await Promise.resolve()
      .then(() => respond(seen))
      .catch((error: unknown) => new Response(String(error), { status: 500 }));
    return stepOf(answer);
  });
  return { url: server.url, requests, close: () => server.close() };
}
