/**
 * The unified sub-account model. Provider types are re-used (imported from the provider packages),
 * never re-typed: only the shape that is common to all three is defined here.
 */
import type { Secret } from '@tenantkit/core';
import type {
  CreateSubaccountRequest,
  CreateSubaccountResult,
  DeleteSubaccountResult,
  Permission as SynthflowPermission,
  SubaccountPermissions as SynthflowPermissions,
  Subaccount as SynthflowSubaccount,
  UpdateSubaccountRequest,
} from '@tenantkit/synthflow';
import type { Account as TwilioAccount } from '@tenantkit/twilio';
import type {
  CreateSubAccountRequest as VobizCreateRequest,
  CreateSubAccountResponse as VobizCreateResponse,
  DeleteSubAccountResponse as VobizDeleteResponse,
  Permissions as VobizPermissions,
  PhoneNumber as VobizPhoneNumber,
  SubAccount as VobizSubAccount,
  UpdateSubAccountRequest as VobizUpdateRequest,
} from '@tenantkit/vobiz';
import type { RoleView, SubUserId, SubUserView } from '@tenantkit/voximplant';

import type { Provider } from './registry.js';

export { PROVIDERS, type Provider } from './registry.js';

/** Synthflow quotas (`concurrency`, `max_agents`, `max_minutes`, `max_workflow_runs`); `null` = unlimited. */
export interface SynthflowLimits {
  concurrency?: number;
  maxAgents?: number | null;
  maxMinutes?: number | null;
  maxWorkflowRuns?: number | null;
}

/** Vobiz request allowance of the sub-account's API credentials (`rate_limit`). */
export interface VobizLimits {
  rateLimit?: number;
}

/** Synthflow changes permissions by lists: `grant_permissions` / `revoke_permissions`. */
export interface SynthflowPermissionChange {
  grant?: SynthflowPermission[];
  revoke?: SynthflowPermission[];
}

/** Voximplant roles, all by id (`role_id`) or all by name (`role_name`), never mixed. */
export type RoleRefs = string[] | number[];

/** Voximplant grants roles with SetSubUserRoles and takes them away with RemoveSubUserRoles. */
export interface VoximplantRoleChange {
  grant?: RoleRefs;
  revoke?: RoleRefs;
}

/** What every provider's sub-account has in common, and its own answer in `raw` (secrets redacted). */
interface SubAccountOf<P extends Provider, Raw, Limits, Permissions> {
  provider: P;
  /** The id every other operation takes (Synthflow `subaccount_id`, Vobiz `SA_` auth id, Voximplant `subuser_id`). */
  id: string;
  name: string;
  email?: string;
  description?: string;
  enabled?: boolean;
  limits?: Limits;
  permissions?: Permissions;
  /** Voximplant only, when the provider lists them. */
  roles?: RoleView[];
  createdAt?: string;
  /** The provider's own object, with secret fields replaced by `[REDACTED]`. */
  raw: Raw;
}

export type SynthflowSubAccount = SubAccountOf<
  'synthflow',
  SynthflowSubaccount,
  SynthflowLimits,
  SynthflowPermissions
>;
export type VobizUnifiedSubAccount = SubAccountOf<
  'vobiz',
  VobizSubAccount,
  VobizLimits,
  VobizPermissions
>;
export type VoximplantSubAccount = SubAccountOf<'voximplant', SubUserView, never, never>;
/** `enabled` is false for a suspended and for a closed sub-account; `raw.status` says which. */
export type TwilioUnifiedSubAccount = SubAccountOf<'twilio', TwilioAccount, never, never>;

interface ByProvider {
  synthflow: {
    subAccount: SynthflowSubAccount;
    create: SynthflowCreateInput;
    update: SynthflowUpdateInput;
    credentials: SynthflowCredentials;
    createRaw: CreateSubaccountResult;
    deleteRaw: DeleteSubaccountResult;
  };
  twilio: {
    subAccount: TwilioUnifiedSubAccount;
    create: TwilioCreateInput;
    update: TwilioUpdateInput;
    credentials: TwilioCredentials;
    createRaw: TwilioAccount;
    deleteRaw: TwilioAccount;
  };
  vobiz: {
    subAccount: VobizUnifiedSubAccount;
    create: VobizCreateInput;
    update: VobizUpdateInput;
    credentials: VobizCredentials;
    createRaw: VobizCreateResponse;
    deleteRaw: VobizDeleteResponse | undefined;
  };
  voximplant: {
    subAccount: VoximplantSubAccount;
    create: VoximplantCreateInput;
    update: VoximplantUpdateInput;
    credentials: VoximplantCredentialsHandedOut;
    createRaw: SubUserId;
    deleteRaw: number;
  };
}

/** A sub-account of provider `P`; with `P` left open, a union discriminated by `provider`. */
export type SubAccount<P extends Provider = Provider> = ByProvider[P]['subAccount'];
export type CreateInput<P extends Provider> = ByProvider[P]['create'];
export type UpdateInput<P extends Provider> = ByProvider[P]['update'];
export type Credentials<P extends Provider> = ByProvider[P]['credentials'];

/** Values a provider hands out once, at creation; each prints as `[REDACTED]` until `.reveal()`. */
export interface SynthflowCredentials {
  /** The new sub-account's own API key. */
  apiKey?: Secret;
  /** Invitation link, when `email` was given. */
  signInLink?: Secret;
}
export interface VobizCredentials {
  authId?: Secret;
  /** Cannot be read again later: every other answer masks it. */
  authToken?: Secret;
}
export interface TwilioCredentials {
  /**
   * The new sub-account's Auth Token (with its SID, `id`, it authenticates as that sub-account).
   * Twilio returns it on every read too; the facade hands it out only here (`raw` redacts it).
   */
  authToken?: Secret;
}
/** Voximplant hands out nothing on AddSubUser: the password is the one you chose. */
export type VoximplantCredentialsHandedOut = Record<string, never>;

export interface CreateResult<P extends Provider = Provider> {
  provider: P;
  id: string;
  name: string;
  credentials: Credentials<P>;
  /** The provider's answer, with secret fields replaced by `[REDACTED]`. */
  raw: ByProvider[P]['createRaw'];
}

export interface DeleteResult<P extends Provider = Provider> {
  provider: P;
  id: string;
  deleted: true;
  raw: ByProvider[P]['deleteRaw'];
}

declare const refused: unique symbol;
/**
 * The type of a field a provider cannot honour: no value fits it, and TypeScript's error reads as
 * the reason — `Type 'boolean' is not assignable to type '"synthflow does not support enabled on
 * create" & …'`. The same rule is checked at run time (a `ValidationError` naming provider and
 * field) for untyped callers.
 */
export type Unsupported<Reason extends string> = Reason & { readonly [refused]: never };
type Refuse<P extends Provider, Operation extends string, K extends string> = {
  [Key in K]?: Unsupported<`${P} does not support ${Key} on ${Operation}`>;
};

export interface SynthflowCreateInput
  extends Refuse<
    'synthflow',
    'create',
    'description' | 'enabled' | 'password' | 'currentPassword' | 'roles'
  > {
  name: string;
  /** Person to invite (`user_email`); the answer then carries a sign-in link. */
  email?: string;
  limits?: SynthflowLimits;
  permissions?: SynthflowPermissionChange;
  /** The Twilio sub-account it should use (sent as `twilio_account_sid` / `twilio_auth_token`). */
  twilio?: TwilioLink;
  /** Synthflow fields without a unified name (Twilio credentials), sent as they are. */
  extra?: Pick<CreateSubaccountRequest, 'twilio_account_sid' | 'twilio_auth_token'>;
}
export interface SynthflowUpdateInput
  extends Refuse<
    'synthflow',
    'update',
    'description' | 'enabled' | 'password' | 'currentPassword' | 'roles'
  > {
  name?: string;
  /** Person to invite (`invite_user_email`). */
  email?: string;
  limits?: SynthflowLimits;
  permissions?: SynthflowPermissionChange;
  /** The Twilio sub-account it should use from now on. */
  twilio?: TwilioLink;
  extra?: Pick<
    UpdateSubaccountRequest,
    | 'twilio_account_sid'
    | 'twilio_auth_token'
    | 'pricing_tiers_attach'
    | 'pricing_tiers_detach'
    | 'import_subscription'
    | 'operation_type'
    | 'products'
  >;
}

/**
 * The Twilio sub-account a Synthflow sub-account should use (Synthflow's `twilio_account_sid` and
 * `twilio_auth_token`): the result of a Twilio create through the facade, a Twilio sub-account of
 * the facade (its token is then read from Twilio, so `twilio` must be configured), or the SID with
 * the token as a `Secret`.
 */
export type TwilioLink =
  | Pick<CreateResult<'twilio'>, 'provider' | 'id' | 'credentials'>
  | Pick<TwilioUnifiedSubAccount, 'provider' | 'id'>
  | { accountSid: string; authToken: Secret };

export interface TwilioCreateInput
  extends Refuse<
    'twilio',
    'create',
    | 'email'
    | 'description'
    | 'enabled'
    | 'limits'
    | 'permissions'
    | 'roles'
    | 'password'
    | 'currentPassword'
    | 'extra'
    | 'twilio'
  > {
  /** `FriendlyName`, 1–64 characters; without it Twilio names it after the creation time. */
  name?: string;
}
export interface TwilioUpdateInput
  extends Refuse<
    'twilio',
    'update',
    | 'email'
    | 'description'
    | 'limits'
    | 'permissions'
    | 'roles'
    | 'password'
    | 'currentPassword'
    | 'extra'
    | 'twilio'
  > {
  name?: string;
  /** true → `Status=active`, false → `Status=suspended` (closing is `delete`). */
  enabled?: boolean;
}

export interface VobizCreateInput extends Refuse<'vobiz', 'create', 'currentPassword' | 'roles'> {
  name: string;
  email?: string;
  description?: string;
  /** Default true. */
  enabled?: boolean;
  limits?: VobizLimits;
  permissions?: VobizPermissions;
  /** Web-console sign-in password (API credentials are issued either way). */
  password?: string;
  extra?: Pick<VobizCreateRequest, 'phone' | 'kyc_mode' | 'business_type'>;
}
export interface VobizUpdateInput
  extends Refuse<'vobiz', 'update', 'password' | 'currentPassword' | 'roles'> {
  name?: string;
  email?: string;
  description?: string;
  enabled?: boolean;
  limits?: VobizLimits;
  permissions?: VobizPermissions;
  extra?: Pick<VobizUpdateRequest, 'phone' | 'kyc_mode'>;
}

export interface VoximplantCreateInput
  extends Refuse<
    'voximplant',
    'create',
    'email' | 'enabled' | 'limits' | 'permissions' | 'currentPassword' | 'extra'
  > {
  /** The login (`new_subuser_name`): 5–20 characters, stored in lower case. */
  name: string;
  /** Required by Voximplant. */
  password: string;
  description?: string;
  /** Roles granted at creation (`revoke` makes no sense on create and is refused). */
  roles?: { grant?: RoleRefs };
}
export interface VoximplantUpdateInput
  extends Refuse<
    'voximplant',
    'update',
    'name' | 'email' | 'enabled' | 'limits' | 'permissions' | 'extra'
  > {
  description?: string;
  /** New password; Voximplant demands `currentPassword` with it. */
  password?: string;
  currentPassword?: string;
  roles?: VoximplantRoleChange;
}

export interface ListOptions {
  /** Stop after this many sub-accounts. */
  limit?: number;
  /** Items per request, for providers that page (Vobiz `size`, Voximplant `count`). */
  pageSize?: number;
}

/** Providers whose numbers `tk.numbers` moves (the capability table's `numbers` row). */
export type NumbersProvider = 'vobiz';

/** A phone number in the unified model. */
export interface NumberEntry {
  provider: NumbersProvider;
  /** E.164, e.g. `+919876543210`. */
  number: string;
  /** The account holding it: a sub-account id, or the parent's own id. */
  holder?: string;
  status?: string;
  country?: string;
  /** The provider's own object. */
  raw: VobizPhoneNumber;
}

/** What an assign or unassign did: `subAccountId` holds the number now (assign), or nobody does. */
export interface NumberAssignment {
  provider: NumbersProvider;
  number: string;
  /** Set after an assign; absent after an unassign (the number is back with the parent). */
  subAccountId?: string;
  assigned: boolean;
}

export interface ListNumbersOptions {
  /** Only the numbers this sub-account holds (Vobiz: the parent's list filtered on the holder). */
  subAccountId?: string;
  /** Stop after this many numbers. */
  limit?: number;
}
