/**
 * The unified sub-account model, per provider. Each provider package writes its own part (its
 * facade adapter and the types it takes and returns); the types here are read from the registry's
 * definitions, so a provider added to the registry is in the model with nothing written here.
 */
import type { ListNumbersOptions, ListOptions, Unsupported } from '@tenantkit/core';
import type { DefinitionOf, Provider } from './registry.js';

// The providers' own unified types under the names the facade has always exported.
export type {
  SynthflowCreateInput,
  SynthflowCredentials,
  SynthflowLimits,
  SynthflowPermissionChange,
  SynthflowSubAccount,
  SynthflowUpdateInput,
  TwilioLink,
} from '@tenantkit/synthflow';
export type {
  TwilioCreateInput,
  TwilioUnifiedCredentials as TwilioCredentials,
  TwilioUnifiedSubAccount,
  TwilioUpdateInput,
} from '@tenantkit/twilio';
export type {
  VobizCreateInput,
  VobizCredentials,
  VobizLimits,
  VobizUnifiedSubAccount,
  VobizUpdateInput,
} from '@tenantkit/vobiz';
export type {
  RoleRefs,
  VoximplantCreateInput,
  VoximplantCredentialsHandedOut,
  VoximplantRoleChange,
  VoximplantSubAccount,
  VoximplantUpdateInput,
} from '@tenantkit/voximplant';
export { PROVIDERS, type Provider } from './registry.js';
export type { ListNumbersOptions, ListOptions, Unsupported };

/** A provider's facade adapter (its definition's `facade`). */
export type FacadeOf<P extends Provider> = ReturnType<DefinitionOf<P>['facade']>;

/** A sub-account of provider `P`; with `P` left open, a union discriminated by `provider`. */
export type SubAccount<P extends Provider = Provider> = P extends Provider
  ? Awaited<ReturnType<FacadeOf<P>['get']>>
  : never;
export type CreateInput<P extends Provider> = Parameters<FacadeOf<P>['create']>[0];
export type UpdateInput<P extends Provider> = Parameters<FacadeOf<P>['update']>[1];
export type CreateResult<P extends Provider = Provider> = P extends Provider
  ? Awaited<ReturnType<FacadeOf<P>['create']>>
  : never;
export type DeleteResult<P extends Provider = Provider> = P extends Provider
  ? Awaited<ReturnType<FacadeOf<P>['delete']>>
  : never;
/** Values a provider hands out once, at creation; each prints as `[REDACTED]` until `.reveal()`. */
export type Credentials<P extends Provider> = CreateResult<P>['credentials'];

/** A provider's `tk.numbers` adapter, when its definition has one. */
export type NumbersOf<P extends Provider> =
  DefinitionOf<P> extends {
    readonly numbers?: (client: never) => infer Numbers;
  }
    ? unknown extends Numbers
      ? never
      : Numbers
    : never;

/** Providers whose numbers `tk.numbers` moves (those whose definition has `numbers`). */
export type NumbersProvider = {
  [P in Provider]: [NumbersOf<P>] extends [never] ? never : P;
}[Provider];

/** A phone number in the unified model. */
export type NumberEntry =
  NumbersOf<NumbersProvider> extends {
    list(...args: never[]): AsyncIterable<infer Entry>;
  }
    ? Entry
    : never;

/** What an assign or unassign did: `subAccountId` holds the number now (assign), or nobody does. */
export type NumberAssignment = Awaited<ReturnType<NumbersOf<NumbersProvider>['assign']>>;
