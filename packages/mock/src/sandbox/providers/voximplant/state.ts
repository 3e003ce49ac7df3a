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

export interface VoximplantState extends RandomState {
  account: { id: number; email: string };
  /** The key the sandbox hands out as its credentials (it is also listed by GetKeys). */
  credentials: VoximplantKeyInfo;
  keys: VoximplantKey[];
  subUsers: VoximplantSubUser[];
  nextSubUserId: number;
}
