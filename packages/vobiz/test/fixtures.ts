/** Test data shared by the unit, paging and secrets tests (not a test file itself). */
import type { SubAccount } from '../src/index.js';

export const AUTH_ID = 'MA_UNIT0001';
export const AUTH_TOKEN = 'parent-token-canary-7f3a9c21';

/** A sub-account as Vobiz returns it outside create (token masked). */
export function subAccount(n: number, overrides: Partial<SubAccount> = {}): SubAccount {
  const authId = `SA_${String(n).padStart(8, '0')}`;
  return {
    name: `Tenant ${n}`,
    email: null,
    phone: null,
    description: null,
    permissions: null,
    rate_limit: 1000,
    id: String(500_000 + n),
    parent_auth_id: AUTH_ID,
    auth_id: authId,
    auth_token: '<redacted>',
    api_id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    email_verified: false,
    enabled: true,
    created: '2026-11-24',
    modified: '2026-11-24',
    is_active: true,
    created_at: '2026-11-24T10:00:00Z',
    updated_at: '2026-11-24T10:00:00Z',
    last_used: null,
    account: `/v1/Account/${AUTH_ID}/`,
    resource_uri: `/v1/Account/${AUTH_ID}/Subaccount/${authId}/`,
    ...overrides,
  };
}
