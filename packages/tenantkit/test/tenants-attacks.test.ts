/**
 * Regression tests for what an adversarial review of the tenant sync found (branch a14), each named
 * after the defect it pins. Against the stateful sandbox over HTTP, Prism checking both directions.
 */
import { fileURLToPath } from 'node:url';
import { type Sandbox, startSandbox } from '@tenantkit/mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTenantkit, type Provider, type SubAccount, type Tenantkit } from '../src/index.js';
import {
  MissingSecretsError,
  parseTenantsFile,
  type TenantSecret,
  type TenantsFile,
  TenantsFileError,
  tenantSync,
} from '../src/tenants/index.js';

const spec = (provider: Provider) =>
  fileURLToPath(new URL(`../../../specs/${provider}.yaml`, import.meta.url));
let sandbox: Sandbox;
let tk: Tenantkit;

beforeAll(async () => {
  sandbox = await startSandbox({
    specs: { synthflow: spec('synthflow'), vobiz: spec('vobiz'), voximplant: spec('voximplant') },
  });
  const { synthflow, vobiz, voximplant } = sandbox.credentials;
  tk = createTenantkit({
    maxRetries: 0,
    synthflow: { apiKey: synthflow?.apiKey ?? '', baseUrl: sandbox.urls.synthflow },
    vobiz: {
      authId: vobiz?.authId ?? '',
      authToken: vobiz?.authToken ?? '',
      baseUrl: sandbox.urls.vobiz,
    },
    voximplant: { credentials: voximplant?.credentials, baseUrl: sandbox.urls.voximplant },
  });
});
afterEach(() => {
  for (const provider of ['synthflow', 'vobiz', 'voximplant'] as const)
    sandbox.setFaults(provider, undefined);
  expect(sandbox.violations).toEqual([]);
});
afterAll(async () => {
  await sandbox.stop();
});

const writes = (from: number) =>
  sandbox.exchanges
    .slice(from)
    .filter((exchange) => !/^(get|list)/i.test(exchange.operationId ?? ''));

async function named(provider: Provider, name: string): Promise<SubAccount[]> {
  const found: SubAccount[] = [];
  for await (const record of tk.subaccounts.list(provider))
    if (record.name === name) found.push(record);
  return found;
}

describe('the tenants file', () => {
  it('a YAML alias bomb is a file error with its line, not a crash', () => {
    const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const bomb = levels
      .map((name, index) =>
        index === 0
          ? `    x${name}: &${name} [lol, lol, lol, lol, lol, lol, lol, lol, lol]`
          : `    x${name}: &${name} [${Array(9)
              .fill(`*${levels[index - 1]}`)
              .join(', ')}]`,
      )
      .join('\n');
    const text = `version: 1\nprefix: tk-\ntenants:\n  acme:\n${bomb}\n`;
    let error: unknown;
    try {
      parseTenantsFile(text, { source: 'bomb.yaml' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TenantsFileError);
    expect((error as TenantsFileError).issues).toEqual([
      expect.objectContaining({ field: '(file)', rule: 'yaml-aliases', line: 6 }),
    ]);
    // A few aliases are fine: one block shared by several tenants.
    const shared = parseTenantsFile(
      'version: 1\nprefix: tk-\ntenants:\n  a1:\n    vobiz: &v { description: shared }\n  a2:\n    vobiz: *v\n',
    );
    expect(shared.tenants.a2?.vobiz).toEqual({ description: 'shared' });
  });
});

describe('secrets', () => {
  it('an env reference to a name every object has (constructor, toString) is a missing variable', async () => {
    const file: TenantsFile = {
      version: 1,
      prefix: 'ak1-',
      tenants: {
        acme: { vobiz: { password: { env: 'constructor' } } },
        globex: { voximplant: { password: { env: 'toString' } } },
      },
    };
    const mark = sandbox.exchanges.length;
    await expect(tenantSync(tk).apply(file, { env: {} })).rejects.toThrow(
      new MissingSecretsError([
        { tenant: 'acme', provider: 'vobiz', field: 'password', variable: 'constructor' },
        { tenant: 'globex', provider: 'voximplant', field: 'password', variable: 'toString' },
      ]),
    );
    expect(writes(mark)).toEqual([]);
  });

  it('a create whose outcome is unknown and whose look-up fails still hands its generated password over', async () => {
    const file: TenantsFile = { version: 1, prefix: 'ak2-', tenants: { acme: { voximplant: {} } } };
    const secrets: TenantSecret[] = [];
    const result = await tenantSync(tk).apply(file, {
      onProgress(event) {
        // After the plan's reads: the create is made, then its connection reset; the look-up that
        // follows is over the provider's rate limit.
        if (event.type === 'start')
          sandbox.setFaults('voximplant', { resetAfterCreateRate: 1, rateLimitPerSecond: 1 });
      },
      onSecret: (secret) => secrets.push(secret),
    });
    sandbox.setFaults('voximplant', undefined);
    expect(result.items).toEqual([
      expect.objectContaining({ tenant: 'acme', provider: 'voximplant', outcome: 'failed' }),
    ]);
    expect(result.items[0]?.message).toMatch(/outcome was unknown .*secrets sink/);
    // The record exists, holding the password apply generated: the sink has it.
    expect(await named('voximplant', 'ak2-acme')).toHaveLength(1);
    expect(
      secrets.map(({ tenant, provider, field, origin }) => [tenant, provider, field, origin]),
    ).toEqual([['acme', 'voximplant', 'password', 'generated']]);
    expect(secrets[0]?.id).toBeUndefined();
    // The next apply adopts it as it is: nothing made twice.
    const again = await tenantSync(tk).apply(file);
    expect(again.items.map((item) => item.outcome)).toEqual(['unchanged']);
    expect(await named('voximplant', 'ak2-acme')).toHaveLength(1);
  });
});
