// A TypeScript consumer of every factory, compiled with each `moduleResolution` (node16, bundler,
// node10) against the installed tarballs, skipLibCheck off: our .d.ts files are checked too.
// Provider names are written by hand on purpose: this is a user's code, pinning the public names.
import {
  ConfigurationError,
  RateLimitError,
  type RequestError,
  TenantkitError,
} from '@tenantkit/core';
import {
  type CreateSubaccountRequest,
  createSynthflowClient,
  type SynthflowClient,
} from '@tenantkit/synthflow';
import { type Account, createTwilioClient, type TwilioClient } from '@tenantkit/twilio';
import { createVobizClient, type SubAccount, type VobizClient } from '@tenantkit/vobiz';
import {
  createVoximplantClient,
  type VoximplantClient,
  type VoximplantCredentials,
} from '@tenantkit/voximplant';
import { createTenantkit, type Tenantkit, type SubAccount as Unified } from 'tenantkit';

declare const credentials: VoximplantCredentials;

export const synthflow: SynthflowClient = createSynthflowClient({ apiKey: 'k', region: 'eu' });
export const vobiz: VobizClient = createVobizClient({ authId: 'MA_1', authToken: 't' });
export const voximplant: VoximplantClient = createVoximplantClient({ credentials });
export const twilio: TwilioClient = createTwilioClient({ accountSid: 'AC1', authToken: 't' });
export const tk: Tenantkit = createTenantkit({
  timeoutMs: 10_000,
  synthflow: { apiKey: 'k' },
  vobiz: { authId: 'MA_1', authToken: 't' },
  voximplant: { credentials: '{"account_id": 1}' },
  twilio: { accountSid: 'AC1', authToken: 't' },
});

export async function tour(): Promise<string[]> {
  const input: CreateSubaccountRequest = {
    subaccount_name: 'Acme',
    grant_permissions: ['inbound'],
  };
  const created = await synthflow.subaccounts.create(input);
  const page = await vobiz.subAccounts.list({ page: 1, size: 20 });
  const first: SubAccount | undefined = page.sub_accounts[0];
  const { subuser_id } = await voximplant.subUsers.add({
    new_subuser_name: 'support_desk',
    new_subuser_password: 'Str0ng!Pass',
    role_name: ['Support'],
  });
  const made = await tk.subaccounts.create('vobiz', { name: 'Acme', enabled: false });
  const token: string | undefined = made.credentials.authToken?.reveal();
  const account: Account = await twilio.subaccounts.create({ FriendlyName: 'Acme' });
  const ids: string[] = [
    String(created.subaccount_id),
    first?.auth_id ?? '',
    String(subuser_id),
    String(account.sid),
  ];
  for await (const account of tk.subaccounts.list('voximplant')) {
    const unified: Unified = account;
    ids.push(unified.id);
  }
  try {
    await tk.subaccounts.get('synthflow', 'sub_1');
  } catch (error) {
    if (error instanceof RateLimitError) ids.push(String(error.retryAfterMs));
    else if (error instanceof TenantkitError && !(error instanceof ConfigurationError))
      ids.push((error as RequestError).operation);
  }
  return token ? [...ids, token] : ids;
}
