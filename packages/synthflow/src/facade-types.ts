/** The unified model's Synthflow types: what the facade takes and returns for Synthflow. */
import type { ProviderFacade, Refuse, Secret, UnifiedSubAccount } from '@tenantkit/core';
import type {
  CreateSubaccountRequest,
  CreateSubaccountResult,
  DeleteSubaccountResult,
  Permission,
  Subaccount,
  SubaccountPermissions,
  UpdateSubaccountRequest,
} from './generated/openapi.js';
import type { TwilioLink } from './twilio-link.js';

/** Synthflow quotas (`concurrency`, `max_agents`, `max_minutes`, `max_workflow_runs`); `null` = unlimited. */
export interface SynthflowLimits {
  concurrency?: number;
  maxAgents?: number | null;
  maxMinutes?: number | null;
  maxWorkflowRuns?: number | null;
}

/** Synthflow changes permissions by lists: `grant_permissions` / `revoke_permissions`. */
export interface SynthflowPermissionChange {
  grant?: Permission[];
  revoke?: Permission[];
}

export type SynthflowSubAccount = UnifiedSubAccount<
  'synthflow',
  Subaccount,
  SynthflowLimits,
  SubaccountPermissions
>;

/** Values Synthflow hands out once, at creation; each prints as `[REDACTED]` until `.reveal()`. */
export interface SynthflowCredentials {
  /** The new sub-account's own API key. */
  apiKey?: Secret;
  /** Invitation link, when `email` was given. */
  signInLink?: Secret;
}

type Refused = 'description' | 'enabled' | 'password' | 'currentPassword' | 'roles';

export interface SynthflowCreateInput extends Refuse<'synthflow', 'create', Refused> {
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
export interface SynthflowUpdateInput extends Refuse<'synthflow', 'update', Refused> {
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

export type SynthflowFacade = ProviderFacade<
  'synthflow',
  {
    subAccount: SynthflowSubAccount;
    createInput: SynthflowCreateInput;
    updateInput: SynthflowUpdateInput;
    credentials: SynthflowCredentials;
    createAnswer: CreateSubaccountResult;
    deleteAnswer: DeleteSubaccountResult;
  }
>;
