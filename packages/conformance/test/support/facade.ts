/** The facade over one provider at a loopback server, and one valid input per operation. */
import type { CoreOptions } from '@tenantkit/core';
import { createTenantkit, type Provider, type Tenantkit } from 'tenantkit';
import { CELLS, cellsOf } from './cells.js';

/** Each provider's `facade` cell (`test/cells/<provider>.ts`): options, id, inputs. */
export function facadeAt(
  provider: Provider,
  baseUrl: string,
  options: CoreOptions = {},
): Tenantkit {
  const shared = { maxRetries: 0, timeoutMs: 5_000, ...options };
  return createTenantkit({ ...shared, [provider]: cellsOf(provider).facade.options(baseUrl) });
}

/** The id each provider's facade reads (what every wrong-record answer is not). */
export const FACADE_IDS = Object.fromEntries(
  CELLS.map((cells) => [cells.provider, cells.facade.id]),
) as Record<Provider, string>;

export const FACADE_CREATE = Object.fromEntries(
  CELLS.map((cells) => [cells.provider, cells.facade.create]),
) as Record<Provider, object>;

export const FACADE_UPDATE = Object.fromEntries(
  CELLS.map((cells) => [cells.provider, cells.facade.update]),
) as Record<Provider, object>;

/** Every facade operation of a provider, as a call that settles (list is walked to its end). */
export function facadeOperations(tk: Tenantkit, provider: Provider) {
  const id = FACADE_IDS[provider];
  return {
    create: () => tk.subaccounts.create(provider, FACADE_CREATE[provider] as never),
    get: () => tk.subaccounts.get(provider, id),
    list: async () => {
      const items = [];
      for await (const item of tk.subaccounts.list(provider, { limit: 50 })) items.push(item);
      return items;
    },
    update: () => tk.subaccounts.update(provider, id, FACADE_UPDATE[provider] as never),
    delete: () => tk.subaccounts.delete(provider, id),
  };
}
