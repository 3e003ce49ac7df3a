/** Numbers and KYC: the real client against Prism serving specs/vobiz.yaml; any violation fails. */
import { fileURLToPath } from 'node:url';
import {
  ConflictError,
  CoolOffError,
  NotFoundError,
  PermissionDeniedError,
  UnprocessableEntityError,
} from '@tenantkit/core';
import { createContractFetch, readSpec, requestExamples } from '@tenantkit/mock';
import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  type CinConfirmRequest,
  type CreateKycSessionRequest,
  createVobizClient,
  type DigilockerInitiateRequest,
  type DigilockerVerifyRequest,
  GSTIN_PATTERN,
  PAN_PATTERN,
  type PhoneNumber,
} from '../src/index.js';

const SPEC = fileURLToPath(new URL('../../../specs/vobiz.yaml', import.meta.url));
const SA = 'SA_XXXXXXXX';
const NUMBER = '+919876543210';

const prism = createContractFetch();
const sent: Request[] = [];
const client = createVobizClient({
  authId: 'MA_XXXXXXXX',
  authToken: 'contract-test-token',
  baseUrl: inject('mockUrls').vobiz!,
  fetch: (request, init) => {
    // A copy: the body of the one sent is consumed on the way.
    sent.push(request.clone());
    return prism.fetch(request, init);
  },
  maxRetries: 0,
});

afterEach(() => {
  expect(prism.violations).toEqual([]);
  sent.length = 0;
});

describe('vobiz contract (Prism): numbers', () => {
  it('list: one page; the parent sees its sub-accounts numbers, account_id names the holder', async () => {
    const page = await client.numbers.list({ page: 1, per_page: 25, include_subaccounts: true });
    expect(page.total).toBe(2);
    expect(page.items.map((n) => [n.e164, n.account_id])).toEqual([
      ['+919876543210', 'MA_XXXXXXXX'],
      ['+912271263984', SA],
    ]);
    expect(new URL(sent[0]!.url).pathname).toBe('/api/v1/Account/MA_XXXXXXXX/numbers');
  });

  it('list accepts search with a leading + (sent percent-encoded)', async () => {
    await client.numbers.list({ search: '+9198765' });
    expect(new URL(sent[0]!.url).search).toBe('?search=%2B9198765');
  });

  it('listForSubAccount keeps the numbers whose account_id is the sub-account', async () => {
    const held: PhoneNumber[] = [];
    for await (const n of client.numbers.listForSubAccount(SA)) held.push(n);
    expect(held.map((n) => n.e164)).toEqual(['+912271263984']);
    expect(new URL(sent[0]!.url).searchParams.get('include_subaccounts')).toBe('true');
  });

  it('assign: the documented body, the + of the number percent-encoded in the lowercase path', async () => {
    expect(requestExamples(SPEC, 'assignNumberToSubAccount')).toEqual({
      toSubAccount: { sub_account_id: SA },
    });
    await expect(client.numbers.assign(NUMBER, SA)).resolves.toBeUndefined();
    const url = new URL(sent[0]!.url);
    expect(url.pathname).toBe(
      '/api/v1/account/MA_XXXXXXXX/numbers/%2B919876543210/assign-subaccount',
    );
    expect(await sent[0]!.json()).toEqual({ sub_account_id: SA });
  });

  it('assign answered 204 resolves too', async () => {
    await expect(
      client.numbers.assign(NUMBER, SA, { headers: { Prefer: 'code=204' } }),
    ).resolves.toBeUndefined();
  });

  it('assign: a number outside the parent pool is a NotFoundError', async () => {
    await expect(
      client.numbers.assign(NUMBER, SA, { headers: { Prefer: 'code=404' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('unassign, with and without force, 200 and 204', async () => {
    await expect(client.numbers.unassign(NUMBER)).resolves.toBeUndefined();
    await expect(client.numbers.unassign(NUMBER, { force: true })).resolves.toBeUndefined();
    await expect(
      client.numbers.unassign(NUMBER, undefined, { headers: { Prefer: 'code=204' } }),
    ).resolves.toBeUndefined();
    expect(sent.map((r) => [r.method, new URL(r.url).search])).toEqual([
      ['DELETE', ''],
      ['DELETE', '?force=true'],
      ['DELETE', ''],
    ]);
  });

  it('unassign within the cool-off: a CoolOffError saying when (the docs example body)', async () => {
    const error = await client.numbers
      .unassign(NUMBER, undefined, { headers: { Prefer: 'code=409' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoolOffError);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      status: 409,
      code: 'did_cool_off_in_effect',
      retryAfterMs: 1_209_600_000,
      attempts: 1,
      operation: 'unassignNumberFromSubAccount',
    });
    expect((error as CoolOffError).retryAt?.toISOString()).toBe('2026-06-09T10:00:00.000Z');
    expect((error as Error).message).toContain('allowed again after 2026-06-09T10:00:00.000Z');
  });

  it('unassign with force from a non-admin account: PermissionDeniedError, {status, message} body', async () => {
    const error = await client.numbers
      .unassign(NUMBER, { force: true }, { headers: { Prefer: 'code=403, example=statusMessage' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as Error).message).toContain('force=true needs an admin account');
  });
});

describe('vobiz contract (Prism): sub-account KYC', () => {
  it('status', async () => {
    const state = await client.kyc.status(SA);
    expect(state).toMatchObject({ overall_status: 'pending', kyc_calls_blocked: true });
    expect(state.verifications?.pan).toBe('verified');
  });

  it.each(Object.entries(requestExamples(SPEC, 'verifySubAccountPan')))(
    'verifyPan: spec example %s',
    async (_name, body) => {
      const result = await client.kyc.verifyPan(SA, body as { pan: string });
      expect(result).toMatchObject({ verification_type: 'pan', status: 'verified' });
    },
  );

  it.each(Object.entries(requestExamples(SPEC, 'verifySubAccountGst')))(
    'verifyGst: spec example %s',
    async (_name, body) => {
      const result = await client.kyc.verifyGst(SA, body as { gstin: string });
      expect(result).toMatchObject({ verification_type: 'gst', status: 'verified' });
    },
  );

  it.each(Object.entries(requestExamples(SPEC, 'searchSubAccountCin')))(
    'searchCin: spec example %s',
    async (_name, body) => {
      const result = await client.kyc.searchCin(SA, body as { company_name: string });
      expect(result.matches?.[0]?.cin).toBe('U72900KA2024PTC123456');
    },
  );

  it.each(Object.entries(requestExamples(SPEC, 'confirmSubAccountCin')))(
    'confirmCin: spec example %s',
    async (_name, body) => {
      const result = await client.kyc.confirmCin(SA, body as CinConfirmRequest);
      expect(result).toMatchObject({ verification_type: 'cin', cin: 'U72900KA2024PTC123456' });
    },
  );

  it.each(Object.entries(requestExamples(SPEC, 'initiateSubAccountDigilocker')))(
    'initiateDigilocker: spec example %s',
    async (_name, body) => {
      const started = await client.kyc.initiateDigilocker(SA, body as DigilockerInitiateRequest);
      expect(started.access_request_id).toBe('AR_12345678');
    },
  );

  it.each(Object.entries(requestExamples(SPEC, 'verifySubAccountDigilocker')))(
    'verifyDigilocker: spec example %s',
    async (_name, body) => {
      const result = await client.kyc.verifyDigilocker(SA, body as DigilockerVerifyRequest);
      expect(result).toMatchObject({ verification_type: 'aadhaar' });
    },
  );

  it.each(Object.entries(requestExamples(SPEC, 'createSubAccountKycSession')))(
    'createSession: spec example %s',
    async (_name, body) => {
      const session = await client.kyc.createSession(SA, body as CreateKycSessionRequest);
      expect(session.session_id).toEqual(expect.any(String));
    },
  );

  it('createSession fills account_auth_id from the path when left out', async () => {
    await client.kyc.createSession(SA, { flow_type: 'email' });
    expect(await sent[0]!.json()).toEqual({ flow_type: 'email', account_auth_id: SA });
  });

  it('a KYC check answered 500 is sent once (outcome unknown); a 422 is an UnprocessableEntityError', async () => {
    const retrying = createVobizClient({
      authId: 'MA_XXXXXXXX',
      authToken: 'contract-test-token',
      baseUrl: inject('mockUrls').vobiz!,
      fetch: prism.fetch,
      retryDelay: { initialMs: 1, maxMs: 2 },
    });
    const error = await retrying.kyc
      .verifyPan(SA, { pan: 'ABCDE1234F' }, { headers: { Prefer: 'code=500' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ServerError', attempts: 1, outcomeUnknown: true });
    await expect(
      client.kyc.verifyGst(SA, { gstin: '29AAJCN5983D1Z0' }, { headers: { Prefer: 'code=422' } }),
    ).rejects.toBeInstanceOf(UnprocessableEntityError);
  });

  it('Prism refuses a PAN of the wrong length (the documented rule), proving the check is live', async () => {
    const { response } = await client.raw.POST(
      '/api/v1/sub-accounts/{sub_auth_id}/kyc/verify-pan',
      {
        params: { path: { sub_auth_id: SA } },
        body: { pan: 'ABCDE1234' },
      },
    );
    expect(response.status).toBe(422);
    expect(prism.violations).toHaveLength(1);
    prism.violations.length = 0;
  });
});

describe('vobiz spec: the client-side document formats are the spec’s', () => {
  const schemas = (readSpec(SPEC) as { components: { schemas: Record<string, unknown> } })
    .components.schemas as Record<string, { properties: Record<string, Record<string, unknown>> }>;
  const pattern = (schema: string, field: string) =>
    schemas[schema]?.properties[field]?.['x-tenantkit-client-pattern'];

  it('PAN and GSTIN patterns match x-tenantkit-client-pattern', () => {
    expect(PAN_PATTERN.source).toBe(pattern('VerifyPanRequest', 'pan'));
    expect(GSTIN_PATTERN.source).toBe(pattern('VerifyGstRequest', 'gstin'));
  });

  it('the documented examples pass the client-side formats', () => {
    expect(PAN_PATTERN.test('ABCDE1234F')).toBe(true);
    expect(GSTIN_PATTERN.test('29AAJCN5983D1Z0')).toBe(true);
  });
});
