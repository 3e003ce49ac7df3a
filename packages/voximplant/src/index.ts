export type {
  ChildAccountSelector,
  GetAccountInfoInput,
  ListAllChildAccountsInput,
  ListChildAccountsInput,
  UpdateChildAccountsInput,
  VoximplantAccount,
  VoximplantChildAccounts,
} from './accounts.js';
export { apiBaseUrlFrom } from './api-address.js';
export { CLOCK_SKEW_SECONDS, MAX_TOKEN_TTL_SECONDS, MIN_TOKEN_TTL_SECONDS } from './auth.js';
export type {
  AddAuthorizedIpInput,
  CheckAuthorizedIpInput,
  DeleteAuthorizedIpsInput,
  ListAllAuthorizedIpsInput,
  ListAuthorizedIpsInput,
  VoximplantAuthorizedIps,
} from './authorized-ips.js';
export { voximplantCapabilities } from './capabilities.js';
export {
  type AddSubUserInput,
  type CreateKeyInput,
  createVoximplantClient,
  DEFAULT_PAGE_SIZE,
  type DeleteKeyInput,
  type DeleteSubUserInput,
  type GetKeyRolesInput,
  type GetSubUserInput,
  type GetSubUserRolesInput,
  type ListAllInput,
  type ListAllKeysInput,
  type ListAllSubUsersInput,
  type ListKeysInput,
  type ListRolesInput,
  type ListSubUsersInput,
  type RemoveKeyRolesInput,
  type RemoveSubUserRolesInput,
  type SetKeyRolesInput,
  type SetSubUserRolesInput,
  type UpdateKeyInput,
  type UpdateSubUserInput,
  VOXIMPLANT_BASE_URL,
  type VoximplantClient,
  type VoximplantClientOptions,
  type VoximplantKeys,
  type VoximplantRoles,
  type VoximplantSubUsers,
  type WithAtMostOneRole,
  type WithExactlyOneRole,
} from './client.js';
export { CREDENTIALS_ENV, type VoximplantCredentials } from './credentials.js';
export { errorCodeName, statusForCode } from './errors.js';
export {
  checkVoximplantId,
  fromVoximplant,
  voximplantFacade,
} from './facade.js';
export type * from './facade-types.js';
export type * from './generated/openapi.js';
/** The spec's name of AddSubUser's result (`{subuser_id}`); the generated alias is `SubUserId`. */
export type { SubUserId as SubUserID } from './generated/openapi.js';
export { operations as voximplantOperations } from './generated/operations.js';
export { specInfo } from './generated/spec-info.js';
export { voximplantProvider } from './provider.js';
export { type VoximplantTenant, voximplantTenantRules } from './tenants.js';
export { type InputOf, type ListParams, type QueryOf, serializeQuery, wireValue } from './wire.js';
