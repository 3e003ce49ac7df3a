/** The real client against Prism serving specs/synthflow.yaml: any Prism validation error fails. */
import { fileURLToPath } from 'node:url';
import {
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  RateLimitError,
  ServerError,
  UnprocessableEntityError,
} from '@tenantkit/core';
import { createContractFetch, requestExamples } from '@tenantkit/mock';
import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  type CreateSubaccountRequest,
  createSynthflowClient,
  type UpdateSubaccountRequest,
} from '../src/index.js';

const SPEC = fileURLToPath(new URL('../../../specs/synthflow.yaml', import.meta.url));
const ID = '1726005822670x239735712159542050';
/** A sub-account the spec's get example does not hold. */
const OTHER_ID = '1728287773458x334812156080545700';

// The request bodies of the docs pages (seeds 000 and 001), verbatim.
const SEED_000_CREATE = {
  subaccount_name: 'string',
  user_email: 'subaccount@example.com',
  concurrency: 10,
  max_agents: 5,
  max_minutes: 1000,
  max_workflow_runs: 500,
  grant_permissions: ['inbound', 'outbound', 'logs'],
  revoke_permissions: ['widget', 'phone_numbers'],
};
const SEED_001_UPDATE = {
  subaccount_name: 'string',
  max_agents: 5,
  max_minutes: 1000,
  max_workflow_runs: 500,
  grant_permissions: ['inbound', 'outbound', 'logs'],
  revoke_permissions: ['widget', 'phone_numbers'],
  operation_type: 'import',
  products: { phone_numbers: [{ number: '+12065550123' }] },
};

const prism = createContractFetch();
const client = createSynthflowClient({
  apiKey: 'contract-test-key',
  baseUrl: inject('mockUrls').synthflow!,
  fetch: prism.fetch,
  maxRetries: 0,
});

afterEach(() => {
  expect(prism.violations).toEqual([]);
});

describe('synthflow contract (Prism)', () => {
  it('the seed request examples are the spec examples', () => {
    expect(requestExamples(SPEC, 'createSubaccount').docsExample).toEqual(SEED_000_CREATE);
    expect(requestExamples(SPEC, 'updateSubaccount').docsExample).toEqual(SEED_001_UPDATE);
  });

  it('create: the seed 000 request is accepted and the payload returned', async () => {
    const created = await client.subaccounts.create(SEED_000_CREATE as CreateSubaccountRequest);
    expect(created.subaccount_id).toBe(ID);
    expect(created.api_key).toEqual(expect.any(String));
  });

  it.each(Object.entries(requestExamples(SPEC, 'createSubaccount')))(
    'create: spec example %s is accepted',
    async (_name, body) => {
      await expect(
        client.subaccounts.create(body as CreateSubaccountRequest),
      ).resolves.toHaveProperty('subaccount_id');
    },
  );

  it('update: the seed 001 request is accepted', async () => {
    await expect(
      client.subaccounts.update(ID, SEED_001_UPDATE as UpdateSubaccountRequest),
    ).resolves.toEqual({ subaccount_id: ID });
  });

  it.each(Object.entries(requestExamples(SPEC, 'updateSubaccount')))(
    'update: spec example %s is accepted',
    async (_name, body) => {
      await expect(
        client.subaccounts.update(ID, body as UpdateSubaccountRequest),
      ).resolves.toHaveProperty('subaccount_id');
    },
  );

  it('get returns the one-item list', async () => {
    const { subaccounts } = await client.subaccounts.get(ID);
    expect(subaccounts).toHaveLength(1);
    expect(subaccounts?.[0]?.subaccount_id).toBe(ID);
  });

  it('get of an id the answer does not hold is a NotFoundError, never another record', async () => {
    // Prism answers the spec's static example (the sub-account ID) whatever id is asked for.
    await expect(client.subaccounts.get(OTHER_ID)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('list returns every sub-account', async () => {
    const { subaccounts } = await client.subaccounts.list();
    expect(subaccounts?.length).toBeGreaterThan(0);
    expect(subaccounts?.[0]).toHaveProperty('permissions');
  });

  it('delete returns the answer', async () => {
    await expect(client.subaccounts.delete(ID)).resolves.toEqual({ answer: 'Subaccount deleted.' });
  });
});

describe('synthflow contract: error paths become typed errors', () => {
  const cases = [
    [400, BadRequestError],
    [401, AuthenticationError],
    [404, NotFoundError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, ServerError],
  ] as const;

  it.each(cases)('HTTP %i → %o', async (status, ErrorClass) => {
    const error = await client.subaccounts
      .get(ID, { headers: { Prefer: `code=${status}` } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({
      provider: 'synthflow',
      operation: 'getSubaccount',
      method: 'GET',
      status,
    });
    expect((error as { body: unknown }).body).toEqual(expect.any(Object));
    expect((error as Error).message).not.toContain('contract-test-key');
  });

  it('429 carries the parsed Retry-After', async () => {
    const error = await client.subaccounts
      .list({ headers: { Prefer: 'code=429' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(30_000);
  });

  it('a read answered 500 is retried, then fails with the attempt count', async () => {
    const retrying = createSynthflowClient({
      apiKey: 'contract-test-key',
      baseUrl: inject('mockUrls').synthflow!,
      fetch: prism.fetch,
      maxRetries: 2,
      retryDelay: { initialMs: 1, maxMs: 5 },
    });
    const error = await retrying.subaccounts
      .list({ headers: { Prefer: 'code=500' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ServerError', attempts: 3, outcomeUnknown: false });
  });

  it('a create answered 500 is not retried and says the outcome is unknown', async () => {
    const retrying = createSynthflowClient({
      apiKey: 'contract-test-key',
      baseUrl: inject('mockUrls').synthflow!,
      fetch: prism.fetch,
      retryDelay: { initialMs: 1, maxMs: 5 },
    });
    const error = await retrying.subaccounts
      .create({ subaccount_name: 'Acme' }, { headers: { Prefer: 'code=500' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ServerError', attempts: 1, outcomeUnknown: true });
    expect((error as Error).message).toMatch(/may or may not have been processed/);
  });

  it('the harness catches a request Prism finds invalid (raw client, duplicate permission)', async () => {
    const { response } = await client.raw.POST('/subaccounts', {
      body: { subaccount_name: 'x', grant_permissions: ['inbound', 'inbound'] },
    });
    expect(response.status).toBe(422);
    expect(prism.violations).toHaveLength(1);
    expect(prism.violations[0]?.violations).toMatch(/grant_permissions/);
    prism.violations.length = 0;
  });
});
