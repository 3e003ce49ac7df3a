/**
 * Regression (issue 12, "notFound hard-coding attempts: 1"): a Voximplant get whose answer is a
 * 200 without the subuser was reported by the facade as a NotFoundError with `attempts: 1`, even
 * when the read had been retried. The runner now throws it with the attempts it made. Real HTTP
 * against a loopback server that answers 503 first, then an empty list.
 */
import { NotFoundError } from '@tenantkit/core';
import { throwawayVoximplantKey } from '@tenantkit/mock';
import { json, type ScriptedServer, startScriptedServer } from '@tenantkit/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantkit } from '../src/index.js';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());
/** Answers `failures` 503s, then an empty 200 for every later request. */
const scriptBusy = (failures: number) =>
  server.script(
    Array.from({ length: failures }, () => json(503, { error: { code: 500, msg: 'busy' } })),
    json(200, { result: [] }),
  );
/** The paths that reached the server. */
const received = () => server.requests.map((request) => new URL(request.url, 'http://x').pathname);

const tk = () =>
  createTenantkit({
    voximplant: {
      credentials: throwawayVoximplantKey({ shared: true }).credentials,
      baseUrl: server.url,
    },
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
    scriptBusy(1);
    const error = await notFound();
    expect(received()).toEqual(['/GetSubUsers', '/GetSubUsers']);
    expect(error.attempts).toBe(2);
    expect(error.status).toBe(404);
    expect(error.message).toContain('subuser 109');
  });

  it('at once: attempt 1', async () => {
    scriptBusy(0);
    const error = await notFound();
    expect(received()).toEqual(['/GetSubUsers']);
    expect(error.attempts).toBe(1);
  });
});
