/** What the Voximplant client takes and offers: its options, method inputs and method groups. */
import type { CallOptions, CoreOptions, ProviderClientBase } from '@tenantkit/core';
import type { Client } from 'openapi-fetch';
import type { VoximplantAccount, VoximplantChildAccounts } from './accounts.js';
import type { VoximplantAuthorizedIps } from './authorized-ips.js';
import type { VoximplantCredentials } from './credentials.js';
import type {
  KeyInfo,
  KeyView,
  paths,
  RoleGroupView,
  RoleView,
  SubUserId,
  SubUserView,
} from './generated/openapi.js';
import type { InputOf } from './wire.js';

export interface VoximplantClientOptions extends CoreOptions {
  /**
   * The service-account credentials: the parsed credentials.json object (what `keys.create`
   * returns) or its JSON text, or in Node its path. Default: `VOXIMPLANT_CREDENTIALS` (the same
   * forms), where the runtime has environment variables.
   */
  credentials?: VoximplantCredentials | string;
  /** Account to act on (`iss` of the token): a child account's id to manage it. Default: the key's. */
  accountId?: number;
  /** Default `https://api.voximplant.com/platform_api`. */
  baseUrl?: string;
  /** Lifetime of each signed token (`exp - iat`), 30 to 3600 seconds. Default 3600. */
  tokenTtlSeconds?: number;
  /**
   * Send every call to the host GetAccountInfo names in `api_address`, the account's preferred
   * Management API address. The first call asks for it once (one extra GetAccountInfo to
   * `baseUrl`); an answer that is not an https voximplant.com host keeps `baseUrl`. Default false.
   */
  useAccountApiAddress?: boolean;
}

type RoleKeys = 'role_id' | 'role_name';
type Only<T, K extends keyof T, Not extends keyof T> = Required<Pick<T, K>> & {
  [N in Not]?: never;
};
/** `role_id` or `role_name`, exactly one (the API answers 449 to both). */
export type WithExactlyOneRole<T extends Partial<Record<RoleKeys, unknown>>> = Omit<T, RoleKeys> &
  (Only<T, 'role_id', 'role_name'> | Only<T, 'role_name', 'role_id'>);
/** `role_id` or `role_name`, or neither. */
export type WithAtMostOneRole<T extends Partial<Record<RoleKeys, unknown>>> = Omit<T, RoleKeys> &
  (Partial<Only<T, 'role_id', 'role_name'>> | Partial<Only<T, 'role_name', 'role_id'>>);
/** `listAll` walks `offset` itself; `count` is the page size, `limit` caps the items yielded. */
export type ListAllInput<T> = Omit<T, 'offset' | 'count' | 'subuser_id' | 'key_id'> & {
  count?: number;
  limit?: number;
};

export type AddSubUserInput = WithAtMostOneRole<InputOf<'AddSubUser'>>;
export type ListSubUsersInput = InputOf<'GetSubUsers'>;
export type ListAllSubUsersInput = ListAllInput<ListSubUsersInput>;
export type UpdateSubUserInput = InputOf<'SetSubUserInfo'>;
export type DeleteSubUserInput = InputOf<'DelSubUser'>;
export type SetSubUserRolesInput = WithExactlyOneRole<InputOf<'SetSubUserRoles'>>;
export type GetSubUserRolesInput = InputOf<'GetSubUserRoles'>;
export type RemoveSubUserRolesInput = WithExactlyOneRole<InputOf<'RemoveSubUserRoles'>>;
export type CreateKeyInput = WithAtMostOneRole<InputOf<'CreateKey'>>;
export type ListKeysInput = InputOf<'GetKeys'>;
export type ListAllKeysInput = ListAllInput<ListKeysInput>;
export type UpdateKeyInput = InputOf<'UpdateKey'>;
export type DeleteKeyInput = InputOf<'DeleteKey'>;
export type SetKeyRolesInput = WithExactlyOneRole<InputOf<'SetKeyRoles'>>;
export type GetKeyRolesInput = InputOf<'GetKeyRoles'>;
export type RemoveKeyRolesInput = WithExactlyOneRole<InputOf<'RemoveKeyRoles'>>;
export type ListRolesInput = InputOf<'GetRoles'>;
/** GetSubUsers narrowed to one subuser (`subuser_id` required, no paging). */
export type GetSubUserInput = Pick<InputOf<'GetSubUsers'>, 'with_roles'> & { subuser_id: number };

export interface VoximplantSubUsers {
  /** AddSubUser. The login is sent lower-cased (the API stores it so). Never retried blindly. */
  add(input: AddSubUserInput, options?: CallOptions): Promise<SubUserId>;
  /** GetSubUsers: one page (`offset`/`count`), or the one subuser matching `subuser_id`. */
  list(input?: ListSubUsersInput, options?: CallOptions): Promise<SubUserView[]>;
  /**
   * GetSubUsers for one `subuser_id`: that subuser, or a NotFoundError when the API's answer
   * (HTTP 200) does not hold it. Never another subuser the answer happens to hold.
   */
  get(input: GetSubUserInput, options?: CallOptions): Promise<SubUserView>;
  /** Every subuser, page by page (default page size 100); stops at a short page or `limit`. */
  listAll(input?: ListAllSubUsersInput, options?: CallOptions): AsyncIterable<SubUserView>;
  /** SetSubUserInfo: a new password (with the old one) and/or a description. Answers 1. */
  update(input: UpdateSubUserInput, options?: CallOptions): Promise<number>;
  /** DelSubUser. Answers 1. */
  delete(input: DeleteSubUserInput, options?: CallOptions): Promise<number>;
  /** SetSubUserRoles: adds roles by id or by name. Answers 1. */
  setRoles(input: SetSubUserRolesInput, options?: CallOptions): Promise<number>;
  /** GetSubUserRoles. */
  getRoles(input: GetSubUserRolesInput, options?: CallOptions): Promise<RoleView[]>;
  /** RemoveSubUserRoles (`force` also strips the roles from the subuser's keys). Answers 1. */
  removeRoles(input: RemoveSubUserRolesInput, options?: CallOptions): Promise<number>;
}

export interface VoximplantKeys {
  /**
   * CreateKey: one `KeyInfo` whether the API answered an object or a one-element array. It holds
   * the new `private_key`, shown only once: store it. Never retried blindly.
   */
  create(input?: CreateKeyInput, options?: CallOptions): Promise<KeyInfo>;
  list(input?: ListKeysInput, options?: CallOptions): Promise<KeyView[]>;
  listAll(input?: ListAllKeysInput, options?: CallOptions): AsyncIterable<KeyView>;
  /** UpdateKey: `description` is required (send the current one to keep it). Answers 1. */
  update(input: UpdateKeyInput, options?: CallOptions): Promise<number>;
  delete(input: DeleteKeyInput, options?: CallOptions): Promise<number>;
  setRoles(input: SetKeyRolesInput, options?: CallOptions): Promise<number>;
  getRoles(input: GetKeyRolesInput, options?: CallOptions): Promise<RoleView[]>;
  removeRoles(input: RemoveKeyRolesInput, options?: CallOptions): Promise<number>;
}

export interface VoximplantRoles {
  /** GetRoles: the grantable roles, optionally of one group. */
  list(input?: ListRolesInput, options?: CallOptions): Promise<RoleView[]>;
  /** GetRoleGroups. */
  groups(options?: CallOptions): Promise<RoleGroupView[]>;
}

/**
 * `raw` is authenticated with the same cached token (via a middleware) and uses the same query
 * encoding; it has no error-in-200 handling.
 */
export interface VoximplantClient extends ProviderClientBase<Client<paths>> {
  readonly subUsers: VoximplantSubUsers;
  readonly keys: VoximplantKeys;
  readonly roles: VoximplantRoles;
  /** The account the token acts on (GetAccountInfo). */
  readonly account: VoximplantAccount;
  /** A parent account's child accounts: list, edit, suspend, activate. */
  readonly childAccounts: VoximplantChildAccounts;
  /** The IPv4 allow-/block-list that decides which addresses may call the API at all. */
  readonly authorizedIps: VoximplantAuthorizedIps;
  /** The account the client acts on (`iss` of its tokens). */
  readonly accountId: number;
}
