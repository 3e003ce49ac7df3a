/**
 * Regression tests for what an adversarial review of the tenant sync found (branch a14), each named
 * after the defect it pins. Against the stateful sandbox over HTTP, Prism checking both directions.
 */
import type { Sandbox } from '@tenantkit/mock';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Provider, SubAccount, Tenantkit } from '../src/index.js';
import {
  MissingSecretsError,
  parseTenantsFile,
  type TenantSecret,
  type TenantsFile,
  TenantsFileError,
  tenantSync,
} from '../src/tenants/index.js';
import { useSandboxFacade } from './support/sandbox.js';

// Retries are the sync's job here: a 5xx or a 429 is seen at once.
const sandboxed = useSandboxFacade({
  options: { maxRetries: 0 },
  onExchange(exchange) {
    // A create answered by a reset (the record made): from now on every Voximplant call fails,
    // before the caller even learns that its connection died.
    if (exchange.provider === 'voximplant' && exchange.status === 0 && failLookUps)
      sandbox.setFaults('voximplant', { serverErrorRate: 1 });
  },
});
let failLookUps = false;
let sandbox: Sandbox;
let tk: Tenantkit;
beforeAll(() => {
  ({ sandbox, tk } = sandboxed);
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
        // follows is answered 500 (see onExchange above).
        if (event.type === 'start') {
          failLookUps = true;
          sandbox.setFaults('voximplant', { resetAfterCreateRate: 1 });
        }
      },
      onSecret: (secret) => secrets.push(secret),
    });
    failLookUps = false;
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

  it('stop (Ctrl-C): no new item once aborted; those in flight finish and hand their secrets over', async () => {
    const file: TenantsFile = {
      version: 1,
      prefix: 'ak3-',
      tenants: { a: { vobiz: {} }, b: { vobiz: {} }, c: { vobiz: {} } },
    };
    const stop = new AbortController();
    const secrets: TenantSecret[] = [];
    const result = await tenantSync(tk).apply(file, {
      concurrency: 2,
      stop: stop.signal,
      // Two creates are in flight when the first one ends.
      onProgress: (event) => event.type === 'item' && stop.abort(),
      onSecret: (secret) => secrets.push(secret),
    });
    expect(result.converged).toBe(false);
    expect(result.items.map((item) => item.outcome)).toEqual(['created', 'created']);
    const done = result.items.map((item) => item.tenant).sort();
    expect(secrets.map((secret) => `${secret.tenant}/${secret.field}`).sort()).toEqual(
      done.flatMap((tenant) => [`${tenant}/authId`, `${tenant}/authToken`]),
    );
    // The next apply makes the one not started, and nothing twice.
    const again = await tenantSync(tk).apply(file);
    expect(again.counts).toMatchObject({ created: 1, unchanged: 2, failed: 0 });
    for (const tenant of ['a', 'b', 'c'])
      expect(await named('vobiz', `ak3-${tenant}`)).toHaveLength(1);
  });
});
