/** From the wire to the sandbox and back: Prism's request shape, the handlers' shape, the reply. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IHttpRequest, IHttpResponse } from '@stoplight/prism-http';
import type { SandboxRequest, SandboxResponse } from './definition.js';
import type { HttpOperation } from './prism-gate.js';

function templateParams(template: string, path: string): Record<string, string> {
  const names: string[] = [];
  const pattern = template
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\{([^}]+)\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
  const match = new RegExp(`^${pattern}$`).exec(path);
  return Object.fromEntries(
    names.map((name, index) => [name, decodeURIComponent(match?.[index + 1] ?? '')]),
  );
}

export function toSandboxRequest(operation: HttpOperation, input: IHttpRequest): SandboxRequest {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.url.query ?? {}))
    query[name] = Array.isArray(value) ? (value.at(-1) ?? '') : value;
  return {
    operationId: operation.iid ?? operation.id,
    method: input.method.toUpperCase(),
    path: input.url.path,
    params: templateParams(operation.path, input.url.path),
    query,
    headers: (input.headers ?? {}) as Record<string, string>,
    body: input.body ?? null,
  };
}

/** What leaves is what Prism validates: the body goes through JSON once, as on the wire. */
export function toHttpResponse(response: SandboxResponse): IHttpResponse {
  return {
    statusCode: response.status,
    headers: response.headers ?? {},
    ...(response.body !== undefined && { body: JSON.parse(JSON.stringify(response.body)) }),
  };
}

export async function readInput(request: IncomingMessage): Promise<IHttpRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  let body: unknown = null;
  if (text !== '') {
    try {
      body = /json/i.test(request.headers['content-type'] ?? '') ? JSON.parse(text) : text;
    } catch {
      body = text; // Not JSON after all: Prism reports it against the schema.
    }
  }
  const url = new URL(request.url ?? '/', 'http://sandbox.local');
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    query[name] = values.length === 1 ? (values[0] as string) : values;
  }
  return {
    method: (request.method ?? 'GET').toLowerCase() as IHttpRequest['method'],
    url: { path: url.pathname, query },
    headers: request.headers as Record<string, string>,
    body,
  };
}

export function send(
  reply: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: unknown,
) {
  for (const [name, value] of Object.entries(headers)) reply.setHeader(name, value);
  reply.statusCode = status;
  reply.end(body === undefined ? undefined : JSON.stringify(body));
}
