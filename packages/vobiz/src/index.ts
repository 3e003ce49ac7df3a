export type {
  ListAllSubAccountsQuery,
  ListSubAccountsQuery,
  VobizClient,
  VobizClientOptions,
  VobizSubAccounts,
} from './api.js';
export { vobizCapabilities } from './capabilities.js';
export {
  createVobizClient,
  VOBIZ_BASE_URL,
} from './client.js';
export {
  checkVobizId,
  fromVobiz,
  vobizFacade,
} from './facade.js';
export {
  fromVobizNumber,
  type VobizNumberAssignment,
  type VobizNumberEntry,
  vobizNumbers,
} from './facade-numbers.js';
export type * from './facade-types.js';
export type * from './generated/openapi.js';
export { businessTypeValues, kycModeValues } from './generated/openapi.js';
export { operations as vobizOperations } from './generated/operations.js';
export { specInfo } from './generated/spec-info.js';
export type { KycSessionInput, VobizKyc } from './kyc.js';
export type {
  ListAllNumbersQuery,
  ListNumbersQuery,
  SubAccountNumbersQuery,
  UnassignNumberQuery,
  VobizNumbers,
} from './numbers.js';
export { DID_COOL_OFF } from './protocol.js';
export { vobizProvider } from './provider.js';
export { type VobizTenant, vobizTenantRules } from './tenants.js';
export {
  GSTIN_PATTERN,
  MAX_NUMBERS_PER_PAGE as VOBIZ_MAX_NUMBERS_PER_PAGE,
  MAX_PAGE_SIZE as VOBIZ_MAX_PAGE_SIZE,
  PAN_PATTERN,
} from './validate.js';
