/**
 * A scripted HTTP server on 127.0.0.1 (port 0) for the runner's tests: it answers each request
 * with the next step of a script (the last step repeats) and records what it received. A `hang`
 * step never answers; `close()` ends every connection, so nothing outlives the test file.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export type Step =
  | { status: number; body?: string; headers?: Record<string, string> }
  | { hang: true }
  | { reset: true };

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Loopback {
  /** The server's base URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Requests received since the last `script()`. */
  readonly requests: Received[];
  /** Answers the next requests with `steps` in order; the last step answers every later one. */
  script(...steps: Step[]): void;
  close(): Promise<void>;
}

/** A JSON answer. */
export const json = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Step => ({
  status,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});

export async function startLoopback(): Promise<Loopback> {
  let steps: Step[] = [json(500, { error: 'not scripted' })];
  const requests: Received[] = [];
  const hanging = new Set<ServerResponse>();
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
      const step = steps[Math.min(requests.length - 1, steps.length - 1)] as Step;
      if ('reset' in step) request.socket.destroy();
      else if ('hang' in step) hanging.add(response);
      else {
        response.writeHead(step.status, step.headers);
        response.end(step.body ?? '');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(...next: Step[]) {
      steps = next;
      requests.length = 0;
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
