/**
 * A scripted HTTP(S) server on 127.0.0.1 (port 0) for tests: it answers each request with the next
 * step of a script, records every request, and `close()` frees everything it holds (connections,
 * timers), so nothing outlives the test file. Every loop is bounded: a stream stops at its size, a
 * hang at its timer or at close().
 */
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { json, type ReceivedRequest, type Script, type Step } from './steps.js';

export interface StreamOutcome {
  /** Bytes written so far (all of them once the stream completed). */
  written: number;
  /** Resolves when the stream ended: `closed` when the client hung up before the end. */
  ended: Promise<'closed' | 'completed'>;
}

export interface ScriptedServerOptions {
  /** Serve HTTPS with this key and certificate (e.g. a throwaway self-signed one). */
  tls?: { key: string; cert: string };
  /**
   * How long an idle connection is kept open for the next request, in ms. Default 1: the client is
   * told not to reuse connections, so each request has its own socket and a `reset` or `hang`
   * touches no other request. Node's own default is 5000.
   */
  keepAliveTimeoutMs?: number;
}

export interface ScriptedServer {
  /** The base URL, e.g. `http://127.0.0.1:40123` (`https://` with `tls`). */
  readonly url: string;
  /** Requests received since the last `script()`, in order. */
  readonly requests: ReceivedRequest[];
  /** Streamed answers since the last `script()`, in order. */
  readonly streams: StreamOutcome[];
  /**
   * Answers the next requests with `steps` in order, then `fallback` for every later one (without
   * a fallback, the last step repeats). Forgets the requests and streams recorded so far. Before the
   * first call every request gets a 500 JSON answer `{"error":"not scripted"}`.
   */
  script(steps: readonly Script[], fallback?: Script): void;
  /** Stops listening, ends every connection and pending timer; resolves when the server is closed. */
  close(): Promise<void>;
}

const NOT_SCRIPTED = json(500, { error: 'not scripted' });
const CHUNK = Buffer.alloc(64 * 1024, 'x');

export async function startScriptedServer(
  options: ScriptedServerOptions = {},
): Promise<ScriptedServer> {
  let steps: readonly Script[] = [];
  let fallback: Script | undefined = NOT_SCRIPTED;
  const requests: ReceivedRequest[] = [];
  const streams: StreamOutcome[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const scriptFor = (index: number): Script =>
    steps[index] ?? fallback ?? steps[steps.length - 1] ?? NOT_SCRIPTED;

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

  const perform = (step: Step, request: IncomingMessage, response: ServerResponse): void => {
    if ('reset' in step) {
      request.socket.destroy();
    } else if ('hang' in step) {
      if (step.hang === true) return; // close() ends the connection
      const { afterwards } = step;
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!response.destroyed) perform(afterwards, request, response);
      }, step.hang);
      timers.add(timer);
    } else if ('stream' in step) {
      stream(step, request, response);
    } else {
      response.writeHead(step.status, step.headers);
      response.end(step.body ?? '');
    }
  };

  const answer = async (
    script: Script,
    received: ReceivedRequest,
    index: number,
  ): Promise<Step> => {
    if (typeof script !== 'function') return script;
    try {
      return await script(received, index);
    } catch (error) {
      // Rather than leave the client waiting for an answer that never comes.
      return { status: 500, body: String(error), headers: { 'content-type': 'text/plain' } };
    }
  };

  const handle: RequestListener = (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received: ReceivedRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const index = requests.push(received) - 1;
      void answer(scriptFor(index), received, index).then((step) =>
        perform(step, request, response),
      );
    });
  };

  const server: Server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handle)
    : createServer(handle);
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 1;
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
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
