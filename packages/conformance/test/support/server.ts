/** A loopback HTTP(S) server whose answers a test scripts step by step, counting every request. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * One scripted answer. `reset` destroys the socket; `hang` answers only after `ms`; `stream`
 * sends `bytes` bytes of JSON-ish filler in chunks (no Content-Length unless `declare`) and
 * records in `streams` how many it wrote and whether the client closed the connection first.
 */
export type Step =
  | { status: number; body?: string | Buffer; headers?: Record<string, string> }
  | { reset: true }
  | { hang: number; afterwards: Step }
  | { stream: number; status?: number; declare?: boolean; headers?: Record<string, string> };

/** A step, or a step computed from the request (to echo what the client sent). */
export type Script = Step | ((request: ReceivedRequest) => Step);

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface StreamOutcome {
  /** Bytes written before the stream ended. */
  written: number;
  /** Resolves when the stream ended: `closed` when the client hung up before the end. */
  ended: Promise<'closed' | 'completed'>;
}

export interface ScriptedServer {
  readonly url: string;
  /** Requests received since the last `script()`. */
  readonly requests: ReceivedRequest[];
  /** Streamed answers since the last `script()`. */
  readonly streams: StreamOutcome[];
  /** Answers the next requests with `steps` in order, then `fallback` for every later one. */
  script(steps: Script[], fallback: Script): void;
  close(): Promise<void>;
}

/** Every loop here is bounded: a stream stops at its size, a hang at its timer, close() ends all. */
const CHUNK = Buffer.alloc(64 * 1024, 'x');

export async function startScriptedServer(
  options: { tls?: { key: string; cert: string } } = {},
): Promise<ScriptedServer> {
  let steps: Script[] = [];
  let fallback: Script = { status: 500, body: 'not scripted' };
  const requests: ReceivedRequest[] = [];
  const streams: StreamOutcome[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const stream = (
    step: Extract<Step, { stream: number }>,
    request: IncomingMessage,
    response: ServerResponse,
  ) => {
    const outcome = { written: 0 } as StreamOutcome;
    outcome.ended = new Promise((resolve) => {
      response.writeHead(step.status ?? 200, {
        'content-type': 'application/json',
        ...(step.declare ? { 'content-length': String(step.stream) } : {}),
        ...step.headers,
      });
      let finished = false;
      request.socket.once('close', () => {
        if (!finished) resolve('closed');
      });
      const pump = () => {
        while (outcome.written < step.stream && !response.destroyed) {
          const size = Math.min(CHUNK.length, step.stream - outcome.written);
          outcome.written += size;
          if (!response.write(size === CHUNK.length ? CHUNK : CHUNK.subarray(0, size))) {
            response.once('drain', pump);
            return;
          }
        }
        if (!response.destroyed) {
          finished = true;
          response.end(() => resolve('completed'));
        }
      };
      pump();
    });
    streams.push(outcome);
  };

  const answer = (script: Script, request: IncomingMessage, response: ServerResponse) => {
    const step =
      typeof script === 'function'
        ? script(requests[requests.length - 1] as ReceivedRequest)
        : script;
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
    if ('stream' in step) {
      stream(step, request, response);
      return;
    }
    response.writeHead(step.status, step.headers);
    response.end(step.body ?? '');
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
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
  };
  const server: Server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handle)
    : createServer(handle);
  // Keep-alive sockets would otherwise survive a reset step's neighbours and hold close() open.
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    streams,
    script(next, nextFallback) {
      steps = [...next];
      fallback = nextFallback;
      requests.length = 0;
      streams.length = 0;
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
