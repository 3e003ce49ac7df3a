/** KYC: paths, bodies, and the optional bearer token (sent on KYC calls only, never shown). */
import { inspect } from 'node:util';
import { ConfigurationError } from '@tenantkit/core';
import { createRecordingFetch, type RecordedRequest } from '@tenantkit/mock';
import { describe, expect, it } from 'vitest';
import { createVobizClient, type VobizClient, type VobizClientOptions } from '../src/index.js';
import { AUTH_ID, AUTH_TOKEN, subAccount } from './fixtures.js';

const SA = 'SA_TENANT01';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.kyc-canary-payload.c2lnbmF0dXJl';
const RESULT = { verification_type: 'pan', status: 'verified' };

function kycClient(
  options: Partial<VobizClientOptions> = {},
  answer?: (r: RecordedRequest) => Response,
) {
  const recorder = createRecordingFetch(answer ?? (() => Response.json(RESULT)));
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

const calls: Array<[string, (c: VobizClient) => Promise<unknown>, string, string, unknown]> = [
  ['status', (c) => c.kyc.status(SA), 'GET', 'kyc/status', undefined],
  [
    'verifyPan',
    (c) => c.kyc.verifyPan(SA, { pan: 'ABCDE1234F' }),
    'POST',
    'kyc/verify-pan',
    { pan: 'ABCDE1234F' },
  ],
  [
    'verifyGst',
    (c) => c.kyc.verifyGst(SA, { gstin: '29AAJCN5983D1Z0' }),
    'POST',
    'kyc/verify-gst',
    { gstin: '29AAJCN5983D1Z0' },
  ],
  [
    'searchCin',
    (c) => c.kyc.searchCin(SA, { company_name: 'ACME' }),
    'POST',
    'kyc/cin/search',
    { company_name: 'ACME' },
  ],
  [
    'confirmCin',
    (c) => c.kyc.confirmCin(SA, { company_name: 'ACME', selected_cin: 'AAB-1234' }),
    'POST',
    'kyc/cin/confirm',
    { company_name: 'ACME', selected_cin: 'AAB-1234' },
  ],
  [
    'initiateDigilocker',
    (c) => c.kyc.initiateDigilocker(SA, { redirect_url: 'http://localhost:3000/back' }),
    'POST',
    'kyc/digilocker/initiate',
    { redirect_url: 'http://localhost:3000/back' },
  ],
  [
    'verifyDigilocker',
    (c) =>
      c.kyc.verifyDigilocker(SA, { access_request_id: 'AR_1', linked_number: '+919200000000' }),
    'POST',
    'kyc/digilocker/verify',
    { access_request_id: 'AR_1', linked_number: '+919200000000' },
  ],
  [
    'createSession',
    (c) =>
      c.kyc.createSession(SA, { flow_type: 'redirect', redirect_url: 'https://app.example/done' }),
    'POST',
    'kyc-sessions',
    { flow_type: 'redirect', redirect_url: 'https://app.example/done', account_auth_id: SA },
  ],
];

describe('vobiz kyc: each call', () => {
  it.each(calls)(
    '%s: method, path under /api/v1/sub-accounts/{sub_auth_id}, body',
    async (_name, call, method, tail, body) => {
      const { client, requests } = kycClient({}, () =>
        Response.json({
          ...RESULT,
          session_id: 's1',
          matches: [],
          auth_url: 'https://x',
          access_request_id: 'AR_1',
        }),
      );
      await call(client);
      expect(requests[0]?.method).toBe(method);
      expect(requests[0]?.url.pathname).toBe(`/api/v1/sub-accounts/${SA}/${tail}`);
      expect(requests[0]?.body).toEqual(body);
      // The header pair always goes; no bearer unless configured.
      expect(requests[0]?.headers.get('x-auth-token')).toBe(AUTH_TOKEN);
      expect(requests[0]?.headers.get('authorization')).toBeNull();
    },
  );

  it('a verification answer without `status` is refused as invalid', async () => {
    const { client } = kycClient({}, () => Response.json({ ok: true }));
    await expect(client.kyc.verifyPan(SA, { pan: 'ABCDE1234F' })).rejects.toMatchObject({
      name: 'InvalidResponseError',
      outcomeUnknown: true,
    });
  });
});

describe('vobiz kyc: the parent bearer token', () => {
  it('a fixed token goes on KYC calls only, next to the header pair', async () => {
    const { client, requests } = kycClient({ bearerToken: JWT }, () =>
      Response.json(subAccount(1, { auth_id: SA })),
    );
    await client.kyc.status(SA);
    await client.subAccounts.get(SA);
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${JWT}`);
    expect(requests[0]?.headers.get('x-auth-id')).toBe(AUTH_ID);
    expect(requests[1]?.headers.get('authorization')).toBeNull();
  });

  it('a function is asked for the current token on every call', async () => {
    let n = 0;
    const { client, requests } = kycClient({ bearerToken: async () => `${JWT}-${++n}` });
    await client.kyc.verifyPan(SA, { pan: 'ABCDE1234F' });
    await client.kyc.verifyPan(SA, { pan: 'ABCDE1234F' });
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual([
      `Bearer ${JWT}-1`,
      `Bearer ${JWT}-2`,
    ]);
  });

  it('the token never appears in an error, even when the provider echoes it', async () => {
    const { client } = kycClient({ bearerToken: JWT }, () =>
      Response.json({ api_id: 'a', error: `bad token ${JWT}` }, { status: 401 }),
    );
    const error = await client.kyc.status(SA).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AuthenticationError' });
    for (const shown of [String(error), JSON.stringify(error), inspect(error, { depth: 10 })])
      expect(shown).not.toContain('kyc-canary-payload');
  });

  it('a blank token is refused at construction; a function giving a blank one fails that call', async () => {
    expect(() => kycClient({ bearerToken: '  ' })).toThrow(ConfigurationError);
    const { client, requests } = kycClient({ bearerToken: () => '' });
    await expect(client.kyc.status(SA)).rejects.toBeInstanceOf(ConfigurationError);
    expect(requests).toHaveLength(0);
  });
});
