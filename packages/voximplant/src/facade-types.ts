/** The unified model's Voximplant types: what the facade takes and returns for Voximplant. */
import type { ProviderFacade, Refuse, UnifiedSubAccount } from '@tenantkit/core';
import type { RoleView, SubUserId, SubUserView } from './generated/openapi.js';
/** Voximplant roles, all by id (`role_id`) or all by name (`role_name`), never mixed. */
export type RoleRefs = string[] | number[];

/** Voximplant grants roles with SetSubUserRoles and takes them away with RemoveSubUserRoles. */
export interface VoximplantRoleChange {
  grant?: RoleRefs;
  revoke?: RoleRefs;
}

export type VoximplantSubAccount = UnifiedSubAccount<
  'voximplant',
  SubUserView,
  never,
  never,
  RoleView[]
>;

/** Voximplant hands out nothing on AddSubUser: the password is the one you chose. */
export type VoximplantCredentialsHandedOut = Record<string, never>;

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

/** AddSubUser answers with the new subuser's id; DelSubUser with `1`. */
export type VoximplantFacade = ProviderFacade<
  'voximplant',
  {
    subAccount: VoximplantSubAccount;
    createInput: VoximplantCreateInput;
    updateInput: VoximplantUpdateInput;
    credentials: VoximplantCredentialsHandedOut;
    createAnswer: SubUserId;
    deleteAnswer: number;
  }
>;
