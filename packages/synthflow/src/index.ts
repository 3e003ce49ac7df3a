export type {
  SynthflowClient,
  SynthflowClientOptions,
  SynthflowSubaccounts,
} from './api.js';
export { synthflowCapabilities } from './capabilities.js';
export {
  createSynthflowClient,
  SYNTHFLOW_BASE_URLS,
  type SynthflowRegion,
} from './client.js';
export { fromSynthflow, synthflowFacade } from './facade.js';
export type * from './facade-types.js';
export type * from './generated/openapi.js';
export { operationTypeValues, permissionValues } from './generated/openapi.js';
export { operations as synthflowOperations } from './generated/operations.js';
export { specInfo } from './generated/spec-info.js';
export { synthflowProvider } from './provider.js';
export { type SynthflowTenant, synthflowTenantRules } from './tenants.js';
export type { TwilioAccountReader, TwilioLink, TwilioPair } from './twilio-link.js';
