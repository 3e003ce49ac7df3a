export {
  createVobizClient,
  type ListAllSubAccountsQuery,
  type ListSubAccountsQuery,
  VOBIZ_BASE_URL,
  type VobizClient,
  type VobizClientOptions,
  type VobizSubAccounts,
} from './client.js';
export type * from './generated/openapi.js';
export { businessTypeValues, kycModeValues } from './generated/openapi.js';
export { operations as vobizOperations } from './generated/operations.js';
export { specInfo } from './generated/spec-info.js';
export { MAX_PAGE_SIZE as VOBIZ_MAX_PAGE_SIZE } from './validate.js';
