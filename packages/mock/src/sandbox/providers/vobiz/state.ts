import type { RandomState } from '../../random.js';

/** A sub-account as stored: the wire object without its token (only a hash of it is kept). */
export interface VobizRecord {
  name: string;
  email: string | null;
  phone: string | null;
  description: string | null;
  permissions: Record<string, boolean> | null;
  rate_limit: number;
  id: string;
  auth_id: string;
  /** sha256 of the one-time token, so the sub-account's own credentials can be recognised. */
  auth_token_sha256: string;
  api_id: string;
  email_verified: boolean;
  enabled: boolean;
  created: string;
  modified: string;
  created_at: string;
  updated_at: string;
  last_used: string | null;
  kyc_mode: string;
  business_type: string | null;
  kyc_calls_blocked: boolean;
}

export interface VobizState extends RandomState {
  parent: { authId: string; authToken: string; accountId: string };
  /** The next internal numeric id (Vobiz's `id`, not usable in paths). */
  nextId: number;
  subAccounts: VobizRecord[];
}
