/** The sandbox over raw HTTP: each provider's authentication, spec refusals, faults as seen on the wire. */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_PROVIDERS, type Sandbox, startSandbox } from '../src/index.js';
import { type Answer, call, nowSeconds, REPO_SPECS, voximplantToken } from './support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ specs: REPO_SPECS, seed: 13 });
});
afterAll(() => sandbox.stop());
afterEach(() => {
  for (const provider of SANDBOX_PROVIDERS) sandbox.setFaults(provider, undefined);
});

const synthflow = (
  path: string,
  init: RequestInit = {},
  key = sandbox.credentials.synthflow?.apiKey,
) =>
  call(`${sandbox.urls.synthflow}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
  });

function vobiz(path: string, init: RequestInit = {}, id?: string, token?: string) {
  const { authId, authToken } = sandbox.credentials.vobiz ?? { authId: '', authToken: '' };
  return call(`${sandbox.urls.vobiz}/api/v1/accounts/${authId}/sub-accounts/${path}`, {
    ...init,
    headers: {
      'x-auth-id': id ?? authId,
      'x-auth-token': token ?? authToken,
      'content-type': 'application/json',
    },
  });
}

const keyInfo = () =>
  sandbox.credentials.voximplant?.credentials as NonNullable<
    typeof sandbox.credentials.voximplant
  >['credentials'];

function voximplant(
  method: string,
  query: Record<string, string> = {},
  token?: string,
): Promise<Answer> {
  const info = keyInfo();
  const bearer =
    token ??
    voximplantToken(
      info.private_key,
      { kid: info.key_id },
      { iss: info.account_id, iat: nowSeconds(), exp: nowSeconds() + 60 },
    );
  return call(`${sandbox.urls.voximplant}/${method}?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}` },
  });
}

describe('authentication: a wrong credential gets the provider’s own refusal', () => {
  it('synthflow: a bearer key other than the workspace’s is a 401', async () => {
    const answer = await synthflow('/subaccounts/', {}, 'not-the-key');
    expect(answer).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    expect((await synthflow('/subaccounts/')).status).toBe(200);
  });

  it('vobiz: a wrong token is a 401; a sub-account’s own credentials or another parent are a 403', async () => {
    const wrong = await vobiz('', {}, undefined, 'wrong-token');
    expect(wrong).toMatchObject({
      status: 401,
      body: { status: 'error', error: { code: 'UNAUTHORIZED' } },
    });

    const created = await vobiz('', { method: 'POST', body: JSON.stringify({ name: 'Own keys' }) });
    const { auth_id, auth_token } = (
      created.body as { auth_credentials: { auth_id: string; auth_token: string } }
    ).auth_credentials;
    const own = await vobiz('', {}, auth_id, auth_token);
    expect(own).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });

    const { authId, authToken } = sandbox.credentials.vobiz ?? { authId: '', authToken: '' };
    const other = await call(`${sandbox.urls.vobiz}/api/v1/accounts/MA_OTHER000/sub-accounts/`, {
      headers: { 'x-auth-id': authId, 'x-auth-token': authToken },
    });
    expect(other.status).toBe(403);
    expect((await vobiz(auth_id, { method: 'DELETE' })).status).toBe(200);
  });

  describe('voximplant: the RS256 token is verified, each problem with its documented code (in HTTP 200)', () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const cases: Array<[string, () => string, number | undefined]> = [
      ['a valid token', () => sign({}, {}), undefined],
      [
        'a signature by another key',
        () => voximplantToken(stranger, { kid: keyInfo().key_id }, claims()),
        100,
      ],
      ['an unknown key id', () => sign({ kid: 'no-such-key' }, {}), 100],
      ['another account as iss', () => sign({}, { iss: keyInfo().account_id + 1 }), 100],
      ['iss as a string', () => sign({}, { iss: String(keyInfo().account_id) }), 100],
      ['a token that is not a JWT', () => 'not.a-jwt', 447],
      ['another algorithm', () => sign({ alg: 'HS256' }, {}), 447],
      ['no kid', () => sign({ kid: undefined }, {}), 447],
      ['a lifetime over 3600 s', () => sign({}, { exp: nowSeconds() + 3601 }), 454],
      [
        'issued two minutes from now',
        () => sign({}, { iat: nowSeconds() + 120, exp: nowSeconds() + 180 }),
        455,
      ],
      ['expired', () => sign({}, { iat: nowSeconds() - 120, exp: nowSeconds() - 60 }), 456],
    ];
    function claims(overrides: Record<string, unknown> = {}) {
      return { iss: keyInfo().account_id, iat: nowSeconds(), exp: nowSeconds() + 60, ...overrides };
    }
    function sign(header: Record<string, unknown>, overrides: Record<string, unknown>) {
      return voximplantToken(
        keyInfo().private_key,
        { kid: keyInfo().key_id, ...header },
        claims(overrides),
      );
    }

    it.each(cases)('%s', async (_name, token, code) => {
      const answer = await voximplant('GetRoleGroups', {}, token());
      expect(answer.status).toBe(200);
      if (code === undefined) expect(answer.body).toMatchObject({ result: expect.any(Array) });
      else expect(answer.body).toEqual({ error: { code, msg: expect.any(String) } });
    });
  });
});

describe('held to the spec', () => {
  it('a request the spec refuses gets Prism’s 422, is recorded, and never reaches the sandbox', async () => {
    const before = await synthflow('/subaccounts/');
    const refused = await synthflow('/subaccounts', {
      method: 'POST',
      body: JSON.stringify({ subaccount_name: 'Twice', grant_permissions: ['logs', 'logs'] }),
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(sandbox.violations).toEqual([
      expect.objectContaining({ provider: 'synthflow', side: 'request', status: 422 }),
    ]);
    sandbox.violations.length = 0;
    expect((await synthflow('/subaccounts/')).body).toEqual(before.body);
  });

  it('a request without the credential the spec demands gets Prism’s 401 problem', async () => {
    const answer = await call(`${sandbox.urls.vobiz}/api/v1/accounts/MA_X/sub-accounts/`);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(sandbox.violations.map((violation) => violation.side)).toEqual(['request']);
    sandbox.violations.length = 0;
  });
});

describe('rules only the sandbox can check (the spec cannot express them)', () => {
  it('synthflow: a permission both granted and revoked is a 400 with a detail', async () => {
    const answer = await synthflow('/subaccounts', {
      method: 'POST',
      body: JSON.stringify({
        subaccount_name: 'Overlap',
        grant_permissions: ['logs'],
        revoke_permissions: ['logs'],
      }),
    });
    expect(answer).toMatchObject({
      status: 400,
      body: { detail: expect.stringContaining('granted and revoked') },
    });
  });

  it('voximplant: role_id with role_name is 449, neither on SetSubUserRoles is 485, a weak password 464', async () => {
    const both = await voximplant('AddSubUser', {
      new_subuser_name: 'both_roles',
      new_subuser_password: 'Str0ng!Pass',
      role_id: '3',
      role_name: 'Support',
    });
    expect(both.body).toMatchObject({ error: { code: 449 } });
    const weak = await voximplant('AddSubUser', {
      new_subuser_name: 'new_subuser_name',
      new_subuser_password: 'new_subuser_password',
    });
    expect(weak.body).toMatchObject({ error: { code: 464 } });
    const added = await voximplant('AddSubUser', {
      new_subuser_name: 'Mixed_Case',
      new_subuser_password: 'Str0ng!Pass',
    });
    const { subuser_id } = (added.body as { result: { subuser_id: number } }).result;
    const listed = await voximplant('GetSubUsers', { subuser_id: String(subuser_id) });
    expect(listed.body).toEqual({ result: [{ subuser_id, subuser_name: 'mixed_case' }] });
    const neither = await voximplant('SetSubUserRoles', { subuser_id: String(subuser_id) });
    expect(neither.body).toMatchObject({
      error: { code: 485, msg: "Specify the 'role_id' parameter." },
    });
    expect((await voximplant('DelSubUser', { subuser_id: String(subuser_id) })).body).toEqual({
      result: 1,
    });
  });
});

describe('faults on the wire', () => {
  it('beyond the rate limit: 429 with an integer Retry-After and the provider’s body', async () => {
    sandbox.setFaults('vobiz', { rateLimitPerSecond: 1 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => vobiz('')));
    const limited = answers.filter((answer) => answer.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]?.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(limited[0]?.body).toMatchObject({ error: { code: 'RATE_LIMIT_EXCEEDED' } });
    expect(sandbox.exchanges.filter((exchange) => exchange.fault === 'rate-limited').length).toBe(
      limited.length,
    );
  });

  it('a server error comes before processing: the create made nothing', async () => {
    sandbox.setFaults('synthflow', { serverErrorRate: 1 });
    const failed = await synthflow('/subaccounts', {
      method: 'POST',
      body: JSON.stringify({ subaccount_name: 'Never' }),
    });
    expect(failed).toMatchObject({ status: 500, body: { error: 'internal_error' } });
    sandbox.setFaults('synthflow', undefined);
    const list = (await synthflow('/subaccounts/')).body as {
      response: { subaccounts: Array<{ name: string }> };
    };
    expect(list.response.subaccounts.map((item) => item.name)).not.toContain('Never');
  });

  it('processed, then reset: the caller sees a dead connection, the tenant exists', async () => {
    sandbox.setFaults('synthflow', { resetAfterCreateRate: 1 });
    await expect(
      synthflow('/subaccounts', {
        method: 'POST',
        body: JSON.stringify({ subaccount_name: 'Maybe' }),
      }),
    ).rejects.toThrow();
    const list = (await synthflow('/subaccounts/')).body as {
      response: { subaccounts: Array<{ name: string }> };
    };
    expect(list.response.subaccounts.filter((item) => item.name === 'Maybe')).toHaveLength(1);
    expect(sandbox.exchanges.at(-2)).toMatchObject({
      operationId: 'createSubaccount',
      status: 0,
      fault: 'reset',
    });
  });

  it('bad fault options are refused, naming the field and the rule', async () => {
    expect(() => sandbox.setFaults('vobiz', { serverErrorRate: 2 })).toThrow(
      'sandbox: faults.vobiz.serverErrorRate must be a number from 0 to 1 (rule: probability)',
    );
    expect(() => sandbox.setFaults('vobiz', { latencyMs: [50, 10] })).toThrow('(rule: min-max)');
    expect(() => sandbox.setFaults('vobiz', { rateLimit: 3 } as never)).toThrow(
      'faults.vobiz.rateLimit',
    );
    await expect(startSandbox({ providers: ['vobiz'], faults: { synthflow: {} } })).rejects.toThrow(
      'rule: started-provider',
    );
  });
});

afterAll(() => {
  // Nothing the sandbox answered in this file broke the spec.
  expect(sandbox.violations.filter((violation) => violation.side === 'response')).toEqual([]);
});
