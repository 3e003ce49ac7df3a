import { createRecordingFetch } from '@tenantkit/mock';
import { describe, expect, it } from 'vitest';
import { createSynthflowClient, type SynthflowClient } from '../src/index.js';

const API_KEY = 'sk-canary-unit-1234567890';
const ID = '1726005822670x239735712159542050';

function clientAnswering(body: unknown, status = 200) {
  const recorder = createRecordingFetch(() => Response.json(body, { status }));
  const client = createSynthflowClient({
    apiKey: API_KEY,
    baseUrl: 'https://synthflow.test/v2',
    fetch: recorder.fetch,
  });
  return { client, requests: recorder.requests };
}

interface Row {
  name: string;
  call: (client: SynthflowClient) => Promise<unknown>;
  method: string;
  path: string;
  body?: unknown;
  answer: unknown;
  expected: unknown;
}

const rows: Row[] = [
  {
    name: 'create',
    call: (c) =>
      c.subaccounts.create({
        subaccount_name: 'Acme',
        user_email: 'a@acme.test',
        grant_permissions: ['inbound'],
      }),
    method: 'POST',
    path: '/v2/subaccounts',
    body: { subaccount_name: 'Acme', user_email: 'a@acme.test', grant_permissions: ['inbound'] },
    answer: { status: 'ok', response: { subaccount_id: ID, api_key: 'new-key' } },
    expected: { subaccount_id: ID, api_key: 'new-key' },
  },
  {
    name: 'get',
    call: (c) => c.subaccounts.get(ID),
    method: 'GET',
    path: `/v2/subaccounts/${ID}`,
    answer: { status: 'ok', response: { subaccounts: [{ subaccount_id: ID, name: 'Acme' }] } },
    expected: { subaccounts: [{ subaccount_id: ID, name: 'Acme' }] },
  },
  {
    name: 'list (trailing slash)',
    call: (c) => c.subaccounts.list(),
    method: 'GET',
    path: '/v2/subaccounts/',
    answer: { status: 'success', response: { subaccounts: [] } },
    expected: { subaccounts: [] },
  },
  {
    name: 'update',
    call: (c) =>
      c.subaccounts.update(ID, {
        max_minutes: null,
        operation_type: 'import',
        products: { phone_numbers: [{ number: '+12065550123' }] },
      }),
    method: 'PUT',
    path: `/v2/subaccounts/${ID}`,
    body: {
      max_minutes: null,
      operation_type: 'import',
      products: { phone_numbers: [{ number: '+12065550123' }] },
    },
    answer: { status: 'ok', response: { subaccount_id: ID } },
    expected: { subaccount_id: ID },
  },
  {
    name: 'delete',
    call: (c) => c.subaccounts.delete(ID),
    method: 'DELETE',
    path: `/v2/subaccounts/${ID}`,
    answer: { status: 'ok', response: { answer: 'Subaccount deleted.' } },
    expected: { answer: 'Subaccount deleted.' },
  },
];

describe('synthflow client: each operation sends the right request', () => {
  it.each(rows)('$name', async (row) => {
    const { client, requests } = clientAnswering(row.answer);
    await expect(row.call(client)).resolves.toEqual(row.expected);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe(row.method);
    expect(request?.url.pathname).toBe(row.path);
    expect(request?.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
    expect(request?.body).toEqual(row.body);
    expect(request?.headers.get('content-type')).toBe(
      row.body === undefined ? null : 'application/json',
    );
  });
});

describe('synthflow client: construction', () => {
  it.each([undefined, '', '   '])('rejects a missing or blank apiKey (%j)', (apiKey) => {
    expect(() => createSynthflowClient({ apiKey: apiKey as string })).toThrow(
      /`apiKey` is required and must not be blank/,
    );
  });

  it('a key pasted with a line break is sent trimmed, and an echo of it is still redacted (regression)', async () => {
    const recorder = createRecordingFetch(() =>
      Response.json({ detail: `Invalid API key ${API_KEY}` }, { status: 401 }),
    );
    const client = createSynthflowClient({
      apiKey: `${API_KEY}\n`,
      baseUrl: 'https://synthflow.test',
      fetch: recorder.fetch,
    });
    const error = await client.subaccounts.list().catch((e: unknown) => e);
    expect(recorder.requests[0]?.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
    expect((error as Error).message).toContain('Invalid API key [REDACTED]');
    expect(JSON.stringify(error)).not.toContain(API_KEY);
  });

  it('rejects a key holding a space or control character, without quoting it', () => {
    expect(() => createSynthflowClient({ apiKey: 'sk-two words-123' })).toThrow(/visible ASCII/);
    expect(() => createSynthflowClient({ apiKey: 'sk-two words-123' })).not.toThrow(/two words/);
  });

  it('picks the server by region, and baseUrl wins', () => {
    expect(createSynthflowClient({ apiKey: API_KEY }).baseUrl).toBe('https://api.synthflow.ai/v2');
    expect(createSynthflowClient({ apiKey: API_KEY, region: 'eu' }).baseUrl).toBe(
      'https://api.eu.synthflow.ai/v2',
    );
    expect(createSynthflowClient({ apiKey: API_KEY, region: 'us' }).baseUrl).toBe(
      'https://api.us.synthflow.ai/v2',
    );
    expect(
      createSynthflowClient({ apiKey: API_KEY, region: 'eu', baseUrl: 'http://x.test' }).baseUrl,
    ).toBe('http://x.test');
  });

  it('rejects an unknown region', () => {
    expect(() => createSynthflowClient({ apiKey: API_KEY, region: 'mars' as 'eu' })).toThrow(
      /region/,
    );
  });

  it('never shows the API key when the client is inspected or serialised', async () => {
    const { inspect } = await import('node:util');
    const client = createSynthflowClient({ apiKey: API_KEY });
    expect(inspect(client, { depth: 5 })).not.toContain(API_KEY);
    expect(JSON.stringify(client)).not.toContain(API_KEY);
  });

  it('exposes the raw openapi-fetch client, authenticated', async () => {
    const { client, requests } = clientAnswering({ status: 'ok', response: { subaccounts: [] } });
    const { data } = await client.raw.GET('/subaccounts/');
    expect(data?.response?.subaccounts).toEqual([]);
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
  });
});

describe('synthflow client: envelope', () => {
  it('a 200 without the `response` field is an InvalidResponseError, not undefined', async () => {
    const { client } = clientAnswering({ status: 'ok' });
    await expect(client.subaccounts.list()).rejects.toMatchObject({
      name: 'InvalidResponseError',
      status: 200,
    });
  });
});
