/**
 * Regression: every package's CommonJS build (what `require()` resolves to) constructs its client
 * and makes a call. The CJS builds once read openapi-fetch's default export with Node's ESM rule,
 * and construction threw `(0 , import_openapi_fetch.default) is not a function`. The consumer
 * matrix (`pnpm test:consumers`) proves the same from the packed tarballs in Node, Bun and Deno.
 */
import { createRequire } from 'node:module';
import { throwawayVoximplantKey } from '@tenantkit/mock';
import { describe, expect, it } from 'vitest';

// Types from the source: the package's own dist may not be built when this file is type-checked.
type Cjs = typeof import('../src/index.js');
const require = createRequire(import.meta.url);

/** Answers every request with `body` and counts the requests. */
function cannedFetch(body: unknown) {
  const seen: string[] = [];
  const fetch = async (input: Request) => {
    seen.push(`${input.method} ${new URL(input.url).pathname}`);
    return Response.json(body);
  };
  return { fetch, seen };
}

describe('the CommonJS builds, loaded with require()', () => {
  it('resolve to the .cjs files', () => {
    for (const name of ['@tenantkit/synthflow', '@tenantkit/vobiz', '@tenantkit/voximplant'])
      expect(require.resolve(name)).toMatch(/\.cjs$/);
    expect(require.resolve('tenantkit')).toMatch(/\.cjs$/);
  });

  it('Synthflow constructs and calls', async () => {
    const { createSynthflowClient } = require('@tenantkit/synthflow') as Cjs['synthflow'];
    const { fetch, seen } = cannedFetch({ status: 'ok', response: { subaccounts: [] } });
    const client = createSynthflowClient({ apiKey: 'sk-test-key', fetch });
    await expect(client.subaccounts.list()).resolves.toEqual({ subaccounts: [] });
    expect(seen).toEqual(['GET /v2/subaccounts/']);
  });

  it('Vobiz constructs and calls', async () => {
    const { createVobizClient } = require('@tenantkit/vobiz') as Cjs['vobiz'];
    const { fetch, seen } = cannedFetch({ sub_accounts: [] });
    const client = createVobizClient({ authId: 'MA_PARENT1', authToken: 'token-123456', fetch });
    await client.subAccounts.list();
    expect(seen).toHaveLength(1);
  });

  it('Voximplant constructs, signs and calls', async () => {
    const { createVoximplantClient } = require('@tenantkit/voximplant') as Cjs['voximplant'];
    const { fetch, seen } = cannedFetch({ result: [] });
    const { credentials } = throwawayVoximplantKey({ shared: true, accountId: 7, keyId: 'key-1' });
    const client = createVoximplantClient({ credentials, fetch });
    await expect(client.roles.groups()).resolves.toEqual([]);
    expect(seen).toEqual(['POST /platform_api/GetRoleGroups']);
  });

  it('the facade constructs and calls', async () => {
    const { createTenantkit } = require('tenantkit') as Cjs;
    const { fetch, seen } = cannedFetch({ status: 'ok', response: { subaccounts: [] } });
    const tk = createTenantkit({ fetch, synthflow: { apiKey: 'sk-test-key' } });
    const listed = [];
    for await (const account of tk.subaccounts.list('synthflow')) listed.push(account);
    expect(listed).toEqual([]);
    expect(seen).toEqual(['GET /v2/subaccounts/']);
  });
});
