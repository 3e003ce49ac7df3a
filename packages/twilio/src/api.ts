/** What a Twilio client offers: its options, its resources' methods and their types. */
import type { CallOptions, CoreOptions, ProviderClientBase } from '@tenantkit/core';
import type { Client } from 'openapi-fetch';
import type { TwilioCredentials } from './auth.js';
import type {
  Account,
  AccountList,
  CreateAccountForm,
  operations as OperationTypes,
  paths,
  UpdateAccountForm,
} from './generated/openapi.js';

export type TwilioClientOptions = CoreOptions &
  TwilioCredentials & {
    /**
     * Twilio region (e.g. `ie1`); needs `edge`. Credentials are region-specific, and whether
     * sub-accounts can be managed outside US1 is not documented.
     */
    region?: string;
    /** Twilio edge location (e.g. `dublin`, `sydney`); alone it means region `us1`. */
    edge?: string;
    /** Overrides `region`/`edge` (a mock server, a proxy). Default `https://api.twilio.com`. */
    baseUrl?: string;
  };

/** Query of one list call (Twilio's filters and paging parameters). */
export type ListAccountsQuery = NonNullable<OperationTypes['listAccounts']['parameters']['query']>;

/** Filters of `listAll`: every page is walked, so no `Page`/`PageToken`; plus `limit`. */
export type ListAllAccountsQuery = Omit<ListAccountsQuery, 'Page' | 'PageToken'> & {
  /** Stop after this many accounts (no further page is fetched). */
  limit?: number;
};

export interface TwilioSubaccounts {
  /**
   * Creates a sub-account of the calling account. The answer carries its `auth_token`, a secret.
   * Twilio creates are not idempotent: only a 429 (never processed) is retried; after a timeout or
   * a 5xx the error says `outcomeUnknown` and nothing is re-sent.
   */
  create(input?: CreateAccountForm, options?: CallOptions): Promise<Account>;
  /** One account by SID: a sub-account, or the calling account itself. */
  get(sid: string, options?: CallOptions): Promise<Account>;
  /** One page: the calling account and its sub-accounts, each with its `auth_token`. */
  list(query?: ListAccountsQuery, options?: CallOptions): Promise<AccountList>;
  /** Every account, page after page (following `next_page_uri`), fetched as you iterate. */
  listAll(query?: ListAllAccountsQuery, options?: CallOptions): AsyncIterable<Account>;
  /** Renames or changes the status (`active`, `suspended`, `closed`: see `close`). */
  update(sid: string, patch: UpdateAccountForm, options?: CallOptions): Promise<Account>;
  /** No calls or messages; its phone numbers are kept (and billed). Undo with `activate`. */
  suspend(sid: string, options?: CallOptions): Promise<Account>;
  /** Re-activates a sub-account suspended through the API (not one Twilio suspended: 21478). */
  activate(sid: string, options?: CallOptions): Promise<Account>;
  /**
   * IRREVERSIBLE. Closes the sub-account: it can never be re-opened, Twilio releases all its phone
   * numbers, and by default deletes its data 30 days later. This is Twilio's only way to remove a
   * sub-account (there is no DELETE). The main account itself cannot be closed (21477).
   */
  close(sid: string, options?: CallOptions): Promise<Account>;
}

/** `raw`: form bodies need `bodySerializer` and the form content type (see `formBody`). */
export interface TwilioClient extends ProviderClientBase<Client<paths>> {
  readonly subaccounts: TwilioSubaccounts;
  /** The account the client acts for (not a secret). */
  readonly accountSid: string;
}
