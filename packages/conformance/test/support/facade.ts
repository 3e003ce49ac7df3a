/** The facade over one provider at a loopback server, and one valid input per operation. */
import type { CoreOptions } from '@tenantkit/core';
import { createTenantkit, type Provider, type Tenantkit } from 'tenantkit';
import { CANARY, voximplantCredentials } from './adapters.js';

/**
 * The providers these adversarial matrices cover. Twilio (issue 15) is not in them yet: its client
 * has its own secrets, retry, paging and redirect-free loopback suites (packages/twilio/test), and
 * the sandbox fault suite covers it.
 */
export type MatrixProvider = Exclude<Provider, 'twilio'>;

export function facadeAt(
  provider: MatrixProvider,
  baseUrl: string,
  options: CoreOptions = {},
): Tenantkit {
  const shared = { maxRetries: 0, timeoutMs: 5_000, ...options };
  switch (provider) {
    case 'synthflow':
      return createTenantkit({ ...shared, synthflow: { apiKey: CANARY.synthflowApiKey, baseUrl } });
    case 'vobiz':
      return createTenantkit({
        ...shared,
        vobiz: { authId: 'MA_CANARY01', authToken: CANARY.vobizAuthToken, baseUrl },
      });
    case 'voximplant':
      return createTenantkit({
        ...shared,
        voximplant: { credentials: voximplantCredentials, baseUrl },
      });
  }
}

/** The id each provider's facade reads (what every wrong-record answer is not). */
export const FACADE_IDS: Record<MatrixProvider, string> = {
  synthflow: '1726005822670x239735712159542050',
  vobiz: 'SA_ABCDEF12',
  voximplant: '109',
};

export const FACADE_CREATE = {
  synthflow: { name: 'Acme Dental', extra: { twilio_auth_token: CANARY.inputSecret } },
  vobiz: { name: 'Acme Dental', password: CANARY.inputSecret },
  voximplant: { name: 'alice_acme', password: CANARY.inputSecret },
} as const;

export const FACADE_UPDATE = {
  synthflow: { name: 'Renamed' },
  vobiz: { name: 'Renamed' },
  voximplant: { description: 'Renamed' },
} as const;

/** Every facade operation of a provider, as a call that settles (list is walked to its end). */
export function facadeOperations(tk: Tenantkit, provider: MatrixProvider) {
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
