/**
 * The client's and the call's options as a user meets them: each bad value refused with the exact
 * message naming the option and the rule, each edge value that is allowed accepted, and the call's
 * extra headers on the wire (a loopback server), never replacing an authentication header.
 */

import { json, type ScriptedServer, startScriptedServer } from '@tenantkit/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError, type CoreOptions, ValidationError } from '../src/index.js';
import { attemptAt, failureOf, makeRunner, read } from './support/runner-harness.js';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const thing = () => attemptAt(`${server.url}/things/1`);

describe("a client's options: the message names the option and the rule", () => {
  const positive = 'must be a positive whole number (or Infinity for no limit).';
  it.each([
    [
      { timeoutMs: 0 },
      '`timeoutMs` must be a positive number of milliseconds (or Infinity for none).',
    ],
    [{ maxRetries: 1.5 }, '`maxRetries` must be a whole number, 0 or more (0 disables retries).'],
    [{ retryDelay: { initialMs: -1 } }, '`retryDelay.initialMs` must be 0 or more milliseconds.'],
    [{ retryDelay: { maxMs: Number.NaN } }, '`retryDelay.maxMs` must be 0 or more milliseconds.'],
    [
      { retryDelay: { rateLimitedMs: Number.POSITIVE_INFINITY } },
      '`retryDelay.rateLimitedMs` must be 0 or more milliseconds.',
    ],
    [{ retryDelay: { initialMs: '5' } }, '`retryDelay.initialMs` must be 0 or more milliseconds.'],
    [{ maxResponseBytes: 0 }, `\`maxResponseBytes\` ${positive}`],
    [{ maxResponseBytes: -1 }, `\`maxResponseBytes\` ${positive}`],
    [{ maxResponseBytes: 1.5 }, `\`maxResponseBytes\` ${positive}`],
    [{ maxResponseBytes: Number.NaN }, `\`maxResponseBytes\` ${positive}`],
    [{ maxPages: 0 }, `\`maxPages\` ${positive}`],
    [{ maxPages: -Infinity }, `\`maxPages\` ${positive}`],
    [{ maxConcurrency: 1.5 }, '`maxConcurrency` must be a positive whole number when set.'],
    [{ maxConcurrency: -1 }, '`maxConcurrency` must be a positive whole number when set.'],
    [{ maxRequestsPerSecond: -2 }, '`maxRequestsPerSecond` must be a positive number when set.'],
    [
      { maxRequestsPerSecond: Number.POSITIVE_INFINITY },
      '`maxRequestsPerSecond` must be a positive number when set.',
    ],
  ])('%j', (options, message) => {
    const make = () => makeRunner(options as CoreOptions);
    expect(make).toThrow(ConfigurationError);
    expect(make).toThrow(`test: ${message}`);
  });

  it.each([
    [{ timeoutMs: Number.POSITIVE_INFINITY }],
    [{ maxRetries: 0 }],
    [{ retryDelay: { initialMs: 0, maxMs: 0, rateLimitedMs: 0 } }],
    [{ maxResponseBytes: Number.POSITIVE_INFINITY }],
    [{ maxResponseBytes: 1 }],
    [{ maxPages: Number.POSITIVE_INFINITY }],
    [{ maxPages: 1 }],
    [{ maxConcurrency: 0 }],
    [{ maxConcurrency: 1 }],
    [{ maxRequestsPerSecond: 0 }],
    [{ maxRequestsPerSecond: 0.5 }],
  ])('%j is accepted', (options) => {
    expect(() => makeRunner(options as CoreOptions)).not.toThrow();
  });

  it('maxPages is what the runner reports to list walks', () => {
    expect(makeRunner({ maxPages: 7 }).maxPages).toBe(7);
    expect(makeRunner({}).maxPages).toBe(1_000);
  });
});

describe("a call's options: a ValidationError naming the field and the rule, nothing sent", () => {
  const headersMessage =
    'must map valid header names to string values without line breaks (values not shown)';
  it.each([
    ['an array', [], 'options', 'object', 'must be an object of call options'],
    ['a string', 'fast', 'options', 'object', 'must be an object of call options'],
    ['a null signal', { signal: null }, 'options.signal', 'abort-signal', 'must be an AbortSignal'],
    [
      'a signal of the wrong kind',
      { signal: {} },
      'options.signal',
      'abort-signal',
      'must be an AbortSignal',
    ],
    [
      'one header value that is a number',
      { headers: { 'x-a': 'ok', 'x-b': 1 } },
      'options.headers',
      'headers',
      headersMessage,
    ],
    [
      'a header name with a space',
      { headers: { 'x a': 'ok' } },
      'options.headers',
      'headers',
      headersMessage,
    ],
  ])('%s', async (_name, call, field, rule, message) => {
    server.script([json(200, {})]);
    const error = await failureOf(makeRunner().run(read, thing(), { call: call as never }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'test', operation: 'getThing', field, rule });
    expect(error.message).toContain(message);
    expect(server.requests).toHaveLength(0);
  });

  it.each(['authorization', 'Authorization', 'AUTHORIZATION'])(
    'a call header "%s" may not replace the authentication header',
    async (name) => {
      server.script([json(200, {})]);
      const error = await failureOf(
        makeRunner().run(read, thing(), { call: { headers: { [name]: 'Bearer mine' } } }),
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: `options.headers.${name}`, rule: 'reserved-header' });
      expect(error.message).toContain('cannot be set per call: the client sets it to authenticate');
      expect(server.requests).toHaveLength(0);
    },
  );

  it('other call headers go on the wire beside the authentication header', async () => {
    server.script([json(200, {})]);
    await makeRunner().run(read, thing(), { call: { headers: { 'X-Trace': 't-1' } } });
    expect(server.requests[0]?.headers['x-trace']).toBe('t-1');
    expect(server.requests[0]?.headers.authorization).toMatch(/^Bearer /);
  });

  it('a per-call maxRetries and timeoutMs are checked with the same messages', async () => {
    await expect(makeRunner().run(read, thing(), { call: { maxRetries: -1 } })).rejects.toThrow(
      'test: `maxRetries` must be a whole number, 0 or more (0 disables retries).',
    );
    await expect(makeRunner().run(read, thing(), { call: { timeoutMs: -1 } })).rejects.toThrow(
      'test: `timeoutMs` must be a positive number of milliseconds (or Infinity for none).',
    );
  });
});
