/** The unified model's Vobiz types: what the facade takes and returns for Vobiz. */
import type { ProviderFacade, Refuse, Secret, UnifiedSubAccount } from '@tenantkit/core';
import type {
  CreateSubAccountRequest,
  CreateSubAccountResponse,
  DeleteSubAccountResponse,
  Permissions,
  SubAccount,
  UpdateSubAccountRequest,
} from './generated/openapi.js';
/** Vobiz request allowance of the sub-account's API credentials (`rate_limit`). */
export interface VobizLimits {
  rateLimit?: number;
}

export type VobizUnifiedSubAccount = UnifiedSubAccount<
  'vobiz',
  SubAccount,
  VobizLimits,
  Permissions
>;

/** Values Vobiz hands out once, at creation; each prints as `[REDACTED]` until `.reveal()`. */
export interface VobizCredentials {
  authId?: Secret;
  /** Cannot be read again later: every other answer masks it. */
  authToken?: Secret;
}

export interface VobizCreateInput extends Refuse<'vobiz', 'create', 'currentPassword' | 'roles'> {
  name: string;
  email?: string;
  description?: string;
  /** Default true. */
  enabled?: boolean;
  limits?: VobizLimits;
  permissions?: Permissions;
  /** Web-console sign-in password (API credentials are issued either way). */
  password?: string;
  extra?: Pick<CreateSubAccountRequest, 'phone' | 'kyc_mode' | 'business_type'>;
}
export interface VobizUpdateInput
  extends Refuse<'vobiz', 'update', 'password' | 'currentPassword' | 'roles'> {
  name?: string;
  email?: string;
  description?: string;
  enabled?: boolean;
  limits?: VobizLimits;
  permissions?: Permissions;
  extra?: Pick<UpdateSubAccountRequest, 'phone' | 'kyc_mode'>;
}

/** Vobiz answers a delete with `{message}` or with nothing (204). */
export type VobizFacade = ProviderFacade<
  'vobiz',
  {
    subAccount: VobizUnifiedSubAccount;
    createInput: VobizCreateInput;
    updateInput: VobizUpdateInput;
    credentials: VobizCredentials;
    createAnswer: CreateSubAccountResponse;
    deleteAnswer: DeleteSubAccountResponse | undefined;
  }
>;
