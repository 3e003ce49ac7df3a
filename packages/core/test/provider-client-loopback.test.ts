/**
 * What a provider package builds from core, against a scripted loopback server: the shared
 * construction (`createProviderClient`: redactor, runner, the openapi-fetch client's options) and
 * declared methods (`operationMethod`: input checked before anything is sent, the wire input
 * logged redacted, the answer read as declared).
 */

import { json, type ScriptedServer, startScriptedServer } from '@tenantkit/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  createProviderClient,
  InvalidResponseError,
  NotFoundError,
  type OpenApiClientOptions,
  operationMethod,
  type ProviderClientSetup,
  Redactor,
  type SendInit,
  ValidationError,
} from '../src/index.js';
import { create, failureOf, read } from './support/runner-harness.js';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const TOKEN = 'tok-provider-client-0123456789';

/** A stand-in for openapi-fetch's createClient: GET/POST a path on the base URL through `fetch`. */
function miniClient(options: OpenApiClientOptions) {
  const call = async <T = unknown>(
    method: string,
    path: string,
    init: Partial<SendInit> = {},
    body?: unknown,
  ) => {
    const headers = new Headers(options.headers);
    for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name, value);
    const request = new Request(`${options.baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const response = await (init.fetch ?? options.fetch)(request);
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : undefined;
    const result: { data?: T; error?: unknown; response: Response } = response.ok
      ? { data: parsed as T, response }
      : { error: parsed, response };
    return result;
  };
  return { options, call };
}

function setup(extra: Partial<ProviderClientSetup<ReturnType<typeof miniClient>>> = {}) {
  return createProviderClient({
    protocol: { provider: 'test' },
    options: { maxRetries: 0, timeoutMs: 5_000 },
    baseUrl: server.url,
    secrets: [TOKEN],
    authHeaders: { authorization: `Bearer ${TOKEN}` },
    createClient: miniClient,
    ...extra,
  });
}

describe('createProviderClient', () => {
  it("hands createClient the base URL, the runner's fetch and the auth headers; nothing else unasked", () => {
    const { api, runner, clientOptions } = setup();
    expect(api.options).toBe(clientOptions);
    expect(clientOptions).toEqual({
      baseUrl: server.url,
      fetch: runner.fetch,
      redirect: 'manual',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
  });

  it('passes a query serializer on when one is given', () => {
    const querySerializer = () => 'a=1';
    expect(setup({ querySerializer }).clientOptions.querySerializer).toBe(querySerializer);
  });

  it('the raw client sends the auth headers and never follows a redirect', async () => {
    server.script([{ status: 307, headers: { location: `${server.url}/elsewhere` } }]);
    const { api } = setup();
    const result = await api.call('GET', '/things/1');
    expect(result.response.status).toBe(307);
    expect(server.requests.map((request) => request.url)).toEqual(['/things/1']);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("the runner's calls carry the auth headers, which a per-call header cannot replace", async () => {
    server.script([json(200, { id: 't1' })]);
    const { runner, api } = setup();
    await runner.run(read, (init) => api.call('GET', '/things/1', init));
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const error = await failureOf(
      runner.run(read, (init) => api.call('GET', '/things/1', init), {
        call: { headers: { Authorization: 'Bearer other' } },
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ rule: 'reserved-header' });
  });

  it('the auth headers are copied: changing the object given later changes nothing sent', async () => {
    server.script([json(200, { id: 't1' })]);
    const authHeaders = { authorization: `Bearer ${TOKEN}` };
    const { runner, api } = setup({ authHeaders });
    authHeaders.authorization = 'Bearer changed';
    await runner.run(read, (init) => api.call('GET', '/things/1', init));
    await api.call('GET', '/things/2');
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
    ]);
  });

  it("without fixed auth headers, the protocol's own are used", async () => {
    server.script([json(200, { id: 't1' })]);
    const { runner, api, clientOptions } = setup({
      authHeaders: undefined,
      protocol: { provider: 'test', authHeaders: () => ({ 'x-auth-token': TOKEN }) },
    });
    expect('headers' in clientOptions).toBe(false);
    await runner.run(read, (init) => api.call('GET', '/things/1', init));
    expect(server.requests[0]?.headers['x-auth-token']).toBe(TOKEN);
  });

  it('the credentials are scrubbed from errors; a redactor given is the one used', async () => {
    server.script([json(400, { message: `bad token ${TOKEN}` })]);
    const { runner, api } = setup();
    const error = await failureOf(runner.run(read, (init) => api.call('GET', '/things/1', init)));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toContain('bad token [REDACTED]');
    const redactor = new Redactor(['other-secret-987654321']);
    const built = setup({ redactor });
    expect(built.redactor).toBe(redactor);
    expect(built.runner.redactor).toBe(redactor);
  });
});

describe('operationMethod', () => {
  interface Wire {
    name: string;
    password?: string;
  }
  function methods() {
    return setup();
  }

  it('sends the prepared wire input and reads the answer as declared', async () => {
    server.script([json(201, { thing: { id: 't1', name: 'Acme' } })]);
    const { runner, api } = methods();
    const createThing = operationMethod(runner, {
      operation: create,
      prepare: (input: { name: string }): Wire => ({ name: input.name.trim() }),
      send: (init, wire) => api.call<{ thing?: { id: string } }>('POST', '/things', init, wire),
      answer: {
        unwrap: (data: unknown) => (data as { thing?: { id: string } }).thing,
        expects: 'the thing',
      },
    });
    await expect(createThing({ name: ' Acme ' })).resolves.toEqual({ id: 't1', name: 'Acme' });
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ name: 'Acme' });
  });

  it('without prepare, the input is sent as it is; without answer, the data comes back whole', async () => {
    server.script([json(200, { ok: true })]);
    const { runner, api } = methods();
    const send = operationMethod(runner, {
      operation: create,
      send: (init, wire: Wire) => api.call('POST', '/things', init, wire),
    });
    await expect(send({ name: 'x' })).resolves.toEqual({ ok: true });
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ name: 'x' });
  });

  it('a prepare that refuses the input: the error, and nothing sent', async () => {
    server.script([json(200, {})]);
    const { runner, api } = methods();
    const refusing = operationMethod(runner, {
      operation: create,
      prepare: (): Wire => {
        throw new ValidationError({
          provider: 'test',
          operation: 'createThing',
          field: 'name',
          rule: 'required',
          message: 'is required',
        });
      },
      send: (init, wire) => api.call('POST', '/things', init, wire),
    });
    const error = await failureOf(refusing({}));
    expect(error).toMatchObject({ field: 'name', rule: 'required' });
    expect(server.requests).toHaveLength(0);
  });

  it('an answer declared per input (a read by id): another record is a NotFoundError', async () => {
    server.script([json(200, { id: 'other' })]);
    const { runner, api } = methods();
    const getThing = operationMethod(runner, {
      operation: read,
      prepare: (id: string) => id,
      send: (init, id) => api.call<{ id?: string }>('GET', `/things/${id}`, init),
      answer: (id: string) => ({
        unwrap: (data: unknown) => data as { id?: string },
        found: (thing: { id?: string }) => thing.id === id,
        subject: `thing ${id}`,
      }),
    });
    const error = await failureOf(getThing('t1'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toMatch(/does not hold thing t1$/);
    expect(server.requests[0]?.url).toBe('/things/t1');
  });

  it('the call options reach the runner (a per-call header on the wire)', async () => {
    server.script([json(200, {})]);
    const { runner, api } = methods();
    const send = operationMethod(runner, {
      operation: read,
      send: (init) => api.call('GET', '/things', init),
    });
    await send(undefined, { headers: { 'x-trace': 'abc' } });
    expect(server.requests[0]?.headers['x-trace']).toBe('abc');
  });

  it('the wire input is logged redacted, and its secrets are scrubbed from then on; logInput false keeps it out', async () => {
    const logged: unknown[] = [];
    const build = (logInput: boolean | undefined) => {
      const { runner, api } = createProviderClient({
        protocol: { provider: 'test' },
        options: {
          maxRetries: 0,
          logger: { debug: (message, details) => void logged.push([message, details?.body]) },
        },
        baseUrl: server.url,
        authHeaders: { authorization: `Bearer ${TOKEN}` },
        createClient: miniClient,
      });
      return operationMethod(runner, {
        operation: create,
        send: (init, wire: Wire) => api.call('POST', '/things', init, wire),
        ...(logInput === undefined ? {} : { logInput }),
      });
    };
    const password = 'pw-echoed-by-provider-42';
    server.script([json(400, { message: `rejected ${password}` })]);
    const logging = await failureOf(build(undefined)({ name: 'a', password }));
    expect(logged[0]).toEqual(['tenantkit request', { name: 'a', password: '[REDACTED]' }]);
    expect(logging.message).toContain('rejected [REDACTED]');

    logged.length = 0;
    server.script([json(400, { message: 'rejected' })]);
    await failureOf(build(false)({ name: 'a', password }));
    expect(logged[0]).toEqual(['tenantkit request', undefined]);
  });
});

describe('an answer that is not what the method declared', () => {
  it('is an InvalidResponseError naming what it expected', async () => {
    server.script([json(200, { other: 1 })]);
    const { runner, api } = setup();
    const getThing = operationMethod(runner, {
      operation: read,
      send: (init) => api.call<{ thing?: unknown }>('GET', '/things/1', init),
      answer: {
        unwrap: (data: unknown) => (data as { thing?: unknown }).thing,
        expects: 'the `thing` field',
      },
    });
    const error = await failureOf(getThing(undefined));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain('the answer lacks the `thing` field');
  });
});
