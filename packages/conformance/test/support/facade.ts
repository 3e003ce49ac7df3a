/** The facade over one provider at a loopback server, and one valid input per operation. */
import type { CoreOptions } from '@tenantkit/core';
import { createTenantkit, type Provider, type Tenantkit, type TenantkitOptions } from 'tenantkit';
import { CANARY, TWILIO_SID, voximplantCredentials } from './adapters.js';

/**
 * Per provider of the registry (a missing one fails to compile): its facade options at a base
 * URL, the id its facade reads (what every wrong-record answer is not), and one valid create and
 * update input.
 */
interface FacadeCell<P extends Provider> {
  options(baseUrl: string): NonNullable<TenantkitOptions[P]>;
  id: string;
  create: object;
  update: object;
}

const CELLS: { readonly [P in Provider]: FacadeCell<P> } = {
  synthflow: {
    options: (baseUrl) => ({ apiKey: CANARY.synthflowApiKey, baseUrl }),
    id: '1726005822670x239735712159542050',
    create: { name: 'Acme Dental', extra: { twilio_auth_token: CANARY.inputSecret } },
    update: { name: 'Renamed' },
  },
  vobiz: {
    options: (baseUrl) => ({ authId: 'MA_CANARY01', authToken: CANARY.vobizAuthToken, baseUrl }),
    id: 'SA_ABCDEF12',
    create: { name: 'Acme Dental', password: CANARY.inputSecret },
    update: { name: 'Renamed' },
  },
  voximplant: {
    options: (baseUrl) => ({ credentials: voximplantCredentials, baseUrl }),
    id: '109',
    create: { name: 'alice_acme', password: CANARY.inputSecret },
    update: { description: 'Renamed' },
  },
  twilio: {
    options: (baseUrl) => ({
      accountSid: TWILIO_SID.main,
      authToken: CANARY.twilioAuthToken,
      baseUrl,
    }),
    id: TWILIO_SID.sub,
    create: { name: 'Acme Dental' },
    update: { name: 'Renamed' },
  },
};

export function facadeAt(
  provider: Provider,
  baseUrl: string,
  options: CoreOptions = {},
): Tenantkit {
  const shared = { maxRetries: 0, timeoutMs: 5_000, ...options };
  return createTenantkit({ ...shared, [provider]: CELLS[provider].options(baseUrl) });
}

/** The id each provider's facade reads (what every wrong-record answer is not). */
export const FACADE_IDS = Object.fromEntries(
  Object.entries(CELLS).map(([provider, cell]) => [provider, cell.id]),
) as Record<Provider, string>;

export const FACADE_CREATE = Object.fromEntries(
  Object.entries(CELLS).map(([provider, cell]) => [provider, cell.create]),
) as Record<Provider, object>;

export const FACADE_UPDATE = Object.fromEntries(
  Object.entries(CELLS).map(([provider, cell]) => [provider, cell.update]),
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
