/** The facade's mapping both ways, its capability checks and its credentials, with an injected fetch. */
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { ConfigurationError, NotFoundError, ValidationError } from '@tenantkit/core';
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

function answering(respond: (request: RecordedRequest) => unknown) {
  return createRecordingFetch((request) => Response.json(respond(request)));
}

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

// Synthflow's mapping (create, get, update, list, delete, the Twilio link) is tested in
// packages/synthflow/test/facade.test.ts, against the adapter itself.

// Vobiz's mapping and id rule are tested in packages/vobiz/test/facade.test.ts, against the
// adapter itself; here only what the facade adds: it runs the definition's id check first.
describe('vobiz through the facade', () => {
  it('the numeric id is refused with a hint, before any request', async () => {
    const recording = answering(() => ({}));
    const tk = createTenantkit({
      fetch: recording.fetch,
      maxRetries: 0,
      vobiz: { authId: 'MA_PARENT01', authToken: 'parent-token', baseUrl: 'http://vobiz.test' },
    });
    await expect(tk.subaccounts.get('vobiz', '42')).rejects.toMatchObject({
      provider: 'vobiz',
      field: 'id',
      rule: 'sa-auth-id',
      message: expect.stringContaining('id is a numeric id (the `id` field)'),
    });
    expect(recording.requests).toHaveLength(0);
  });
});

// The adapter's mapping and input rules are tested in packages/voximplant/test/facade.test.ts;
// here only what the facade adds: it runs the definition's id check before the adapter.
describe('voximplant through the facade', () => {
  it('a non-numeric id is a ValidationError before any request; a numeric one reaches GetSubUsers', async () => {
    const recording = answering(() => ({ result: [] }));
    const tk = createTenantkit({
      fetch: recording.fetch,
      maxRetries: 0,
      voximplant: {
        credentials: throwawayVoximplantKey({ shared: true }).credentials,
        baseUrl: 'http://voximplant.test',
      },
    });
    await expect(tk.subaccounts.get('voximplant', 'SA_1')).rejects.toMatchObject({
      rule: 'integer-id',
    });
    expect(recording.requests).toHaveLength(0);
    await expect(tk.subaccounts.get('voximplant', '109')).rejects.toBeInstanceOf(NotFoundError);
    expect(recording.requests).toHaveLength(1);
  });
});

describe('capabilities: a field a provider cannot honour is a ValidationError naming provider and field', () => {
  const recording = answering(() => ({}));
  const tk = createTenantkit({
    fetch: recording.fetch,
    synthflow: { apiKey: 'k', baseUrl: 'http://synthflow.test' },
    vobiz: { authId: 'MA_P', authToken: 't', baseUrl: 'http://vobiz.test' },
    voximplant: {
      credentials: throwawayVoximplantKey({ shared: true }).credentials,
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
