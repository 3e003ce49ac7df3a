/**
 * Regression (issue 12, "notFound hard-coding attempts: 1"): a Voximplant get whose answer is a
 * 200 without the subuser was reported by the facade as a NotFoundError with `attempts: 1`, even
 * when the read had been retried. The runner now throws it with the attempts it made. Real HTTP
 * against a loopback server that answers 503 first, then an empty list.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NotFoundError } from '@tenantkit/core';
import { throwawayVoximplantKey } from '@tenantkit/mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTenantkit } from '../src/index.js';

let server: Server;
let baseUrl: string;
/** How many 503s to answer before the empty 200. */
let failuresLeft = 0;
const received: string[] = [];
beforeAll(async () => {
  server = createServer((request, response) => {
    received.push(new URL(request.url ?? '/', 'http://x').pathname);
    const failing = failuresLeft > 0;
    failuresLeft -= 1;
    response.writeHead(failing ? 503 : 200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(failing ? { error: { code: 500, msg: 'busy' } } : { result: [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  received.length = 0;
});

const tk = () =>
  createTenantkit({
    voximplant: { credentials: throwawayVoximplantKey().credentials, baseUrl },
    retryDelay: { initialMs: 1, maxMs: 1 },
  });

async function notFound(): Promise<NotFoundError> {
  const error = await tk()
    .subaccounts.get('voximplant', '109')
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(NotFoundError);
  return error as NotFoundError;
}

describe('a read by id that finds nothing reports the attempts it made', () => {
  it('after one 503, the empty 200 is attempt 2', async () => {
    failuresLeft = 1;
    const error = await notFound();
    expect(received).toEqual(['/GetSubUsers', '/GetSubUsers']);
    expect(error.attempts).toBe(2);
    expect(error.status).toBe(404);
    expect(error.message).toContain('subuser 109');
  });

  it('at once: attempt 1', async () => {
    failuresLeft = 0;
    const error = await notFound();
    expect(received).toEqual(['/GetSubUsers']);
    expect(error.attempts).toBe(1);
  });
});
