/** A scripted Twilio on 127.0.0.1 (port 0): real HTTP, answers chosen per request, every request kept. */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  /** Path and query as sent. */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Answer =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** The connection is destroyed after the request was read: the caller cannot know the outcome. */
  | { reset: true }
  /** No answer at all (until the server closes). */
  | { hang: true };

export interface Loopback {
  readonly url: string;
  readonly requests: Received[];
  close(): Promise<void>;
}

export async function startLoopback(
  answer: (request: Received, index: number) => Answer | Promise<Answer>,
): Promise<Loopback> {
  const requests: Received[] = [];
  const server = createServer(async (request, reply) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const received: Received = {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(received);
    const step = await answer(received, requests.length - 1);
    if ('hang' in step) return;
    if ('reset' in step) {
      request.socket.destroy();
      return;
    }
    reply.writeHead(step.status, { 'content-type': 'application/json', ...step.headers });
    reply.end(step.body === undefined ? undefined : JSON.stringify(step.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
