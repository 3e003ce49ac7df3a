/** A loopback HTTP server whose answers a test scripts step by step, counting every request. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer. `reset` destroys the socket; `hang` answers only after `ms`. */
export type Step =
  | { status: number; body?: string; headers?: Record<string, string> }
  | { reset: true }
  | { hang: number; afterwards: Step };

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface ScriptedServer {
  readonly url: string;
  /** Requests received since the last `script()`. */
  readonly requests: ReceivedRequest[];
  /** Answers the next requests with `steps` in order, then `fallback` for every later one. */
  script(steps: Step[], fallback: Step): void;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  let steps: Step[] = [];
  let fallback: Step = { status: 500, body: 'not scripted' };
  const requests: ReceivedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const answer = (step: Step, request: IncomingMessage, response: ServerResponse) => {
    if ('reset' in step) {
      request.socket.destroy();
      return;
    }
    if ('hang' in step) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!response.destroyed) answer(step.afterwards, request, response);
      }, step.hang);
      timers.add(timer);
      return;
    }
    response.writeHead(step.status, step.headers);
    response.end(step.body ?? '');
  };

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      answer(steps.shift() ?? fallback, request, response);
    });
  });
  // Keep-alive sockets would otherwise survive a reset step's neighbours and hold close() open.
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(next, nextFallback) {
      steps = [...next];
      fallback = nextFallback;
      requests.length = 0;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback port nothing listens on (bound, then released), for "connection refused". */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
