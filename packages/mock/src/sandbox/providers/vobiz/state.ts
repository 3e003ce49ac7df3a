import type { HandlerContext } from '../../definition.js';
import type { RandomState } from '../../random.js';

export const KYC_DOCUMENTS = ['pan', 'gst', 'cin', 'aadhaar'] as const;
export type KycDocument = (typeof KYC_DOCUMENTS)[number];
export type KycDocumentState = 'pending' | 'verified' | 'failed';

export interface VobizKycSession {
  session_id: string;
  flow_type: string;
  customer_email: string | null;
  status: string;
  expires_at: string;
  widget_url: string | null;
}

/** A sub-account's KYC: the last outcome per document, open DigiLocker requests, sessions. */
export interface VobizKyc {
  documents: Partial<Record<KycDocument, KycDocumentState>>;
  digilockerRequests: string[];
  sessions: VobizKycSession[];
}

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
  kyc: VobizKyc;
}

/** A phone number of the parent account, held by the parent or one of its sub-accounts. */
export interface VobizNumber {
  id: string;
  e164: string;
  region: string;
  /** `MA_…` (the parent's pool) or the `SA_…` it is assigned to. */
  holder: string;
  setup_fee: number;
  monthly_fee: number;
  purchased_at: string;
  updated_at: string;
  /** The last call it carried: within 15 days, it cannot be unassigned (the cool-off). */
  last_call_at: string | null;
}

export interface VobizState extends RandomState {
  parent: {
    authId: string;
    authToken: string;
    accountId: string;
    /** The parent's console sign-in token, accepted as `Authorization: Bearer` on the KYC calls. */
    signInToken: string;
  };
  /** The next internal numeric id (Vobiz's `id`, not usable in paths). */
  nextId: number;
  subAccounts: VobizRecord[];
  numbers: VobizNumber[];
}

/** What every Vobiz handler is given: the state, the id generator, the time, the sandbox's address. */
export type VobizContext = HandlerContext<VobizState>;
