/**
 * The real client against Prism serving specs/twilio.yaml, form bodies included: any Prism
 * validation error fails. Prism reads and validates the form body (proved by the negatives below,
 * sent through the raw client past the client's own checks).
 */
import { fileURLToPath } from 'node:url';
import {
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  RateLimitError,
  ServerError,
} from '@tenantkit/core';
import { createContractFetch, requestExamples } from '@tenantkit/mock';
import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  type CreateAccountForm,
  createTwilioClient,
  formBody,
  type TwilioClient,
  type UpdateAccountForm,
} from '../src/index.js';

const SPEC = fileURLToPath(new URL('../../../specs/twilio.yaml', import.meta.url));
const MAIN = 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const TOKEN = 'contract-test-token';
// The spec's examples all describe this account.
const SID = 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const mockUrl = inject('mockUrls').twilio!;
const prism = createContractFetch();
const client: TwilioClient = createTwilioClient({
  accountSid: MAIN,
  authToken: TOKEN,
  baseUrl: mockUrl,
  fetch: prism.fetch,
  maxRetries: 0,
});
afterEach(() => {
  expect(prism.violations).toEqual([]);
});

/** A call whose Prism violation is the point: taken out of `prism.violations` and returned. */
async function refusedByPrism(call: () => Promise<unknown>) {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  const violations = prism.violations.splice(0);
  return { error, violations: violations.map((v) => v.violations).join('\n') };
}

describe('twilio contract (Prism): every operation', () => {
  it.each(Object.entries(requestExamples(SPEC, 'createSubaccount')))(
    'create: spec example %s is accepted as a form body (201, the account with its auth_token)',
    async (_name, body) => {
      const created = await client.subaccounts.create(body as CreateAccountForm);
      expect(created.sid).toBe(SID);
      expect(created.auth_token).toEqual(expect.any(String));
    },
  );

  it('create with no input at all', async () => {
    await expect(client.subaccounts.create()).resolves.toHaveProperty('status', 'active');
  });

  it.each(Object.entries(requestExamples(SPEC, 'updateAccount')))(
    'update: spec example %s is accepted as a form body',
    async (_name, patch) => {
      await expect(
        client.subaccounts.update(SID, patch as UpdateAccountForm),
      ).resolves.toHaveProperty('sid', SID);
    },
  );

  it('suspend, activate and close send what the spec allows', async () => {
    for (const call of [
      client.subaccounts.suspend(SID),
      client.subaccounts.activate(SID),
      client.subaccounts.close(SID),
    ])
      await expect(call).resolves.toHaveProperty('sid', SID);
  });

  it('get by SID', async () => {
    const account = await client.subaccounts.get(SID);
    expect(account).toMatchObject({ sid: SID, owner_account_sid: MAIN, type: 'Full' });
  });

  it('list with the documented filters; listAll over the one-page answer', async () => {
    const page = await client.subaccounts.list({
      FriendlyName: 'friendly_name',
      Status: 'active',
      PageSize: 50,
    });
    expect(page.accounts?.[0]?.sid).toBe(SID);
    expect(page.next_page_uri).toBeNull();
    const all = [];
    for await (const account of client.subaccounts.listAll({ Status: 'active' })) all.push(account);
    expect(all.map((account) => account.sid)).toEqual([SID]);
  });

  it('list: a later page with its token is accepted', async () => {
    await expect(
      client.subaccounts.list({
        PageSize: 1,
        Page: 1,
        PageToken: 'PAACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      }),
    ).resolves.toHaveProperty('accounts');
  });
});

describe('twilio contract (Prism): the documented errors become typed errors', () => {
  const withCode = (status: number) => ({ headers: { Prefer: `code=${status}` } });
  it.each([
    [400, BadRequestError, 21480, 'SUBACCOUNT_LIMIT_REACHED'],
    [401, AuthenticationError, 20003, 'AUTHENTICATION_FAILED'],
    [404, NotFoundError, 20404, 'NOT_FOUND'],
    [429, RateLimitError, 20429, 'TOO_MANY_REQUESTS'],
    [500, ServerError, 20500, undefined],
  ] as const)('HTTP %i', async (status, type, code, codeName) => {
    const error = await client.subaccounts.get(SID, withCode(status)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ status, code, codeName });
  });

  it('no credentials: Prism refuses the call (the spec requires Basic auth)', async () => {
    const anonymous = createTwilioClient({
      accountSid: MAIN,
      authToken: TOKEN,
      baseUrl: mockUrl,
      maxRetries: 0,
    });
    const response = await anonymous.raw.GET('/2010-04-01/Accounts/{Sid}.json', {
      params: { path: { Sid: SID } },
      headers: { Authorization: '' },
    });
    expect(response.response.status).toBe(401);
  });
});

describe('twilio contract (Prism): Prism sees and validates the form body', () => {
  const rawUpdate = (fields: Record<string, string>) =>
    client.raw.POST('/2010-04-01/Accounts/{Sid}.json', {
      params: { path: { Sid: SID } },
      body: fields as UpdateAccountForm,
      bodySerializer: formBody,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });

  it('a status outside the enum, sent past the client checks, is refused by Prism', async () => {
    const { violations } = await refusedByPrism(async () => {
      const { response } = await rawUpdate({ Status: 'deleted' });
      expect(response.status).toBe(400);
    });
    expect(violations).toMatch(/Status/);
    expect(violations).toMatch(/must be equal to one of the allowed values/);
  });

  it('a name over 64 characters is refused by Prism', async () => {
    const { violations } = await refusedByPrism(async () => {
      const { response } = await rawUpdate({ FriendlyName: 'x'.repeat(65) });
      expect(response.status).toBe(400);
    });
    expect(violations).toMatch(/FriendlyName/);
  });

  it('the same body as JSON is refused (Prism checks the media type the spec declares)', async () => {
    const { violations } = await refusedByPrism(async () => {
      const { response } = await client.raw.POST('/2010-04-01/Accounts/{Sid}.json', {
        params: { path: { Sid: SID } },
        body: { Status: 'active' },
      });
      expect(response.ok).toBe(false);
    });
    expect(violations).toMatch(/application\/x-www-form-urlencoded/);
  });
});
