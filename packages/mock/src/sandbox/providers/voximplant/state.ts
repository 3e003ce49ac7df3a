import type { HandlerContext } from '../../definition.js';
import type { RandomState } from '../../random.js';

/** A service-account key: only its public half is kept (the private key is handed out once). */
export interface VoximplantKey {
  key_id: string;
  key_name?: string;
  description?: string;
  role_ids: number[];
  public_key: string;
}

export interface VoximplantSubUser {
  subuser_id: number;
  /** Stored in lower case, unique within the account. */
  subuser_name: string;
  description?: string;
  /** sha256 of `<subuser_id>:<password>`: enough to check `old_subuser_password`. */
  password_sha256: string;
  role_ids: number[];
}

/** The credentials file of the sandbox's own key (what CreateKey hands out). */
export interface VoximplantKeyInfo {
  account_email: string;
  account_id: number;
  key_id: string;
  private_key: string;
}

/** A child account of the sandbox's account (seeded: the API has no way to create one here). */
export interface VoximplantChildAccount {
  account_id: number;
  account_name: string;
  account_email: string;
  created: string;
  active: boolean;
  frozen: boolean;
  language_code: string;
  location: string;
  min_balance_to_notify: number;
  account_notifications: boolean;
  tariff_changing_notifications: boolean;
  news_notifications: boolean;
  balance: number;
  credit_limit: number;
  currency: string;
  support_robokassa: boolean;
  support_bank_card: boolean;
  support_invoice: boolean;
  can_use_restricted: boolean;
  /** sha256 of `<account_id>:<password>` once one was set. */
  password_sha256?: string;
}

/** One entry of the account's allow- or block-list. */
export interface VoximplantAuthorizedIp {
  authorized_ip: string;
  allowed: boolean;
  created: string;
  description?: string;
}

export interface VoximplantState extends RandomState {
  account: {
    id: number;
    name: string;
    email: string;
    created: string;
    balance: number;
    currency: string;
  };
  /** The key the sandbox hands out as its credentials (it is also listed by GetKeys). */
  credentials: VoximplantKeyInfo;
  keys: VoximplantKey[];
  subUsers: VoximplantSubUser[];
  nextSubUserId: number;
  children: VoximplantChildAccount[];
  authorizedIps: VoximplantAuthorizedIp[];
}

/** What every Voximplant handler is given: the state, the id generator, the time, the sandbox's address. */
export type VoximplantContext = HandlerContext<VoximplantState>;
