/** What a Vobiz client offers: its options, its resources' methods and their types. */
import type { CallOptions, CoreOptions, ProviderClientBase } from '@tenantkit/core';
import type { Client } from 'openapi-fetch';
import type {
  CreateSubAccountRequest,
  CreateSubAccountResponse,
  DeleteSubAccountResponse,
  operations as OperationTypes,
  paths,
  SubAccount,
  SubAccountList,
  UpdateSubAccountRequest,
} from './generated/openapi.js';
import type { VobizKyc } from './kyc.js';
import type { VobizNumbers } from './numbers.js';

export interface VobizClientOptions extends CoreOptions {
  /** Auth ID of the parent account (`MA_…`): the `X-Auth-ID` header and the `{auth_id}` of every path. */
  authId: string;
  /** Auth token of the parent account: the `X-Auth-Token` header. Never logged or shown. */
  authToken: string;
  /** Default `https://api.vobiz.ai` (override for a mock server or a proxy). */
  baseUrl?: string;
  /**
   * The parent's sign-in JWT (or a function giving the current one), sent as
   * `Authorization: Bearer …` on the KYC calls only, next to the header pair. Vobiz's KYC pages
   * ask for it; its SDKs and skill use the header pair alone. Never logged or shown.
   */
  bearerToken?: string | (() => string | Promise<string>);
}

/** Query of one list call. */
export type ListSubAccountsQuery = NonNullable<
  OperationTypes['listSubAccounts']['parameters']['query']
>;

/** Filters of `listAll`: the list filters without `page` (every page is walked), plus `limit`. */
export type ListAllSubAccountsQuery = Omit<ListSubAccountsQuery, 'page'> & {
  /** Stop after this many sub-accounts (no further page is fetched). */
  limit?: number;
};

export interface VobizSubAccounts {
  /**
   * Creates a sub-account. The answer carries its `auth_token` and console `tokens` in clear, the
   * only time they exist: store them now. Never retried blindly: see `RequestError.outcomeUnknown`.
   */
  create(input: CreateSubAccountRequest, options?: CallOptions): Promise<CreateSubAccountResponse>;
  /** One sub-account, by its `SA_` auth id (not the numeric `id`). */
  get(subAuthId: string, options?: CallOptions): Promise<SubAccount>;
  /** One page of sub-accounts with the total count. */
  list(query?: ListSubAccountsQuery, options?: CallOptions): Promise<SubAccountList>;
  /** Every sub-account, page after page, fetched lazily as you iterate (`for await … of`). */
  listAll(query?: ListAllSubAccountsQuery, options?: CallOptions): AsyncIterable<SubAccount>;
  /**
   * Changes the given fields only. `name`, `enabled` and `kyc_mode` are confirmed by every Vobiz
   * source; `email`, `phone`, `description`, `rate_limit` and `permissions` only by the docs'
   * field table and Vobiz's official MCP server (its SDKs and skill send the first three only).
   */
  update(
    subAuthId: string,
    patch: UpdateSubAccountRequest,
    options?: CallOptions,
  ): Promise<SubAccount>;
  /** Vobiz answers 200 `{message}` or 204; the latter resolves to `undefined`. */
  delete(subAuthId: string, options?: CallOptions): Promise<DeleteSubAccountResponse | undefined>;
}

/** `raw` sends both headers; pass `params.path.auth_id` yourself (`client.authId`). */
export interface VobizClient extends ProviderClientBase<Client<paths>> {
  readonly subAccounts: VobizSubAccounts;
  /** The account's phone numbers, and moving them to a sub-account and back. */
  readonly numbers: VobizNumbers;
  /** KYC checks of `customer_use` sub-accounts (PAN, GST, CIN, DigiLocker, hosted sessions). */
  readonly kyc: VobizKyc;
  /** The parent auth id (not a secret: it is in every URL). */
  readonly authId: string;
}
