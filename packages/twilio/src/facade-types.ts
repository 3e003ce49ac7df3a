/** The unified model's Twilio types: what the facade takes and returns for Twilio. */
import type { ProviderFacade, Refuse, Secret, UnifiedSubAccount } from '@tenantkit/core';
import type { Account } from './generated/openapi.js';
/** `enabled` is false for a suspended and for a closed sub-account; `raw.status` says which. */
export type TwilioUnifiedSubAccount = UnifiedSubAccount<'twilio', Account>;

export interface TwilioUnifiedCredentials {
  /**
   * The new sub-account's Auth Token (with its SID, `id`, it authenticates as that sub-account).
   * Twilio returns it on every read too; the facade hands it out only here (`raw` redacts it).
   */
  authToken?: Secret;
}

type Refused = 'email' | 'description' | 'limits' | 'permissions' | 'roles' | 'password';
type AlsoRefused = 'currentPassword' | 'extra' | 'twilio';

export interface TwilioCreateInput
  extends Refuse<'twilio', 'create', Refused | AlsoRefused | 'enabled'> {
  /** `FriendlyName`, 1–64 characters; without it Twilio names it after the creation time. */
  name?: string;
}
export interface TwilioUpdateInput extends Refuse<'twilio', 'update', Refused | AlsoRefused> {
  name?: string;
  /** true → `Status=active`, false → `Status=suspended` (closing is `delete`). */
  enabled?: boolean;
}

/** Twilio answers a create and a close (its delete) with the account. */
export type TwilioFacade = ProviderFacade<
  'twilio',
  {
    subAccount: TwilioUnifiedSubAccount;
    createInput: TwilioCreateInput;
    updateInput: TwilioUpdateInput;
    credentials: TwilioUnifiedCredentials;
    createAnswer: Account;
    deleteAnswer: Account;
  }
>;
