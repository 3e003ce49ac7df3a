/**
 * One loopback HTTP server per provider: request → Prism gate (validation both ways) → the
 * provider's authentication, faults and handler (`pipeline.ts`) → latency → the answer (or a reset
 * connection). Stopping it lets requests in flight finish (`drain.ts`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIPv6 } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { IHttpRequest } from '@stoplight/prism-http';
import type { HandlerContext, ProviderDefinition, SandboxProvider } from './definition.js';
import { InFlight } from './drain.js';
import type { Fault, FaultInjector } from './faults.js';
import { processRequest } from './pipeline.js';
import { createGate, type GateOutcome, type HttpOperation } from './prism-gate.js';
import { Random, type RandomState } from './random.js';
import { RequestRefusal, readInput, send, toHttpResponse, toSandboxRequest } from './wire.js';

/** One request the sandbox served. */
export interface SandboxExchange {
  provider: SandboxProvider;
  method: string;
  path: string;
  /** The spec operation Prism routed it to (absent when none matched). */
  operationId?: string;
  /** The status sent; 0 when the connection was reset instead. */
  status: number;
  fault?: Fault;
}

/** A request or an answer Prism found against the spec. */
export interface SandboxViolation {
  provider: SandboxProvider;
  method: string;
  path: string;
  /** `request`: what the caller sent; `response`: what the sandbox answered (a sandbox bug). */
  side: 'request' | 'response';
  status: number;
  /** Prism's problem document (`validation` lists each violation). */
  problem: Record<string, unknown>;
}

export interface ProviderServerOptions<S extends RandomState, C> {
  definition: ProviderDefinition<S, C>;
  operations: HttpOperation[];
  state: S;
  faults: FaultInjector;
  host: string;
  port: number;
  /** The state changed (a successful create, update or delete). */
  onChange(): void;
  onExchange(exchange: SandboxExchange): void;
  onViolation(violation: SandboxViolation): void;
}

export interface ProviderServer {
  url: string;
  close(): Promise<void>;
}

/** Per request: what the sandbox decided on the way through the gate. */
interface Decisions {
  operationId?: string;
  fault?: Fault;
}

export async function serveProvider<S extends RandomState, C>(
  options: ProviderServerOptions<S, C>,
): Promise<ProviderServer> {
  const { definition, state, faults } = options;
  const provider = definition.provider;
  const decisions = new WeakMap<IHttpRequest, Decisions>();
  const inFlight = new InFlight();

  /** Where this provider is served, as a URL names it; set once the server listens. */
  let host = '';
  const gate = await createGate(options.operations, async (operation, input) => {
    const decided = decisions.get(input) ?? {};
    decided.operationId = operation.iid;
    const context: HandlerContext<S> = { state, random: new Random(state), now: new Date(), host };
    const kind = operation.extensions?.['x-tenantkit-kind'];
    const processed = await processRequest(
      definition,
      faults,
      toSandboxRequest(operation, input),
      context,
      kind,
    );
    if (processed.fault) decided.fault = processed.fault;
    if (processed.changed) options.onChange();
    return toHttpResponse(processed.response);
  });

  /** A request broken on the wire: the caller's fault, answered and recorded like Prism's refusals. */
  function refuse(request: IncomingMessage, reply: ServerResponse, refusal: RequestRefusal) {
    const method = (request.method ?? 'GET').toUpperCase();
    const path = (request.url ?? '/').split('?')[0] as string;
    const problem = {
      type: 'about:blank',
      title: refusal.title,
      status: refusal.status,
      detail: refusal.detail,
    };
    options.onViolation({
      provider,
      method,
      path,
      side: 'request',
      status: refusal.status,
      problem,
    });
    options.onExchange({ provider, method, path, status: refusal.status });
    send(
      reply,
      refusal.status,
      { 'content-type': 'application/problem+json', connection: 'close' },
      problem,
    );
  }

  async function handle(request: IncomingMessage, reply: ServerResponse) {
    let input: IHttpRequest;
    try {
      input = await readInput(request);
    } catch (error) {
      if (error instanceof RequestRefusal) return refuse(request, reply, error);
      throw error;
    }
    const decided: Decisions = {};
    decisions.set(input, decided);
    const outcome: GateOutcome = await gate(input);
    const exchange: SandboxExchange = {
      provider,
      method: input.method.toUpperCase(),
      path: input.url.path,
      ...(decided.operationId && { operationId: decided.operationId }),
      status: outcome.kind === 'answer' ? outcome.response.statusCode : outcome.problem.status,
      ...(decided.fault && { fault: decided.fault }),
    };
    if (outcome.kind !== 'answer') {
      options.onViolation({
        provider,
        method: exchange.method,
        path: exchange.path,
        side: outcome.kind === 'invalid-request' ? 'request' : 'response',
        status: outcome.problem.status,
        problem: outcome.problem.body,
      });
    }
    const delay = faults.latencyMs();
    if (delay > 0) {
      // Ended early only when stop() gave up waiting: the connection is being cut.
      const waited = await sleep(delay, true, { signal: inFlight.signal }).catch(() => false);
      if (!waited) return options.onExchange({ ...exchange, status: 0 });
    }
    if (outcome.kind === 'answer' && decided.fault === 'reset') {
      // The tenant exists now; the caller only learns that its connection died.
      options.onExchange({ ...exchange, status: 0 });
      request.socket.resetAndDestroy();
      return;
    }
    options.onExchange(exchange);
    if (outcome.kind === 'answer') {
      const { statusCode, headers = {}, body } = outcome.response;
      send(reply, statusCode, headers, body);
    } else {
      const { status, headers, body } = outcome.problem;
      if (outcome.kind === 'invalid-response')
        headers['sl-violations'] = JSON.stringify(body.validation ?? [])
          .replace(/[^\x20-\x7e]/g, '?')
          .slice(0, 8000);
      send(reply, status, headers, body);
    }
  }

  const server = createServer((request, reply) => {
    inFlight.track(reply);
    handle(request, reply).catch((error: unknown) => {
      if (reply.writableEnded) return;
      if (!reply.headersSent) {
        reply.statusCode = 500;
        reply.setHeader('content-type', 'text/plain');
      }
      reply.end(`sandbox: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) =>
      reject(
        new Error(
          `sandbox: ${provider} cannot listen on ${options.host}:${options.port}: ${error.message}`,
        ),
      ),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  // An IPv6 address goes in brackets in a URL (`http://[::1]:4020`).
  host = `${isIPv6(options.host) ? `[${options.host}]` : options.host}:${port}`;
  return { url: `http://${host}`, close: () => inFlight.close(server) };
}
