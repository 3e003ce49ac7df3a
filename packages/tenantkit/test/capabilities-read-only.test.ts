/**
 * The capability table `tk.capabilities()` hands out is the one the facade checks input against
 * (its `extra` allow-lists, its fields, its limits): it is read-only all the way down, so nothing
 * in the process can widen what every facade accepts by changing the row it was given.
 */
import { createRecordingServer, type RecordingServer } from '@tenantkit/mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CAPABILITIES, createTenantkit, PROVIDERS } from '../src/index.js';

/** Paths of the objects and arrays under `value` that can still be changed. */
function changeable(value: unknown, path: string): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const own = Object.isFrozen(value) ? [] : [path];
  return [
    ...own,
    ...Object.entries(value).flatMap(([key, item]) => changeable(item, `${path}.${key}`)),
  ];
}

let server: RecordingServer;
beforeAll(async () => {
  server = await createRecordingServer(() =>
    Response.json({ status: 'ok', response: { subaccount_id: 'sub_1', subaccount_name: 'x' } }),
  );
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const synthflow = () =>
  createTenantkit({ maxRetries: 0, synthflow: { apiKey: 'sf-test-key', baseUrl: server.url } });

describe('capabilities are read-only all the way down', () => {
  it.each(PROVIDERS)('%s: no object or list of its row can be changed', (provider) => {
    expect(changeable(CAPABILITIES[provider], provider)).toEqual([]);
  });

  it('an extra allow-list cannot be widened: a mapped field is not overridden through extra', async () => {
    const tk = synthflow();
    const allowed = tk.capabilities('synthflow').fields.extra?.allowed.create as string[];
    try {
      expect(Reflect.set(allowed, allowed.length, 'subaccount_name')).toBe(false);
    } finally {
      // Without the fix the list was changed: put it back for the tests after this one.
      if (allowed.includes('subaccount_name')) allowed.length -= 1;
    }
    await expect(
      tk.subaccounts.create('synthflow', {
        name: 'Acme',
        extra: { subaccount_name: 'Other' },
      } as never),
    ).rejects.toMatchObject({ field: 'extra.subaccount_name', rule: 'known-field' });
    expect(server.requests).toHaveLength(0);
  });

  it('a field the provider refuses cannot be switched on', async () => {
    const tk = synthflow();
    const fields = tk.capabilities('synthflow').fields as Record<string, unknown>;
    try {
      expect(Reflect.set(fields, 'enabled', { create: 'optional', update: false, wire: 'x' })).toBe(
        false,
      );
    } finally {
      if ('enabled' in fields) delete fields.enabled;
    }
    await expect(
      tk.subaccounts.create('synthflow', { name: 'Acme', enabled: false } as never),
    ).rejects.toMatchObject({ field: 'enabled', rule: 'unsupported-field' });
    expect(server.requests).toHaveLength(0);
  });
});
