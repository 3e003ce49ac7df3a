/**
 * The unified model's shapes, common to every provider. A provider package fills them with its
 * own types (its wire objects as `raw`, its limits, permissions and credentials) in its facade
 * adapter; the facade's `SubAccount<P>`, `CreateInput<P>`, … are read from those adapters.
 */
import type { CallOptions } from './runner.js';

/** What every provider's sub-account has in common, and its own answer in `raw` (secrets redacted). */
export interface UnifiedSubAccount<
  P extends string,
  Raw,
  Limits = never,
  Permissions = never,
  Roles = never,
> {
  provider: P;
  /** The id every other operation takes (Synthflow `subaccount_id`, Vobiz `SA_` auth id, Voximplant `subuser_id`). */
  id: string;
  name: string;
  email?: string;
  description?: string;
  enabled?: boolean;
  limits?: Limits;
  permissions?: Permissions;
  /** Voximplant only, when the provider lists them. */
  roles?: Roles;
  createdAt?: string;
  /** The provider's own object, with secret fields replaced by `[REDACTED]`. */
  raw: Raw;
}

export interface UnifiedCreateResult<P extends string, Credentials, Raw> {
  provider: P;
  id: string;
  name: string;
  /** Values handed out once, at creation; each prints as `[REDACTED]` until `.reveal()`. */
  credentials: Credentials;
  /** The provider's answer, with secret fields replaced by `[REDACTED]`. */
  raw: Raw;
}

export interface UnifiedDeleteResult<P extends string, Raw> {
  provider: P;
  id: string;
  deleted: true;
  raw: Raw;
}

export interface ListOptions {
  /** Stop after this many sub-accounts. */
  limit?: number;
  /** Items per request, for providers that page (Vobiz `size`, Voximplant `count`). */
  pageSize?: number;
}

declare const refused: unique symbol;
/**
 * The type of a field a provider cannot honour: no value fits it, and TypeScript's error reads as
 * the reason — `Type 'boolean' is not assignable to type '"synthflow does not support enabled on
 * create" & …'`. The same rule is checked at run time (a `ValidationError` naming provider and
 * field) for untyped callers.
 */
export type Unsupported<Reason extends string> = Reason & { readonly [refused]: never };
/** The fields `K` refused by provider `P` on `Operation`, as `Unsupported` optional fields. */
export type Refuse<P extends string, Operation extends string, K extends string> = {
  [Key in K]?: Unsupported<`${P} does not support ${Key} on ${Operation}`>;
};

/**
 * What the facade needs from each provider: the unified operations, mapped both ways. Ids come
 * checked: the facade runs the path rules and the definition's `checkId` once, before calling.
 */
export interface FacadeAdapter<SubAccount, CreateInput, UpdateInput, Created, Deleted> {
  create(input: CreateInput, call?: CallOptions): Promise<Created>;
  get(id: string, call?: CallOptions): Promise<SubAccount>;
  list(options: ListOptions, call?: CallOptions): AsyncIterable<SubAccount>;
  update(id: string, patch: UpdateInput, call?: CallOptions): Promise<SubAccount>;
  delete(id: string, call?: CallOptions): Promise<Deleted>;
}

/**
 * The types one provider's facade deals in, named once: its sub-account, what create and update
 * take, what create hands out, and the provider's own answers to create and delete (as `raw`).
 */
export interface FacadeTypes {
  subAccount: unknown;
  createInput: unknown;
  updateInput: unknown;
  credentials: object;
  createAnswer: unknown;
  deleteAnswer: unknown;
}

/** Provider `P`'s facade adapter over its `FacadeTypes`: results carry `P` and redacted answers. */
export type ProviderFacade<P extends string, T extends FacadeTypes> = FacadeAdapter<
  T['subAccount'],
  T['createInput'],
  T['updateInput'],
  UnifiedCreateResult<P, T['credentials'], T['createAnswer']>,
  UnifiedDeleteResult<P, T['deleteAnswer']>
>;

/** What an adapter may ask the facade for: another provider's client (Synthflow → Twilio). */
export interface FacadeContext {
  /** That provider's client; throws a ConfigurationError when it was not configured. */
  clientOf(provider: string): object;
}

/** A phone number in the unified model. */
export interface UnifiedNumber<P extends string, Raw> {
  provider: P;
  /** E.164, e.g. `+919876543210`. */
  number: string;
  /** The account holding it: a sub-account id, or the parent's own id. */
  holder?: string;
  status?: string;
  country?: string;
  /** The provider's own object. */
  raw: Raw;
}

/** What an assign or unassign did: `subAccountId` holds the number now (assign), or nobody does. */
export interface UnifiedNumberAssignment<P extends string> {
  provider: P;
  number: string;
  /** Set after an assign; absent after an unassign (the number is back with the parent). */
  subAccountId?: string;
  assigned: boolean;
}

export interface ListNumbersOptions {
  /** Only the numbers this sub-account holds (Vobiz: the parent's list filtered on the holder). */
  subAccountId?: string;
  /** Stop after this many numbers. */
  limit?: number;
}

/** What `tk.numbers` needs from a provider that moves numbers between accounts. */
export interface NumbersAdapter<Entry, Assignment> {
  assign(number: string, subAccountId: string, call?: CallOptions): Promise<Assignment>;
  unassign(number: string, force: boolean | undefined, call?: CallOptions): Promise<Assignment>;
  list(options: ListNumbersOptions, call?: CallOptions): AsyncIterable<Entry>;
}
