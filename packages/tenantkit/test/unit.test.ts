/** The facade's mapping both ways, its capability checks and its credentials, with an injected fetch. */
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { ConfigurationError, NotFoundError, Secret, ValidationError } from '@tenantkit/core';
import {
  createRecordingFetch,
  type RecordedRequest,
  throwawayVoximplantKey,
} from '@tenantkit/mock';
import { describe, expect, it } from 'vitest';
import {
  CAPABILITIES,
  capabilityMarkdown,
  capabilityMatrix,
  createTenantkit,
  INPUT_FIELDS,
} from '../src/index.js';

const SYNTHFLOW_ID = '1726005822670x239735712159542050';
const API_KEY_HANDED_OUT = 'sk-live-handed-out-once-1234567890';
const AUTH_TOKEN_HANDED_OUT = 'vobiz-token-handed-out-once-0987654321';

function answering(respond: (request: RecordedRequest) => unknown) {
  return createRecordingFetch((request) => Response.json(respond(request)));
}

const vobizSubAccount = {
  name: 'Acme',
  email: 'ops@acme.example',
  phone: null,
  description: 'Acme tenant',
  permissions: { calls: true, cdr: false },
  rate_limit: 50,
  id: '42',
  parent_auth_id: 'MA_PARENT01',
  auth_id: 'SA_ACME0001',
  auth_token: '<redacted>',
  api_id: '3f1b2c4d-0000-4000-8000-000000000000',
  email_verified: false,
  enabled: true,
  created: '2026-11-24',
  modified: '2026-11-24',
  is_active: true,
  created_at: '2026-11-24T10:00:00Z',
  updated_at: '2026-11-24T10:00:00Z',
  last_used: null,
  account: '/accounts/MA_PARENT01',
  resource_uri: '/accounts/MA_PARENT01/sub-accounts/SA_ACME0001',
};

describe('createTenantkit', () => {
  it('builds only the configured clients, shares core options, lets a provider override them', async () => {
    const shared = answering(() => ({ status: 'ok', response: { subaccounts: [] } }));
    const own = answering(() => ({ sub_accounts: [], total: 0, page: 1, size: 100 }));
    const tk = createTenantkit({
      fetch: shared.fetch,
      maxRetries: 0,
      synthflow: { apiKey: 'k', baseUrl: 'http://synthflow.test' },
      vobiz: {
        authId: 'MA_PARENT01',
        authToken: 't',
        baseUrl: 'http://vobiz.test',
        fetch: own.fetch,
      },
    });
    expect(tk.configured).toEqual(['synthflow', 'vobiz']);
    for await (const _ of tk.subaccounts.list('synthflow')) break;
    for await (const _ of tk.subaccounts.list('vobiz')) break;
    expect(shared.requests.map((r) => r.url.host)).toEqual(['synthflow.test']);
    expect(own.requests.map((r) => r.url.host)).toEqual(['vobiz.test']);
    expect(tk.synthflow.baseUrl).toBe('http://synthflow.test');
  });

  it('an unconfigured provider throws a ConfigurationError that says how to configure it', async () => {
    const tk = createTenantkit({ synthflow: { apiKey: 'k' } });
    expect(() => tk.vobiz).toThrow(ConfigurationError);
    expect(() => tk.vobiz).toThrow(/VOBIZ_AUTH_ID and VOBIZ_AUTH_TOKEN/);
    expect(() => tk.voximplant).toThrow(/VOXIMPLANT_CREDENTIALS/);
    await expect(tk.subaccounts.get('vobiz', 'SA_X')).rejects.toThrow(
      /vobiz: \{ authId, authToken \}/,
    );
  });

  it('an unknown provider is a ValidationError', async () => {
    const tk = createTenantkit({ synthflow: { apiKey: 'k' } });
    await expect(tk.subaccounts.get('plivo' as 'vobiz', 'x')).rejects.toMatchObject({
      field: 'provider',
      rule: 'enum',
    });
  });

  it('inspecting the facade shows no credential', () => {
    const tk = createTenantkit({ synthflow: { apiKey: 'sk-very-secret-key' } });
    expect(inspect(tk)).not.toContain('sk-very-secret-key');
    expect(JSON.stringify(tk)).not.toContain('sk-very-secret-key');
  });
});

describe('synthflow mapping', () => {
  const setup = (respond: (request: RecordedRequest) => unknown) => {
    const recording = answering(respond);
    const tk = createTenantkit({
      fetch: recording.fetch,
      maxRetries: 0,
      synthflow: { apiKey: 'k', baseUrl: 'http://synthflow.test' },
    });
    return { tk, requests: recording.requests };
  };

  it('create: unified input → wire body; api_key → a Secret credential; raw redacted', async () => {
    const { tk, requests } = setup(() => ({
      status: 'ok',
      response: {
        subaccount_id: SYNTHFLOW_ID,
        api_key: API_KEY_HANDED_OUT,
        user_email: 'o@acme.example',
      },
    }));
    const created = await tk.subaccounts.create('synthflow', {
      name: 'Acme',
      email: 'o@acme.example',
      limits: { concurrency: 5, maxAgents: null, maxMinutes: 1000, maxWorkflowRuns: 10 },
      permissions: { grant: ['inbound', 'logs'], revoke: ['widget'] },
      extra: { twilio_account_sid: 'AC123' },
    });
    expect(requests[0]?.body).toEqual({
      subaccount_name: 'Acme',
      user_email: 'o@acme.example',
      concurrency: 5,
      max_agents: null,
      max_minutes: 1000,
      max_workflow_runs: 10,
      grant_permissions: ['inbound', 'logs'],
      revoke_permissions: ['widget'],
      twilio_account_sid: 'AC123',
    });
    expect(created).toMatchObject({ provider: 'synthflow', id: SYNTHFLOW_ID, name: 'Acme' });
    expect(created.credentials.apiKey).toBeInstanceOf(Secret);
    expect(created.credentials.apiKey?.reveal()).toBe(API_KEY_HANDED_OUT);
    expect(created.raw.api_key).toBe('[REDACTED]');
    for (const printed of [
      JSON.stringify(created),
      inspect(created, { depth: 9 }),
      String(created.credentials.apiKey),
    ]) {
      expect(printed).not.toContain(API_KEY_HANDED_OUT);
    }
  });

  it('get: wire → unified (limits from max_minutes, the permissions object as is)', async () => {
    const { tk, requests } = setup(() => ({
      status: 'ok',
      response: {
        subaccounts: [
          {
            subaccount_id: SYNTHFLOW_ID,
            name: 'Acme',
            max_minutes: null,
            permissions: { inbound: true, widget: false },
          },
        ],
      },
    }));
    await expect(tk.subaccounts.get('synthflow', SYNTHFLOW_ID)).resolves.toEqual({
      provider: 'synthflow',
      id: SYNTHFLOW_ID,
      name: 'Acme',
      limits: { maxMinutes: null },
      permissions: { inbound: true, widget: false },
      raw: {
        subaccount_id: SYNTHFLOW_ID,
        name: 'Acme',
        max_minutes: null,
        permissions: { inbound: true, widget: false },
      },
    });
    expect(requests[0]?.url.pathname).toBe(`/subaccounts/${SYNTHFLOW_ID}`);
  });

  it('get: an empty answer is a NotFoundError', async () => {
    const { tk } = setup(() => ({ status: 'ok', response: { subaccounts: [] } }));
    await expect(tk.subaccounts.get('synthflow', SYNTHFLOW_ID)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('update: email → invite_user_email, then the sub-account is read back', async () => {
    const { tk, requests } = setup((request) =>
      request.method === 'PUT'
        ? { status: 'ok', response: { subaccount_id: SYNTHFLOW_ID } }
        : {
            status: 'ok',
            response: { subaccounts: [{ subaccount_id: SYNTHFLOW_ID, name: 'Renamed' }] },
          },
    );
    const updated = await tk.subaccounts.update('synthflow', SYNTHFLOW_ID, {
      name: 'Renamed',
      email: 'new@acme.example',
      limits: { maxMinutes: null },
    });
    expect(requests.map((r) => r.method)).toEqual(['PUT', 'GET']);
    expect(requests[0]?.body).toEqual({
      subaccount_name: 'Renamed',
      invite_user_email: 'new@acme.example',
      max_minutes: null,
    });
    expect(updated.name).toBe('Renamed');
  });

  it('list yields every sub-account of the one answer, honouring limit', async () => {
    const { tk } = setup(() => ({
      status: 'ok',
      response: {
        subaccounts: [
          { subaccount_id: 'a', name: 'A' },
          { subaccount_id: 'b', name: 'B' },
        ],
      },
    }));
    const ids: string[] = [];
    for await (const account of tk.subaccounts.list('synthflow', { limit: 1 }))
      ids.push(account.id);
    expect(ids).toEqual(['a']);
  });

  it('delete answers the unified result', async () => {
    const { tk, requests } = setup(() => ({
      status: 'ok',
      response: { answer: 'Subaccount deleted.' },
    }));
    await expect(tk.subaccounts.delete('synthflow', SYNTHFLOW_ID)).resolves.toEqual({
      provider: 'synthflow',
      id: SYNTHFLOW_ID,
      deleted: true,
      raw: { answer: 'Subaccount deleted.' },
    });
    expect(requests[0]?.method).toBe('DELETE');
  });
});

describe('vobiz mapping', () => {
  const setup = (respond: (request: RecordedRequest) => unknown) => {
    const recording = answering(respond);
    const tk = createTenantkit({
      fetch: recording.fetch,
      maxRetries: 0,
      vobiz: { authId: 'MA_PARENT01', authToken: 'parent-token', baseUrl: 'http://vobiz.test' },
    });
    return { tk, requests: recording.requests };
  };

  it('create: unified → wire; auth_id + auth_token → Secrets; console tokens redacted in raw', async () => {
    const { tk, requests } = setup(() => ({
      message: 'created',
      sub_account: { ...vobizSubAccount, auth_token: AUTH_TOKEN_HANDED_OUT },
      auth_credentials: { auth_id: 'SA_ACME0001', auth_token: AUTH_TOKEN_HANDED_OUT },
      tokens: {
        access_token: 'eyJhbGciOi.eyJzdWIiOi.sig',
        refresh_token: 'r',
        token_type: 'bearer',
        expires_in: 3600,
      },
    }));
    const created = await tk.subaccounts.create('vobiz', {
      name: 'Acme',
      email: 'ops@acme.example',
      description: 'Acme tenant',
      enabled: false,
      limits: { rateLimit: 50 },
      permissions: { calls: true, cdr: false },
      password: 'Console-Passw0rd!',
      extra: { kyc_mode: 'personal_use' },
    });
    expect(requests[0]?.body).toEqual({
      name: 'Acme',
      email: 'ops@acme.example',
      description: 'Acme tenant',
      enabled: false,
      rate_limit: 50,
      permissions: { calls: true, cdr: false },
      password: 'Console-Passw0rd!',
      kyc_mode: 'personal_use',
    });
    expect(created.id).toBe('SA_ACME0001');
    expect(created.credentials.authToken?.reveal()).toBe(AUTH_TOKEN_HANDED_OUT);
    expect(created.credentials.authId?.reveal()).toBe('SA_ACME0001');
    const printed = `${JSON.stringify(created)}${inspect(created, { depth: 9 })}`;
    expect(printed).not.toContain(AUTH_TOKEN_HANDED_OUT);
    expect(printed).not.toContain('eyJhbGciOi');
  });

  it('get: keyed by the SA_ auth id; wire → unified', async () => {
    const { tk, requests } = setup(() => vobizSubAccount);
    const account = await tk.subaccounts.get('vobiz', 'SA_ACME0001');
    expect(requests[0]?.url.pathname).toBe('/api/v1/accounts/MA_PARENT01/sub-accounts/SA_ACME0001');
    expect(account).toMatchObject({
      provider: 'vobiz',
      id: 'SA_ACME0001',
      name: 'Acme',
      email: 'ops@acme.example',
      description: 'Acme tenant',
      enabled: true,
      limits: { rateLimit: 50 },
      permissions: { calls: true, cdr: false },
      createdAt: '2026-11-24T10:00:00Z',
    });
    expect(account.raw.id).toBe('42');
  });

  it('the numeric id is refused with a hint, before any request', async () => {
    const { tk, requests } = setup(() => vobizSubAccount);
    await expect(tk.subaccounts.get('vobiz', '42')).rejects.toMatchObject({
      provider: 'vobiz',
      field: 'id',
      rule: 'sa-auth-id',
      message: expect.stringContaining('id is a numeric id (the `id` field)'),
    });
    expect(requests).toHaveLength(0);
  });

  // The mock once created `{auth_id}` and the refusal called it "the numeric id": it says what
  // was actually wrong now.
  it.each([
    ['MA_PARENT01', "is a parent account's auth id (MA_…)"],
    ['abc', 'is not a sub-account auth id: pass the `auth_id` field of the sub-account, SA_…'],
  ])('an id %s is refused saying what it is', async (id, message) => {
    const { tk, requests } = setup(() => vobizSubAccount);
    const error = await tk.subaccounts.get('vobiz', id).catch((e: unknown) => e);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('numeric');
    expect(requests).toHaveLength(0);
  });

  it('list walks every page', async () => {
    const { tk, requests } = setup((request) => {
      const page = Number(request.url.searchParams.get('page') ?? 1);
      const items =
        page === 1
          ? [vobizSubAccount, { ...vobizSubAccount, auth_id: 'SA_2' }]
          : [{ ...vobizSubAccount, auth_id: 'SA_3' }];
      return { sub_accounts: items, total: 3, page, size: 2 };
    });
    const ids: string[] = [];
    for await (const account of tk.subaccounts.list('vobiz', { pageSize: 2 })) ids.push(account.id);
    expect(ids).toEqual(['SA_ACME0001', 'SA_2', 'SA_3']);
    expect(requests.map((r) => r.url.searchParams.get('page'))).toEqual(['1', '2']);
  });

  it('update sends only the mapped fields and answers the updated sub-account', async () => {
    const { tk, requests } = setup(() => ({ ...vobizSubAccount, enabled: false }));
    const updated = await tk.subaccounts.update('vobiz', 'SA_ACME0001', {
      enabled: false,
      limits: { rateLimit: 10 },
    });
    expect(requests[0]?.body).toEqual({ enabled: false, rate_limit: 10 });
    expect(updated.enabled).toBe(false);
  });
});

describe('voximplant mapping', () => {
  const setup = (respond: (request: RecordedRequest) => unknown) => {
    const recording = answering(respond);
    const tk = createTenantkit({
      fetch: recording.fetch,
      maxRetries: 0,
      voximplant: {
        credentials: throwawayVoximplantKey().credentials,
        baseUrl: 'http://voximplant.test',
      },
    });
    return { tk, requests: recording.requests };
  };
  const subUser = {
    subuser_id: 109,
    subuser_name: 'support_desk',
    description: 'Support',
    roles: [{ role_id: 3, role_name: 'Support', gui_only: false }],
  };

  it('create: name/password/roles → AddSubUser; the id becomes a string; no credentials', async () => {
    const { tk, requests } = setup(() => ({ result: { subuser_id: 109 } }));
    const created = await tk.subaccounts.create('voximplant', {
      name: 'support_desk',
      password: 'Str0ng!Pass',
      description: 'Support',
      roles: { grant: ['Support', 'Accountant'] },
    });
    const query = requests[0]?.url.searchParams;
    expect(requests[0]?.url.pathname).toBe('/AddSubUser');
    expect(query?.get('new_subuser_name')).toBe('support_desk');
    expect(query?.get('role_name')).toBe('Support;Accountant');
    expect(query?.get('description')).toBe('Support');
    expect(created).toEqual({
      provider: 'voximplant',
      id: '109',
      name: 'support_desk',
      credentials: {},
      raw: { subuser_id: 109 },
    });
    expect(JSON.stringify(created)).not.toContain('Str0ng!Pass');
  });

  it('get: GetSubUsers filtered by id, with roles; wire → unified', async () => {
    const { tk, requests } = setup(() => ({ result: [subUser] }));
    await expect(tk.subaccounts.get('voximplant', '109')).resolves.toEqual({
      provider: 'voximplant',
      id: '109',
      name: 'support_desk',
      description: 'Support',
      roles: subUser.roles,
      raw: subUser,
    });
    expect(requests[0]?.url.searchParams.get('subuser_id')).toBe('109');
    expect(requests[0]?.url.searchParams.get('with_roles')).toBe('true');
  });

  it('get: an empty answer is a NotFoundError; a non-numeric id a ValidationError', async () => {
    const { tk, requests } = setup(() => ({ result: [] }));
    await expect(tk.subaccounts.get('voximplant', '109')).rejects.toBeInstanceOf(NotFoundError);
    await expect(tk.subaccounts.get('voximplant', 'SA_1')).rejects.toMatchObject({
      rule: 'integer-id',
    });
    expect(requests).toHaveLength(1);
  });

  it('update: description/password, role grants and removals are separate calls, then a read', async () => {
    const { tk, requests } = setup((request) =>
      request.url.pathname === '/GetSubUsers' ? { result: [subUser] } : { result: 1 },
    );
    await tk.subaccounts.update('voximplant', '109', {
      description: 'Desk',
      password: 'N3w!Passw0rd',
      currentPassword: 'Str0ng!Pass',
      roles: { grant: [3, 7], revoke: ['Accountant'] },
    });
    expect(requests.map((r) => r.url.pathname)).toEqual([
      '/SetSubUserInfo',
      '/SetSubUserRoles',
      '/RemoveSubUserRoles',
      '/GetSubUsers',
    ]);
    expect(requests[1]?.url.searchParams.get('role_id')).toBe('3;7');
    expect(requests[2]?.url.searchParams.get('role_name')).toBe('Accountant');
  });

  it('a password change without the current password is refused', async () => {
    const { tk, requests } = setup(() => ({ result: 1 }));
    await expect(
      tk.subaccounts.update('voximplant', '109', { password: 'N3w!Passw0rd' }),
    ).rejects.toMatchObject({
      field: 'currentPassword',
    });
    expect(requests).toHaveLength(0);
  });

  it('roles mixing ids and names are refused', async () => {
    const { tk } = setup(() => ({ result: 1 }));
    await expect(
      tk.subaccounts.update('voximplant', '109', {
        roles: { grant: [3, 'Support'] as unknown as number[] },
      }),
    ).rejects.toMatchObject({ field: 'roles.grant', rule: 'role-refs' });
  });
});

describe('capabilities: a field a provider cannot honour is a ValidationError naming provider and field', () => {
  const recording = answering(() => ({}));
  const tk = createTenantkit({
    fetch: recording.fetch,
    synthflow: { apiKey: 'k', baseUrl: 'http://synthflow.test' },
    vobiz: { authId: 'MA_P', authToken: 't', baseUrl: 'http://vobiz.test' },
    voximplant: {
      credentials: throwawayVoximplantKey().credentials,
      baseUrl: 'http://voximplant.test',
    },
  });
  const cases = [
    ['synthflow', 'create', { name: 'a', enabled: true }, 'enabled'],
    ['synthflow', 'create', { name: 'a', password: 'Str0ng!Pass' }, 'password'],
    ['synthflow', 'create', { name: 'a', description: 'd' }, 'description'],
    ['synthflow', 'update', { roles: { grant: ['x'] } }, 'roles'],
    ['vobiz', 'update', { password: 'Str0ng!Pass' }, 'password'],
    ['vobiz', 'create', { name: 'a', roles: { grant: ['x'] } }, 'roles'],
    [
      'voximplant',
      'create',
      { name: 'agent_one', password: 'Str0ng!Pass', limits: { maxMinutes: 1 } },
      'limits',
    ],
    [
      'voximplant',
      'create',
      { name: 'agent_one', password: 'Str0ng!Pass', email: 'a@b.co' },
      'email',
    ],
    ['voximplant', 'update', { name: 'renamed' }, 'name'],
    ['voximplant', 'update', { enabled: false }, 'enabled'],
  ] as const;

  it.each(cases)('%s %s refuses %o (%s)', async (provider, operation, input, field) => {
    const call =
      operation === 'create'
        ? tk.subaccounts.create(provider, input as never)
        : tk.subaccounts.update(provider, provider === 'vobiz' ? 'SA_X' : '109', input as never);
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider, field, rule: 'unsupported-field' });
    expect((error as Error).message).toContain(`${provider}.subaccounts.${operation}: ${field}`);
    expect(recording.requests).toHaveLength(0);
  });

  it('a required field is required (Voximplant password) and a typo is not dropped', async () => {
    await expect(
      tk.subaccounts.create('voximplant', { name: 'agent_one' } as never),
    ).rejects.toMatchObject({
      field: 'password',
      rule: 'required',
    });
    await expect(
      tk.subaccounts.create('vobiz', { name: 'a', emial: 'x' } as never),
    ).rejects.toMatchObject({
      field: 'emial',
      rule: 'known-field',
    });
    await expect(
      tk.subaccounts.create('synthflow', { name: 'a', limits: { rateLimit: 1 } } as never),
    ).rejects.toMatchObject({
      field: 'limits.rateLimit',
    });
  });

  it('paging options a provider does not page are refused', () => {
    const walk = tk.subaccounts.list('synthflow', { pageSize: 10 })[Symbol.asyncIterator]();
    return expect(walk.next()).rejects.toMatchObject({ provider: 'synthflow', field: 'pageSize' });
  });

  it('the matrix, the checks and capabilities() come from the one table', () => {
    expect(tk.capabilities('voximplant')).toBe(CAPABILITIES.voximplant);
    const { header, rows } = capabilityMatrix();
    expect(header).toEqual(['', 'synthflow', 'vobiz', 'voximplant', 'twilio']);
    expect(rows.map((row) => row[0])).toEqual([
      'operations',
      ...INPUT_FIELDS,
      'delete',
      'paging',
      'credentials on create',
      'numbers',
      'child accounts',
      'on the provider client only',
    ]);
    const enabledRow = rows.find((row) => row[0] === 'enabled');
    expect(enabledRow?.[1]).toBe('—');
    expect(enabledRow?.[2]).toContain('create, update');
  });
});

describe('README', () => {
  it.each([
    ['package', '../README.md'],
    ['repository', '../../../README.md'],
  ])(
    'the %s README holds the matrix generated from the code table (tsx scripts/readme-matrix.ts)',
    (_which, path) => {
      const readme = readFileSync(new URL(path, import.meta.url), 'utf8');
      expect(readme).toContain(
        `<!-- capability-matrix:start -->\n${capabilityMarkdown()}\n<!-- capability-matrix:end -->`,
      );
    },
  );
});
