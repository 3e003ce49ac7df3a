import {
  type CallOptions,
  isRecord,
  nextPageNumber,
  paginate,
  type Runner,
  reportedPageSize,
} from '@tenantkit/core';
import type { Client } from 'openapi-fetch';
import type {
  NumberList,
  operations as OperationTypes,
  PhoneNumber,
  paths,
} from './generated/openapi.js';
import { operations } from './generated/operations.js';
import {
  checkAssignNumber,
  checkListAllNumbers,
  checkListNumbers,
  checkSubAccountNumbers,
  checkUnassignNumber,
  MAX_NUMBERS_PER_PAGE,
} from './validate.js';

/** Query of one numbers-list call. */
export type ListNumbersQuery = NonNullable<OperationTypes['listNumbers']['parameters']['query']>;
/** Filters of `numbers.listAll`: the list filters without `page`, plus `limit`. */
export type ListAllNumbersQuery = Omit<ListNumbersQuery, 'page'> & {
  /** Stop after this many numbers (no further page is fetched). */
  limit?: number;
};
/** Filters of `numbers.listForSubAccount` (it always asks for the sub-accounts' numbers). */
export type SubAccountNumbersQuery = Omit<ListAllNumbersQuery, 'include_subaccounts'>;
/** Options of an unassign. */
export type UnassignNumberQuery = NonNullable<
  OperationTypes['unassignNumberFromSubAccount']['parameters']['query']
>;

export interface VobizNumbers {
  /**
   * One page of the account's numbers. A parent's list also holds the numbers of its
   * sub-accounts (unless `include_subaccounts: false`); each item's `account_id` names the holder.
   */
  list(query?: ListNumbersQuery, options?: CallOptions): Promise<NumberList>;
  /** Every number, page after page, fetched lazily as you iterate. */
  listAll(query?: ListAllNumbersQuery, options?: CallOptions): AsyncIterable<PhoneNumber>;
  /**
   * The numbers one sub-account holds. Vobiz has no per-sub-account list: this walks the parent's
   * list with `include_subaccounts: true` and keeps the items whose `account_id` is `subAuthId`.
   */
  listForSubAccount(
    subAuthId: string,
    query?: SubAccountNumbersQuery,
    options?: CallOptions,
  ): AsyncIterable<PhoneNumber>;
  /** Gives one of the parent's numbers (E.164, e.g. `+919876543210`) to a sub-account (`SA_…`). */
  assign(e164: string, subAuthId: string, options?: CallOptions): Promise<void>;
  /**
   * Takes a number back from its sub-account. Within 15 days of the number's last call Vobiz
   * refuses with a `CoolOffError` whose `retryAt` says when it will be allowed; `force: true`
   * skips that wait for admin accounts only (others get a `PermissionDeniedError`).
   */
  unassign(e164: string, query?: UnassignNumberQuery, options?: CallOptions): Promise<void>;
}

const LIST_PATH = '/api/v1/Account/{auth_id}/numbers';
const ASSIGN_PATH = '/api/v1/account/{auth_id}/numbers/{e164}/assign-subaccount';

/**
 * A page whose every item is a number object with its `e164` (the spec requires it): a `null` or a
 * string among the items would otherwise reach `listForSubAccount`'s filter and the facade as a
 * TypeError, or as a number without its number.
 */
const asNumberPage = <T>(data: T): T | undefined =>
  isRecord(data) &&
  Array.isArray(data.items) &&
  data.items.every((item) => isRecord(item) && typeof item.e164 === 'string')
    ? data
    : undefined;

/** Who holds a number: `account_id`, or `auth_id` in an older docs example. */
function holderOf(number: PhoneNumber): string | undefined {
  return number.account_id ?? number.auth_id;
}

export function createVobizNumbers(
  runner: Runner,
  raw: Client<paths>,
  parent: { auth_id: string },
): VobizNumbers {
  const numbers: VobizNumbers = {
    async list(query, call) {
      checkListNumbers(query);
      const params = { path: parent, query: query ?? {} };
      return runner.run(operations.listNumbers, (init) => raw.GET(LIST_PATH, { ...init, params }), {
        call,
        input: query,
        unwrap: asNumberPage,
        expects: 'the `items` list of numbers, each with its `e164`',
      });
    },
    async *listAll(query, call) {
      checkListAllNumbers(query);
      const { limit, ...filters }: ListAllNumbersQuery = query ?? {};
      if (limit === 0) return;
      const perPage = filters.per_page ?? MAX_NUMBERS_PER_PAGE;
      yield* paginate({
        first: 1,
        limit,
        fetchPage: (page: number) => numbers.list({ ...filters, page, per_page: perPage }, call),
        items: (answer) => answer.items,
        next: (answer, page, items) => {
          // The page size the server used: it may cap ours.
          const size = reportedPageSize(answer.per_page) ?? perPage;
          if (items.length < size) return undefined;
          return typeof answer.total === 'number'
            ? nextPageNumber(page, size, answer.total)
            : page + 1;
        },
        key: (number) => number.id,
        maxPages: runner.maxPages,
        provider: 'vobiz',
        operation: 'listNumbers',
      });
    },
    async *listForSubAccount(subAuthId, query, call) {
      checkSubAccountNumbers(subAuthId, query);
      const { limit, ...filters }: SubAccountNumbersQuery = query ?? {};
      if (limit === 0) return;
      let found = 0;
      for await (const number of numbers.listAll({ ...filters, include_subaccounts: true }, call)) {
        if (holderOf(number) !== subAuthId) continue;
        yield number;
        found++;
        if (limit !== undefined && found >= limit) return;
      }
    },
    async assign(e164, subAuthId, call) {
      checkAssignNumber(e164, subAuthId);
      const body = { sub_account_id: subAuthId };
      const params = { path: { ...parent, e164 } };
      // Vobiz documents 200 or 204 and no body: whatever comes back carries nothing to return.
      await runner.run(
        operations.assignNumberToSubAccount,
        (init) => raw.POST(ASSIGN_PATH, { ...init, params, body }),
        { call, input: body, bodyOptional: true },
      );
    },
    async unassign(e164, query, call) {
      checkUnassignNumber(e164, query);
      const params = { path: { ...parent, e164 }, query: query ?? {} };
      await runner.run(
        operations.unassignNumberFromSubAccount,
        (init) => raw.DELETE(ASSIGN_PATH, { ...init, params }),
        { call, input: query, bodyOptional: true },
      );
    },
  };
  return numbers;
}
