// Deliberate mistakes: each line under a `@ts-expect-error` must fail to type-check. The consumer
// matrix compiles this file as is (an unused directive is itself an error, so every mistake must
// be caught) and once more with the directives removed, expecting exactly these lines to fail
// and, where a marker says `expect:`, that text in the error (a message a user can read).
// Provider names are written by hand on purpose: these are a user's mistakes, line by line.
import { createSynthflowClient } from '@tenantkit/synthflow';
import { createVobizClient } from '@tenantkit/vobiz';
import { createTenantkit } from 'tenantkit';

const synthflow = createSynthflowClient({ apiKey: 'k' });
const vobiz = createVobizClient({ authId: 'MA_1', authToken: 't' });
const tk = createTenantkit({ synthflow: { apiKey: 'k' } });

export async function mistakes(): Promise<void> {
  // MISTAKE misspelled field
  // @ts-expect-error subaccount_nme is not a field (subaccount_name)
  await synthflow.subaccounts.create({ subaccount_nme: 'Acme' });
  // MISTAKE wrong enum value
  // @ts-expect-error 'inbond' is not a Synthflow permission
  await synthflow.subaccounts.create({ subaccount_name: 'Acme', grant_permissions: ['inbond'] });
  // MISTAKE wrong enum value
  // @ts-expect-error 'personal' is not a Vobiz kyc_mode
  await vobiz.subAccounts.create({ name: 'Acme', kyc_mode: 'personal' });
  // MISTAKE a field the facade refuses for that provider | expect: synthflow does not support enabled on create
  // @ts-expect-error Synthflow sub-accounts cannot be disabled
  await tk.subaccounts.create('synthflow', { name: 'Acme', enabled: false });
  // MISTAKE a field the facade refuses for that provider | expect: voximplant does not support name on update
  // @ts-expect-error a Voximplant sub-user cannot be renamed
  await tk.subaccounts.update('voximplant', '109', { name: 'Acme' });
}
