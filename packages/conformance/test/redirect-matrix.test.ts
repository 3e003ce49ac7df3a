/**
 * Redirect matrix: {301, 302, 303, 307, 308} × {same origin, another origin, https → http} ×
 * every provider × {read, create}. A provider API never redirects, so a client never follows:
 * the place the redirect points to receives nothing at all (no credential, no body), and the
 * caller gets a RedirectError naming only the target's origin (a create's outcome is unknown).
 * The raw openapi-fetch clients do not follow either: the 3xx comes back as it is.
 */
import { inspect } from 'node:util';
import { type FetchLike, RedirectError } from '@tenantkit/core';
import { type ScriptedServer, startScriptedServer } from '@tenantkit/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters, CANARY } from './support/adapters.js';
import { CELLS, missingCells } from './support/cells.js';
import { closeTls, tls, trustingFetch } from './support/tls.js';

const STATUSES = [301, 302, 303, 307, 308] as const;
const ROUTES = ['same origin', 'another origin', 'https → http'] as const;
/** In the Location's path and query: neither may reach the caller's error. */
const LOCATION_SECRET = 'location-token-5f0c2a9e';

let first: ScriptedServer;
let firstTls: ScriptedServer;
let second: ScriptedServer;

beforeAll(async () => {
  [first, firstTls, second] = await Promise.all([
    startScriptedServer(),
    startScriptedServer({ tls }),
    startScriptedServer(),
  ]);
});

afterAll(async () => {
  await Promise.all([first.close(), firstTls.close(), second.close()]);
  await closeTls();
});

/** Where the client sends its request, where the redirect points, and the fetch it uses. */
function route(name: (typeof ROUTES)[number]): {
  origin: ScriptedServer;
  target: ScriptedServer;
  fetch?: FetchLike;
} {
  if (name === 'same origin') return { origin: first, target: first };
  if (name === 'another origin') return { origin: first, target: second };
  return { origin: firstTls, target: second, fetch: trustingFetch };
}

const cells = adapters.flatMap((adapter) =>
  STATUSES.flatMap((status) =>
    ROUTES.flatMap((name) =>
      (['read', 'create'] as const).map((op) => ({ adapter, status, name, op })),
    ),
  ),
);

describe('redirect matrix', () => {
  it.each(cells)(
    '$adapter.provider $op: $status to $name',
    async ({ adapter, status, name, op }) => {
      const { origin, target, fetch } = route(name);
      const location = `${target.url}/landing/${LOCATION_SECRET}?token=${LOCATION_SECRET}`;
      const ok = JSON.stringify(op === 'read' ? adapter.readOk : adapter.createOk);
      const success = { status: 200, body: ok, headers: { 'content-type': 'application/json' } };
      origin.script([{ status, headers: { location } }], success);
      if (target !== origin) target.script([], success);
      const { client, ...calls } = adapter.make({
        baseUrl: origin.url,
        retryDelay: { initialMs: 1, maxMs: 5 },
        timeoutMs: 5_000,
        ...(fetch && { fetch }),
      });

      const error = await calls[op]().then(
        () => undefined,
        (caught: unknown) => caught,
      );

      // Nothing reached the redirect's target: not a credential, not a body, not a request.
      expect(origin.requests).toHaveLength(1);
      if (target !== origin) expect(target.requests).toEqual([]);
      expect(error).toBeInstanceOf(RedirectError);
      const redirect = error as RedirectError;
      expect(redirect.status).toBe(status);
      expect(redirect.attempts).toBe(1);
      expect(redirect.outcomeUnknown).toBe(op === 'create');
      expect(redirect.locationOrigin).toBe(target.url);
      expect(redirect.message).toContain(target.url);
      for (const text of [redirect.message, JSON.stringify(redirect), inspect(redirect)]) {
        expect(text).not.toContain(LOCATION_SECRET);
        expect(text).not.toContain('/landing');
        expect(text).not.toContain(CANARY.inputSecret);
      }
      expect(inspect(client)).not.toContain(LOCATION_SECRET);
    },
  );
});

describe('raw clients never follow a redirect either', () => {
  // Each provider's `redirect` cell (test/cells/<provider>.ts): its raw client's create POST.
  const raws = CELLS.map((cells) => ({ provider: cells.provider, call: cells.redirect.raw }));

  it('cover every provider of the registry', () => {
    expect(missingCells(), 'providers without test/cells/<provider>.ts').toEqual([]);
  });

  it.each(raws.flatMap((raw) => ([302, 307] as const).map((status) => ({ ...raw, status }))))(
    '$provider raw POST answered $status to another origin',
    async ({ call, status }) => {
      first.script([{ status, headers: { location: `${second.url}/landing` } }], { status: 500 });
      second.script([], {
        status: 200,
        body: '{}',
        headers: { 'content-type': 'application/json' },
      });
      const { response } = await call(first.url);
      expect(response.status).toBe(status);
      expect(first.requests).toHaveLength(1);
      expect(second.requests).toEqual([]);
    },
  );
});
