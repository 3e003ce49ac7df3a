/**
 * The rate limit on the wire: requests to a loopback server, and the client's event loop blocked
 * for a while mid-run (as a slow answer being parsed, a GC pause or a loaded machine does). The
 * requests are counted per window at the moment the client hands them to the network: that is
 * what the limiter decides. (The server's arrival times add the machine's jitter: on a loaded
 * machine loopback arrivals bunched by 100 ms and more, so the server counts them, not times.)
 * Bounded: 40 requests, one 400 ms stall, 10 s deadline.
 */
import {
  json,
  mostInWindow,
  type ScriptedServer,
  startScriptedServer,
} from '@tenantkit/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FetchLike, Redactor, Runner } from '../src/index.js';
import { attemptAt, read } from './support/runner-harness.js';

const RATE = 20;
const REQUESTS = 40;
/** How late a send may come after its turn on a loaded machine (measured: up to ~70 ms). */
const JITTER_MS = 150;

let server: ScriptedServer;
let url: string;

beforeAll(async () => {
  server = await startScriptedServer();
  server.script([json(200, { ok: true })]);
  url = `${server.url}/things/1`;
});

afterAll(() => server.close());

/** Blocks this process's event loop, as a long synchronous task does. */
function blockEventLoop(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {}
}

describe('maxRequestsPerSecond over loopback HTTP', () => {
  it('a stalled event loop does not make a burst past the window at the server (regression)', async () => {
    const sentAt: number[] = [];
    const fetch: FetchLike = (request, init) => {
      sentAt.push(performance.now());
      return globalThis.fetch(request, init);
    };
    const runner = new Runner(
      { provider: 'test' },
      { fetch, maxRequestsPerSecond: RATE, timeoutMs: 10_000 },
      new Redactor([]),
    );
    const all = Promise.all(
      Array.from({ length: REQUESTS }, () => runner.run(read, attemptAt(url))),
    );
    // Stall once a few requests are through: the ones that fall due meanwhile wait for it.
    while (server.requests.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    blockEventLoop(400);
    await all;
    expect(server.requests).toHaveLength(REQUESTS);
    // The scheduled-start throttle sent the 8 that fell due during the stall at once: 25 to 31
    // in one second. Counted in windows of JITTER_MS less than a second: a loaded machine may
    // deschedule the process between a request's turn and its send, and that is not a burst.
    expect(mostInWindow(sentAt, 1000 - JITTER_MS)).toBeLessThanOrEqual(RATE);
  }, 10_000);
});
