export type {
  ListAccountsQuery,
  ListAllAccountsQuery,
  TwilioClient,
  TwilioClientOptions,
  TwilioSubaccounts,
} from './api.js';
export { TWILIO_BASE_URL, type TwilioCredentials } from './auth.js';
export { twilioCapabilities } from './capabilities.js';
export {
  createTwilioClient,
  formBody,
} from './client.js';
export { fromTwilio, twilioFacade } from './facade.js';
export type * from './facade-types.js';
export type * from './generated/openapi.js';
export { accountStatusValues, accountTypeValues } from './generated/openapi.js';
export { operations as twilioOperations } from './generated/operations.js';
export { specInfo } from './generated/spec-info.js';
export { describeTwilioError, TWILIO_ERROR_CODES, type TwilioErrorCodeName } from './protocol.js';
export { twilioProvider } from './provider.js';
export { type TwilioTenant, twilioTenantRules } from './tenants.js';
export { MAX_PAGE_SIZE, MIN_PAGE_SIZE } from './validate.js';
