/**
 * A scripted provider on 127.0.0.1 (port 0) for tests: real HTTP, every request kept as a
 * `RecordedRequest`, each answered with the `Response` the test chooses — `createRecordingFetch`'s
 * interface over a real socket, so a client's whole transport (headers, bodies, timeouts) is used.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RecordedRequest } from './index.js';

export interface RecordingServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`; requests keep their path and query. */
  readonly url: string;
  /** Every request received, in order (tests may empty it between cases). */
  readonly requests: RecordedRequest[];
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** JSON when the body says so, a form's fields as an object, other text as is, nothing as undefined. */
function bodyOf(text: string, contentType: string): unknown {
  if (!text) return undefined;
  if (contentType.includes('json')) return JSON.parse(text);
  if (contentType.includes('x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  return text;
}

async function recorded(request: IncomingMessage, origin: string): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const one of Array.isArray(value) ? value : [value ?? '']) headers.append(name, one);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return {
    method: request.method ?? '',
    url: new URL(request.url ?? '/', origin),
    headers,
    body: bodyOf(text, headers.get('content-type') ?? ''),
  };
}

/** Starts a server that answers each request with `respond(request)`; close it when done. */
export async function createRecordingServer(
  respond: (request: RecordedRequest) => Response | Promise<Response>,
): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const state = { origin: '' };
  const server = createServer(async (request, reply) => {
    const seen = await recorded(request, state.origin);
    requests.push(seen);
    // A throwing script answers 500 (its message as the body) rather than leave the client hanging.
    const answer = await Promise.resolve()
      .then(() => respond(seen))
      .catch((error: unknown) => new Response(String(error), { status: 500 }));
    reply.writeHead(answer.status, Object.fromEntries(answer.headers));
    reply.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: state.origin,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
