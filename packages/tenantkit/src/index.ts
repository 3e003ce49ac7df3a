// The library: no CLI code and no Node built-in (the CLI is `tenantkit/cli` and the `tenantkit` bin).
// The provider packages, re-exported so one install gives every type and error class.
export * from '@tenantkit/core';
export * as synthflow from '@tenantkit/synthflow';
export * as twilio from '@tenantkit/twilio';
export * as vobiz from '@tenantkit/vobiz';
export * as voximplant from '@tenantkit/voximplant';
export {
  CAPABILITIES,
  capabilities,
  capabilityMarkdown,
  capabilityMatrix,
  type FeatureSupport,
  type FieldSupport,
  INPUT_FIELDS,
  type InputField,
  OPERATIONS,
  type Operation,
  type ProviderCapabilities,
} from './capabilities.js';
export type {
  CreateInput,
  CreateResult,
  Credentials,
  DeleteResult,
  ListNumbersOptions,
  ListOptions,
  NumberAssignment,
  NumberEntry,
  NumbersProvider,
  Provider,
  RoleRefs,
  SubAccount,
  SynthflowCreateInput,
  SynthflowCredentials,
  SynthflowLimits,
  SynthflowPermissionChange,
  SynthflowSubAccount,
  SynthflowUpdateInput,
  TwilioCreateInput,
  TwilioCredentials,
  TwilioLink,
  TwilioUnifiedSubAccount,
  TwilioUpdateInput,
  Unsupported,
  UpdateInput,
  VobizCreateInput,
  VobizCredentials,
  VobizLimits,
  VobizUnifiedSubAccount,
  VobizUpdateInput,
  VoximplantCreateInput,
  VoximplantCredentialsHandedOut,
  VoximplantRoleChange,
  VoximplantSubAccount,
  VoximplantUpdateInput,
} from './model.js';
export { PROVIDERS } from './model.js';
export {
  createTenantkit,
  type Numbers,
  type SubAccounts,
  type Tenantkit,
  type TenantkitOptions,
} from './tenantkit.js';
