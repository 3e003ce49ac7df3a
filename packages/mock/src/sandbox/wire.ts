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

/** Bodies above this are refused unread (413): no sub-account API takes more than a few KB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A request refused before it reaches Prism: the wire itself is broken or oversized. */
export class RequestRefusal extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Reads the body up to MAX_BODY_BYTES; the rest is drained and dropped, never held in memory. */
async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES)
    throw new RequestRefusal(
      413,
      'Payload Too Large',
      `The request body has ${size} bytes; the sandbox takes at most ${MAX_BODY_BYTES}.`,
    );
  return Buffer.concat(chunks).toString('utf8');
}

export async function readInput(request: IncomingMessage): Promise<IHttpRequest> {
  const text = await readBody(request);
  let body: unknown = null;
  if (text !== '') {
    try {
      body = /json/i.test(request.headers['content-type'] ?? '') ? JSON.parse(text) : text;
    } catch {
      body = text; // Not JSON after all: Prism reports it against the schema.
    }
  }
  const url = new URL(request.url ?? '/', 'http://sandbox.local');
  try {
    decodeURIComponent(url.pathname);
  } catch {
    throw new RequestRefusal(
      400,
      'Bad Request',
      'The request path has a malformed percent-encoding (a % not followed by a UTF-8 byte sequence).',
    );
  }
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
