/** The real client against Prism serving specs/vobiz.yaml: any Prism validation error fails. */
import { fileURLToPath } from 'node:url';
import {
  type ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  UnprocessableEntityError,
} from '@tenantkit/core';
import { createContractFetch, requestExamples } from '@tenantkit/mock';
import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  type CreateSubAccountRequest,
  createVobizClient,
  type SubAccount,
  type UpdateSubAccountRequest,
} from '../src/index.js';

const SPEC = fileURLToPath(new URL('../../../specs/vobiz.yaml', import.meta.url));
const AUTH_ID = 'MA_XXXXXXXX';
const SA = 'SA_XXXXXXXX';
const TOKEN = 'contract-test-token';

// The create request of the provider's docs page (seed 003), verbatim.
const SEED_003_CREATE = {
  name: 'Support Team',
  email: 'support@example.com',
  phone: '+1234567890',
  description: 'Support-facing voice workload',
  rate_limit: 500,
  permissions: {
    calls: true,
    cdr: true,
  },
  password: 'S0pport123!',
  enabled: true,
};

const prism = createContractFetch();
const mockUrl = inject('mockUrls').vobiz!;
const client = createVobizClient({
  authId: AUTH_ID,
  authToken: TOKEN,
  baseUrl: mockUrl,
  fetch: prism.fetch,
  maxRetries: 0,
});

afterEach(() => {
  expect(prism.violations).toEqual([]);
});

describe('vobiz contract (Prism): every operation', () => {
  it('the seed 003 request is the spec example', () => {
    expect(requestExamples(SPEC, 'createSubAccount').supportTeam).toEqual(SEED_003_CREATE);
  });

  it('create: the seed 003 request is accepted and the one-time credentials returned', async () => {
    const created = await client.subAccounts.create(SEED_003_CREATE);
    expect(created.message).toBe('Sub-account created successfully');
    expect(created.sub_account.name).toBe('Support Team');
    expect(created.sub_account.permissions).toEqual({ calls: true, cdr: true });
    expect(created.auth_credentials.auth_token).toEqual(expect.any(String));
    expect(created.auth_credentials.auth_token).toBe(created.sub_account.auth_token);
    expect(created.tokens).toMatchObject({ token_type: 'bearer', expires_in: 1800 });
  });

  it.each(Object.entries(requestExamples(SPEC, 'createSubAccount')))(
    'create: spec example %s is accepted',
    async (_name, body) => {
      await expect(
        client.subAccounts.create(body as CreateSubAccountRequest),
      ).resolves.toHaveProperty('auth_credentials');
    },
  );

  it('create: a customer_use sub-account comes back with calls blocked until KYC', async () => {
    const created = await client.subAccounts.create(
      { name: 'Acme Retail', email: 'ops@acme-retail.example', kyc_mode: 'customer_use' },
      { headers: { Prefer: 'example=customerUse' } },
    );
    expect(created.sub_account).toMatchObject({
      kyc_mode: 'customer_use',
      kyc_calls_blocked: true,
    });
    expect(created.auth_credentials.auth_id).toBe(created.sub_account.auth_id);
  });

  it('get returns the bare sub-account, token masked', async () => {
    const account = await client.subAccounts.get(SA);
    expect(account.auth_id).toBe(SA);
    expect(account.auth_token).toBe('<redacted>');
  });

  it('list returns a page with its total', async () => {
    const page = await client.subAccounts.list();
    expect(page.total).toBe(page.sub_accounts.length);
    expect(page.sub_accounts.map((s) => s.auth_id)).toEqual(['SA_YYYYYYYY', 'SA_XXXXXXXX']);
  });

  it('list accepts page, size and active_only', async () => {
    await expect(
      client.subAccounts.list({ page: 1, size: 100, active_only: true }),
    ).resolves.toHaveProperty('sub_accounts');
  });

  it('listAll walks the pages Prism serves (one short page here)', async () => {
    const seen: SubAccount[] = [];
    for await (const s of client.subAccounts.listAll({ active_only: false })) seen.push(s);
    expect(seen.map((s) => s.name)).toEqual(['Support Team', 'Acme Retail']);
  });

  it.each(Object.entries(requestExamples(SPEC, 'updateSubAccount')))(
    'update: spec example %s is accepted',
    async (_name, body) => {
      await expect(
        client.subAccounts.update(SA, body as UpdateSubAccountRequest),
      ).resolves.toHaveProperty('auth_id', SA);
    },
  );

  it('delete answered 200 returns the confirmation', async () => {
    await expect(client.subAccounts.delete(SA)).resolves.toEqual({
      message: 'Sub-account deleted successfully',
    });
  });

  it('delete answered 204 resolves to undefined', async () => {
    await expect(
      client.subAccounts.delete(SA, { headers: { Prefer: 'code=204' } }),
    ).resolves.toBeUndefined();
  });
});

describe('vobiz contract: error paths become typed errors', () => {
  // Expected fields come from the spec's error examples: the documented envelope (code and
  // requestId in the body) is served first for 400/401/422/429, the Plivo-style one for 403/404/500.
  const cases = [
    [400, BadRequestError, 'BAD_REQUEST', 'req_7c1e9a20', 'email is required when kyc_mode'],
    [401, AuthenticationError, 'UNAUTHORIZED', 'req_1b4d8f02', 'Missing or invalid'],
    [
      403,
      PermissionDeniedError,
      undefined,
      '2c8f5e1a-4b7d-4e29-8f03-6a1d9c7b2e45',
      'forbidden: These credentials may not manage sub-accounts',
    ],
    [404, NotFoundError, undefined, '7e3b1d9c-5a2f-4c80-b6e4-1f8a0d3c5b92', 'not found'],
    [
      422,
      UnprocessableEntityError,
      'VALIDATION_ERROR',
      'req_6f0b2d97',
      'rate_limit must be a positive integer',
    ],
    [429, RateLimitError, 'RATE_LIMIT_EXCEEDED', 'req_2d5e8a63', 'Too many requests'],
    [500, ServerError, undefined, '6e2b9d4f-1a8c-4f70-b3d5-8c4e0a2f6d19', 'internal server error'],
  ] as const;

  it.each(cases)('HTTP %i → %o', async (status, ErrorClass, code, requestId, said) => {
    const error = await client.subAccounts
      .get(SA, { headers: { Prefer: `code=${status}` } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({
      provider: 'vobiz',
      operation: 'getSubAccount',
      method: 'GET',
      path: '/api/v1/accounts/{auth_id}/sub-accounts/{sub_auth_id}',
      status,
      code,
      requestId,
    });
    expect((error as Error).message).toContain(said);
    expect((error as ApiError).body).toEqual(expect.any(Object));
    expect((error as Error).message).not.toContain(TOKEN);
  });

  it.each([
    [401, 'plivoStyle', undefined, '0f6d2a9e-8b13-4c57-a2e4-7d91c3b5e680', 'authentication failed'],
    [404, 'envelope', 'NOT_FOUND', 'req_9d2f7b31', 'Sub-account SA_XXXXXXXX not found'],
    [429, 'plivoStyle', undefined, '4c7a0e2d-9b5f-4e13-8a6c-2d1f7b9e0c58', 'too many requests'],
    [500, 'envelope', 'INTERNAL_ERROR', 'req_8b3f1c70', 'Something went wrong'],
  ] as const)(
    'HTTP %i, %s shape: code, message and requestId',
    async (status, example, code, requestId, said) => {
      const error = await client.subAccounts
        .list(undefined, { headers: { Prefer: `code=${status}, example=${example}` } })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ status, code, requestId });
      expect((error as Error).message).toContain(said);
    },
  );

  it('409 on create is a ConflictError, not retried and not "outcome unknown"', async () => {
    const error = await client.subAccounts
      .create({ name: 'Support Team' }, { headers: { Prefer: 'code=409' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      code: 'CONFLICT',
      requestId: 'req_4a7c0e58',
      attempts: 1,
      outcomeUnknown: false,
    });
  });

  it('429 carries the parsed Retry-After', async () => {
    const error = await client.subAccounts
      .list(undefined, { headers: { Prefer: 'code=429' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(30_000);
  });

  it('a read answered 500 is retried, then fails with the attempt count', async () => {
    const retrying = createVobizClient({
      authId: AUTH_ID,
      authToken: TOKEN,
      baseUrl: mockUrl,
      fetch: prism.fetch,
      maxRetries: 2,
      retryDelay: { initialMs: 1, maxMs: 5 },
    });
    const error = await retrying.subAccounts
      .get(SA, { headers: { Prefer: 'code=500' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ServerError', attempts: 3, outcomeUnknown: false });
  });

  it('a create answered 500 is not retried and says the outcome is unknown', async () => {
    const retrying = createVobizClient({
      authId: AUTH_ID,
      authToken: TOKEN,
      baseUrl: mockUrl,
      fetch: prism.fetch,
      retryDelay: { initialMs: 1, maxMs: 5 },
    });
    const error = await retrying.subAccounts
      .create({ name: 'Support Team' }, { headers: { Prefer: 'code=500' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ServerError', attempts: 1, outcomeUnknown: true });
    expect((error as Error).message).toMatch(/may or may not have been processed/);
  });

  it('Prism needs both headers: the raw client without X-Auth-Token is refused', async () => {
    const { response } = await client.raw.GET('/api/v1/accounts/{auth_id}/sub-accounts/', {
      params: { path: { auth_id: client.authId } },
      headers: { 'X-Auth-Token': null },
    });
    expect(response.status).toBe(401);
    prism.violations.length = 0;
  });

  it('the harness catches a request Prism finds invalid (raw client, customer_use without email)', async () => {
    const { response } = await client.raw.POST('/api/v1/accounts/{auth_id}/sub-accounts/', {
      params: { path: { auth_id: client.authId } },
      body: { name: 'Acme', kyc_mode: 'customer_use' },
    });
    expect(response.status).toBe(422);
    expect(prism.violations).toHaveLength(1);
    expect(prism.violations[0]?.violations).toMatch(/email/);
    prism.violations.length = 0;
  });
});
