/**
 * The Vobiz client as a caller meets it: what its errors say for each body shape Vobiz answers
 * with, how list walks read what the server reports, which field each rule names, and how the
 * client introduces itself.
 */
import { inspect } from 'node:util';
import {
  type ApiError,
  ConfigurationError,
  ConflictError,
  CoolOffError,
  InvalidResponseError,
  ValidationError,
} from '@tenantkit/core';
import { createRecordingFetch, type RecordedRequest } from '@tenantkit/mock';
import { describe, expect, it } from 'vitest';
import { createVobizClient, type VobizClient, type VobizClientOptions } from '../src/index.js';
import { AUTH_ID, AUTH_TOKEN, subAccount } from './fixtures.js';

const SA = 'SA_TENANT01';
const E164 = '+919876543210';
const COOL_OFF_SENTENCE =
  'the number carried a call in the last 15 days, so it stays with the sub-account until its cool-off ends';

function clientAnswering(
  answer: (request: RecordedRequest) => Response,
  options: Partial<VobizClientOptions> = {},
) {
  const recorder = createRecordingFetch(answer);
  const client = createVobizClient({
    authId: AUTH_ID,
    authToken: AUTH_TOKEN,
    baseUrl: 'https://vobiz.test',
    fetch: recorder.fetch,
    maxRetries: 0,
    ...options,
  });
  return { client, requests: recorder.requests };
}

async function failure(run: Promise<unknown>): Promise<Error> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the call to fail');
  return error;
}

const prefix = `vobiz.getSubAccount (GET /api/v1/accounts/{auth_id}/sub-accounts/{sub_auth_id}): `;

describe('vobiz errors: what each body shape says', () => {
  it.each([
    [
      'Plivo-style sentence and message',
      { api_id: 'a-1', error: 'not found', message: 'no such sub-account' },
      'HTTP 404: not found: no such sub-account',
      'a-1',
    ],
    [
      'the same words twice, said once',
      { error: 'not found', message: 'not found' },
      'HTTP 404: not found',
      undefined,
    ],
    ['a sentence alone, trimmed', { error: '  not found  ' }, 'HTTP 404: not found', undefined],
    [
      'a blank sentence, the message',
      { error: ' ', message: ' no such ' },
      'HTTP 404: no such',
      undefined,
    ],
    ['nothing said', { error: '', message: '  ' }, 'HTTP 404', undefined],
    [
      'the request id when api_id is blank',
      { api_id: ' ', requestId: 'r-2', error: 'not found' },
      'HTTP 404: not found',
      'r-2',
    ],
    [
      'the documented nested shape',
      { status: 'error', error: { code: 'SA_404', message: 'unknown' }, requestId: 'r-3' },
      'HTTP 404 SA_404: unknown',
      'r-3',
    ],
  ])('%s', async (_name, body, said, requestId) => {
    const { client } = clientAnswering(() => Response.json(body, { status: 404 }));
    const error = (await failure(client.subAccounts.get(SA))) as ApiError;
    expect(error.message).toBe(`${prefix}${said}`);
    expect(error.requestId).toBe(requestId);
  });

  it('a text body is read as the message', async () => {
    const { client } = clientAnswering(() => new Response('gateway down', { status: 502 }));
    const error = await failure(client.subAccounts.get(SA));
    expect(error.message).toBe(`${prefix}HTTP 502: gateway down`);
  });
});

describe('vobiz errors: a number in its cool-off', () => {
  const unassign = (body: unknown) => {
    const { client } = clientAnswering(() => Response.json(body, { status: 409 }));
    return failure(client.numbers.unassign(E164));
  };

  it('names the code, explains it, and says when', async () => {
    const error = (await unassign({
      error: 'did_cool_off_in_effect',
      cool_off_until: '2026-12-01T00:00:00Z',
      api_id: 'a-9',
    })) as CoolOffError;
    expect(error).toBeInstanceOf(CoolOffError);
    expect(error.code).toBe('did_cool_off_in_effect');
    expect(error.requestId).toBe('a-9');
    expect(error.retryAt?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(error.message).toContain(
      `${COOL_OFF_SENTENCE}; allowed again after 2026-12-01T00:00:00.000Z`,
    );
  });

  it("keeps Vobiz's own words when it gives some", async () => {
    const error = await unassign({
      error: 'did_cool_off_in_effect',
      message: ' wait please ',
      cool_off_remaining_seconds: 60,
    });
    expect(error.message).toContain('HTTP 409 did_cool_off_in_effect: wait please; allowed again');
  });

  it.each([
    [3_600, 3_600_000],
    [0, 0],
  ])('%d remaining seconds mean %d ms', async (seconds, ms) => {
    const error = (await unassign({
      error: 'x',
      cool_off_remaining_seconds: seconds,
    })) as CoolOffError;
    expect(error).toBeInstanceOf(CoolOffError);
    expect(error.retryAfterMs).toBe(ms);
  });

  it.each([
    ['negative seconds', { cool_off_remaining_seconds: -5 }],
    ['seconds as text', { cool_off_remaining_seconds: '60' }],
    ['endless seconds', { cool_off_remaining_seconds: null }],
    ['a date that is not one', { cool_off_until: 'soon' }],
    ['a blank date', { cool_off_until: ' ' }],
  ])('%s is no time: a plain ConflictError', async (_name, times) => {
    const error = await unassign({ error: 'conflict', ...times });
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).not.toBeInstanceOf(CoolOffError);
  });

  it('the cool-off code without a time still names it and explains it', async () => {
    const error = (await unassign({
      error: 'did_cool_off_in_effect',
      requestId: 'r-1',
    })) as ApiError;
    expect(error.code).toBe('did_cool_off_in_effect');
    expect(error.requestId).toBe('r-1');
    expect(error.message).toContain(COOL_OFF_SENTENCE);
  });
});

/** A server holding `total` items, serving the page asked for; `report` is the page size it claims. */
function pagedServer(
  total: number,
  options: {
    itemsKey: 'sub_accounts' | 'items';
    sizeKey: 'size' | 'per_page';
    report: unknown;
    totalValue?: unknown;
  },
) {
  return (request: RecordedRequest) => {
    const page = Number(request.url.searchParams.get('page'));
    const size = Number(request.url.searchParams.get(options.sizeKey));
    const all = Array.from({ length: total }, (_, index) =>
      options.itemsKey === 'sub_accounts'
        ? subAccount(index + 1)
        : {
            id: `n-${index + 1}`,
            e164: `+9180000${String(index).padStart(5, '0')}`,
            account_id: SA,
          },
    );
    return Response.json({
      [options.itemsKey]: all.slice((page - 1) * size, page * size),
      page,
      [options.sizeKey]: options.report,
      total: 'totalValue' in options ? options.totalValue : total,
    });
  };
}

describe('vobiz paging: what the server reports is used only when it makes sense', () => {
  it.each([[0], [-3], [2.5], ['2'], [null]])(
    'a reported page size of %j is ignored: the walk keeps the size it asked for',
    async (report) => {
      const { client, requests } = clientAnswering(
        pagedServer(5, { itemsKey: 'sub_accounts', sizeKey: 'size', report }),
      );
      const seen: string[] = [];
      for await (const account of client.subAccounts.listAll({ size: 2 }))
        seen.push(account.auth_id);
      expect(seen).toHaveLength(5);
      expect(requests.map((r) => r.url.searchParams.get('page'))).toEqual(['1', '2', '3']);
    },
  );

  it('numbers: the same for per_page, and a total that is not a number is ignored', async () => {
    const { client, requests } = clientAnswering(
      pagedServer(7, { itemsKey: 'items', sizeKey: 'per_page', report: 0, totalValue: '6' }),
    );
    const seen: string[] = [];
    for await (const number of client.numbers.listAll({ per_page: 3 })) seen.push(number.e164);
    expect(seen).toHaveLength(7);
    expect(requests.map((r) => r.url.searchParams.get('page'))).toEqual(['1', '2', '3']);
  });

  it('numbers without a total: full pages go on, a short page ends the walk', async () => {
    const { client, requests } = clientAnswering(
      pagedServer(5, { itemsKey: 'items', sizeKey: 'per_page', report: 2, totalValue: undefined }),
    );
    const seen: string[] = [];
    for await (const number of client.numbers.listAll({ per_page: 2 })) seen.push(number.e164);
    expect(seen).toHaveLength(5);
    expect(requests.map((r) => r.url.searchParams.get('page'))).toEqual(['1', '2', '3']);
  });

  it('listForSubAccount stops at its limit, fetching no further page', async () => {
    const { client, requests } = clientAnswering(
      pagedServer(9, { itemsKey: 'items', sizeKey: 'per_page', report: 3 }),
    );
    const seen: string[] = [];
    for await (const number of client.numbers.listForSubAccount(SA, { per_page: 3, limit: 2 }))
      seen.push(number.e164);
    expect(seen).toHaveLength(2);
    expect(requests).toHaveLength(1);
    const all: string[] = [];
    for await (const number of client.numbers.listForSubAccount(SA)) all.push(number.e164);
    expect(all).toHaveLength(9);
  });

  it('unassign and assign accept an answer without a body', async () => {
    const { client } = clientAnswering(() => new Response(null, { status: 204 }));
    await expect(client.numbers.unassign(E164, {})).resolves.toBeUndefined();
    await expect(client.numbers.assign(E164, SA)).resolves.toBeUndefined();
  });
});

describe('vobiz KYC: an answer without what it needs names what it lacks', () => {
  const calls: Array<[string, (c: VobizClient) => Promise<unknown>, unknown, string]> = [
    ['status', (c) => c.kyc.status(SA), [], 'a KYC state object'],
    ['verifyPan', (c) => c.kyc.verifyPan(SA, { pan: 'ABCDE1234F' }), { status: 1 }, 'a `status`'],
    ['verifyGst', (c) => c.kyc.verifyGst(SA, { gstin: '29AAJCN5983D1Z0' }), {}, 'a `status`'],
    [
      'searchCin',
      (c) => c.kyc.searchCin(SA, { company_name: 'Acme' }),
      'Acme',
      'a search result object',
    ],
    [
      'confirmCin',
      (c) => c.kyc.confirmCin(SA, { company_name: 'Acme', selected_cin: 'U1' }),
      [{ status: 'verified' }],
      'a `status`',
    ],
    [
      'initiateDigilocker',
      (c) => c.kyc.initiateDigilocker(SA, { redirect_url: 'https://app.example.com/back' }),
      42,
      'an object with `auth_url`',
    ],
    [
      'verifyDigilocker',
      (c) => c.kyc.verifyDigilocker(SA, { access_request_id: 'ar-1' }),
      { state: 'verified' },
      'a `status`',
    ],
    [
      'createSession',
      (c) => c.kyc.createSession(SA, { flow_type: 'email' }),
      { session_id: 7 },
      'a `session_id`',
    ],
  ];

  it.each(calls)('%s', async (_name, call, body, lacks) => {
    const { client } = clientAnswering(() => Response.json(body));
    const error = await failure(call(client));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain(lacks);
  });

  it('createSession hands back a session with its id', async () => {
    const { client } = clientAnswering(() =>
      Response.json({ session_id: 's-1', status: 'created' }),
    );
    await expect(client.kyc.createSession(SA, { flow_type: 'redirect' })).resolves.toMatchObject({
      session_id: 's-1',
    });
  });
});

describe('vobiz validation: each rule names its field', () => {
  const refused = async (run: (c: VobizClient) => Promise<unknown>) => {
    const { client, requests } = clientAnswering(() => Response.json({}));
    const error = await failure(run(client));
    if (!(error instanceof ValidationError)) throw error;
    expect(requests).toHaveLength(0);
    return error;
  };

  it.each([
    [
      'create: phone not text',
      (c: VobizClient) => c.subAccounts.create({ name: 'a', phone: 5 } as never),
      'createSubAccount',
      'phone',
      'string',
    ],
    [
      'create: description not text',
      (c: VobizClient) => c.subAccounts.create({ name: 'a', description: [] } as never),
      'createSubAccount',
      'description',
      'string',
    ],
    [
      'get: blank id',
      (c: VobizClient) => c.subAccounts.get(' '),
      'getSubAccount',
      'sub_auth_id',
      'non-blank',
    ],
    [
      'list: query not an object',
      (c: VobizClient) => c.subAccounts.list('page=2' as never),
      'listSubAccounts',
      'query',
      'object',
    ],
    [
      'listAll: query not an object',
      (c: VobizClient) =>
        c.subAccounts
          .listAll(5 as never)
          [Symbol.asyncIterator]()
          .next(),
      'listSubAccounts',
      'query',
      'object',
    ],
    [
      'numbers.list: query not an object',
      (c: VobizClient) => c.numbers.list([] as never),
      'listNumbers',
      'query',
      'object',
    ],
    [
      'numbers.list: an unknown key',
      (c: VobizClient) => c.numbers.list({ holder: SA } as never),
      'listNumbers',
      'holder',
      'known-field',
    ],
    [
      'numbers.list: a blank search',
      (c: VobizClient) => c.numbers.list({ search: ' ' }),
      'listNumbers',
      'search',
      'non-blank',
    ],
    [
      'numbers.listAll: query not an object',
      (c: VobizClient) =>
        c.numbers
          .listAll('x' as never)
          [Symbol.asyncIterator]()
          .next(),
      'listNumbers',
      'query',
      'object',
    ],
    [
      'numbers.listAll: a negative limit',
      (c: VobizClient) => c.numbers.listAll({ limit: -1 })[Symbol.asyncIterator]().next(),
      'listNumbers',
      'limit',
      'non-negative',
    ],
    [
      'listForSubAccount: a numeric id',
      (c: VobizClient) => c.numbers.listForSubAccount('500001')[Symbol.asyncIterator]().next(),
      'listNumbers',
      'sub_auth_id',
      'sub-account-auth-id',
    ],
    [
      'listForSubAccount: query not an object',
      (c: VobizClient) =>
        c.numbers
          .listForSubAccount(SA, 3 as never)
          [Symbol.asyncIterator]()
          .next(),
      'listNumbers',
      'query',
      'object',
    ],
    [
      'unassign: query not an object',
      (c: VobizClient) => c.numbers.unassign(E164, true as never),
      'unassignNumberFromSubAccount',
      'query',
      'object',
    ],
    [
      'unassign: force not a boolean',
      (c: VobizClient) => c.numbers.unassign(E164, { force: 'yes' } as never),
      'unassignNumberFromSubAccount',
      'force',
      'boolean',
    ],
    [
      'verifyPan: no body',
      (c: VobizClient) => c.kyc.verifyPan(SA, undefined as never),
      'verifySubAccountPan',
      'input',
      'object',
    ],
    [
      'searchCin: no company_name',
      (c: VobizClient) => c.kyc.searchCin(SA, {} as never),
      'searchSubAccountCin',
      'company_name',
      'string',
    ],
    [
      'initiateDigilocker: oauth_state not text',
      (c: VobizClient) =>
        c.kyc.initiateDigilocker(SA, {
          redirect_url: 'https://a.example',
          oauth_state: 1,
        } as never),
      'initiateSubAccountDigilocker',
      'oauth_state',
      'string',
    ],
    [
      'verifyDigilocker: a blank linked_number',
      (c: VobizClient) =>
        c.kyc.verifyDigilocker(SA, { access_request_id: 'ar', linked_number: ' ' }),
      'verifySubAccountDigilocker',
      'linked_number',
      'non-blank',
    ],
    [
      'createSession: a bad redirect_url',
      (c: VobizClient) => c.kyc.createSession(SA, { flow_type: 'redirect', redirect_url: 'back' }),
      'createSubAccountKycSession',
      'redirect_url',
      'url',
    ],
    [
      'createSession: reminders not a list',
      (c: VobizClient) =>
        c.kyc.createSession(SA, { flow_type: 'email', reminder_schedule: {} } as never),
      'createSubAccountKycSession',
      'reminder_schedule',
      'array',
    ],
    [
      'createSession: a reminder not an object',
      (c: VobizClient) =>
        c.kyc.createSession(SA, { flow_type: 'email', reminder_schedule: ['daily'] } as never),
      'createSubAccountKycSession',
      'reminder_schedule[0]',
      'object',
    ],
    [
      'createSession: an unknown reminder field',
      (c: VobizClient) =>
        c.kyc.createSession(SA, {
          flow_type: 'email',
          reminder_schedule: [{ trigger: 'days', value: 1, at: 9 }],
        } as never),
      'createSubAccountKycSession',
      'reminder_schedule[0].at',
      'known-field',
    ],
    [
      'createSession: a reminder without trigger',
      (c: VobizClient) =>
        c.kyc.createSession(SA, { flow_type: 'email', reminder_schedule: [{ value: 1 }] } as never),
      'createSubAccountKycSession',
      'reminder_schedule[0].trigger',
      'string',
    ],
    [
      'createSession: a negative reminder value',
      (c: VobizClient) =>
        c.kyc.createSession(SA, {
          flow_type: 'email',
          reminder_schedule: [{ trigger: 'days', value: -1 }],
        } as never),
      'createSubAccountKycSession',
      'reminder_schedule[0].value',
      'non-negative',
    ],
  ])('%s', async (_name, run, operation, field, rule) => {
    const error = await refused(run);
    expect(error).toMatchObject({ provider: 'vobiz', operation, field, rule });
    expect(error.message.startsWith(`vobiz.${operation}: ${field} `)).toBe(true);
  });

  it.each([
    [
      'kyc_mode customer_use without email',
      (c: VobizClient) => c.subAccounts.create({ name: 'a', kyc_mode: 'customer_use' }),
      'vobiz.createSubAccount: email is required when kyc_mode is customer_use (rule: required)',
    ],
    [
      'an empty patch',
      (c: VobizClient) => c.subAccounts.update(SA, {}),
      'vobiz.updateSubAccount: patch must change at least one field (rule: non-empty)',
    ],
    [
      'a numeric sub-account id',
      (c: VobizClient) => c.numbers.assign(E164, '500001'),
      "vobiz.assignNumberToSubAccount: sub_account_id must be the sub-account's auth id (SA_…), not its numeric id (rule: sub-account-auth-id)",
    ],
    [
      'a malformed PAN',
      (c: VobizClient) => c.kyc.verifyPan(SA, { pan: 'abcde1234f' }),
      'vobiz.verifySubAccountPan: pan must be a PAN: 5 capital letters, 4 digits, 1 capital letter (e.g. ABCDE1234F) (rule: pan-format)',
    ],
    [
      'a malformed GSTIN',
      (c: VobizClient) => c.kyc.verifyGst(SA, { gstin: '29AAJCN5983D1X0' }),
      'vobiz.verifySubAccountGst: gstin must be a GSTIN: 2-digit state code, a PAN, an entity character, Z, a check character (e.g. 29AAJCN5983D1Z0) (rule: gstin-format)',
    ],
    [
      'another sub-account in the session body',
      (c: VobizClient) =>
        c.kyc.createSession(SA, { flow_type: 'email', account_auth_id: 'SA_OTHER' }),
      'vobiz.createSubAccountKycSession: account_auth_id must be the same sub-account as sub_auth_id (rule: equals-path)',
    ],
  ])('%s: the message says the rule', async (_name, run, message) => {
    expect((await refused(run)).message).toBe(message);
  });

  it('listForSubAccount without filters, and unassign with empty options, are fine', async () => {
    const { client } = clientAnswering(() =>
      Response.json({ items: [], page: 1, per_page: 100, total: 0 }),
    );
    const seen: unknown[] = [];
    for await (const number of client.numbers.listForSubAccount(SA)) seen.push(number);
    expect(seen).toEqual([]);
    await expect(client.numbers.unassign(E164, {})).resolves.toBeUndefined();
  });

  it('a KYC status needs no body', async () => {
    const { client, requests } = clientAnswering(() =>
      Response.json({ overall_status: 'pending' }),
    );
    await client.kyc.status(SA);
    expect(requests).toHaveLength(1);
  });
});

describe('vobiz client: how it introduces itself', () => {
  const hint =
    'Pass the parent account credentials from the Vobiz console (Auth ID and Auth Token).';

  it('without options, or a credential missing, says which one and where it comes from', () => {
    expect(() => createVobizClient(undefined as never)).toThrow(
      `vobiz: \`authId\` is required and must not be blank. ${hint}`,
    );
    expect(() => createVobizClient({ authId: AUTH_ID } as never)).toThrow(
      `vobiz: \`authToken\` is required and must not be blank. ${hint}`,
    );
  });

  it('a blank bearer token is refused at once, a function returning one at the KYC call', async () => {
    const message =
      "vobiz: `bearerToken` is required and must not be blank. Pass the parent's sign-in JWT (or a function returning it).";
    expect(() =>
      createVobizClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, bearerToken: ' ' }),
    ).toThrow(message);
    const { client, requests } = clientAnswering(() => Response.json({}), {
      bearerToken: () => '',
    });
    const error = await failure(client.kyc.status(SA));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain(message);
    expect(requests).toHaveLength(0);
  });

  it('inspects as VobizClient with its server and auth id, never the token', () => {
    const { client } = clientAnswering(() => Response.json({}));
    expect(inspect(client)).toBe(
      `VobizClient {"baseUrl":"https://vobiz.test","authId":"${AUTH_ID}","credentials":"[REDACTED]"}`,
    );
  });
});
