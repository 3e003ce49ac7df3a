import { type CallOptions, nextOffsetWithTotal, paginate, type Runner } from '@tenantkit/core';
import type { Client } from 'openapi-fetch';
import type {
  AccountInfoResult,
  AccountProfile,
  ChildAccountListResult,
  paths,
} from './generated/openapi.js';
import { methodsOver } from './method.js';
import { countOf, envelopeWithList, envelopeWithRecord } from './shapes.js';
import {
  checkChildSelector,
  checkGetAccountInfo,
  checkGetChildrenAccounts,
  checkListAllChildren,
  checkSetChildAccountInfo,
} from './validate/child-accounts.js';
import type { InputOf } from './wire.js';

export type GetAccountInfoInput = InputOf<'GetAccountInfo'>;
export type ListChildAccountsInput = InputOf<'GetChildrenAccounts'>;
/** `listAll` walks `offset` itself; `count` is the page size, `limit` caps the children yielded. */
export type ListAllChildAccountsInput = Omit<ListChildAccountsInput, 'offset'> & { limit?: number };

type Selector = 'child_account_id' | 'child_account_name' | 'child_account_email';
type SetChildInput = InputOf<'SetChildAccountInfo'>;
/** Exactly one of the three selectors (ids may be `'all'`), as the API requires. */
export type ChildAccountSelector =
  | { child_account_id: number[] | 'all'; child_account_name?: never; child_account_email?: never }
  | { child_account_name: string[]; child_account_id?: never; child_account_email?: never }
  | { child_account_email: string[]; child_account_id?: never; child_account_name?: never };
/** SetChildAccountInfo: one selector plus the settings to change. */
export type UpdateChildAccountsInput = ChildAccountSelector & Omit<SetChildInput, Selector>;

export interface VoximplantAccount {
  /**
   * GetAccountInfo: the profile of the account the token acts on (`result`) and `api_address`,
   * the account's preferred API host (followed by the client when `useAccountApiAddress` is on).
   */
  info(input?: GetAccountInfoInput, options?: CallOptions): Promise<AccountInfoResult>;
}

/** A reseller's child accounts: separate Voximplant accounts, unlike subusers. Owner role. */
export interface VoximplantChildAccounts {
  /** GetChildrenAccounts: one page (`offset`/`count`) with `total_count`. */
  list(input?: ListChildAccountsInput, options?: CallOptions): Promise<ChildAccountListResult>;
  /** Every child account, page by page (default page size 100); stops at the total or `limit`. */
  listAll(input?: ListAllChildAccountsInput, options?: CallOptions): AsyncIterable<AccountProfile>;
  /** SetChildAccountInfo on the selected children. Answers 1. */
  update(input: UpdateChildAccountsInput, options?: CallOptions): Promise<number>;
  /** SetChildAccountInfo `active: false`: the selected children stop working until activated. */
  suspend(selector: ChildAccountSelector, options?: CallOptions): Promise<number>;
  /** SetChildAccountInfo `active: true`. */
  activate(selector: ChildAccountSelector, options?: CallOptions): Promise<number>;
}

/** Profiles always carry `account_id` (the only field of brief output). */
const withAccountInfo = envelopeWithRecord<AccountInfoResult>('account_id', 'number');
const withChildren = envelopeWithList<ChildAccountListResult>('account_id', 'number');
const COUNT = { unwrap: countOf, expects: 'a numeric `result` (1 when done)' };

export function createVoximplantAccounts(
  runner: Runner,
  api: Client<paths>,
  pageSize: number,
): { account: VoximplantAccount; childAccounts: VoximplantChildAccounts } {
  const method = methodsOver(runner, api);
  const account: VoximplantAccount = {
    info: method('GetAccountInfo', checkGetAccountInfo, {
      unwrap: withAccountInfo,
      expects: 'a `result` profile with its `account_id`',
    }),
  };

  const update = method('SetChildAccountInfo', checkSetChildAccountInfo, COUNT, (input) => {
    // The new password travels in the query: known to the redactor, no error can quote it.
    runner.redactor.rememberSecret(input.new_child_account_password);
    return input as SetChildInput;
  });
  const childAccounts: VoximplantChildAccounts = {
    list: method('GetChildrenAccounts', checkGetChildrenAccounts, {
      unwrap: withChildren,
      expects: 'a `result` list of accounts, each with its `account_id`',
    }),
    async *listAll(input, call) {
      checkListAllChildren(input);
      const { limit, count = pageSize, ...filters } = input ?? {};
      yield* paginate({
        first: 0,
        limit,
        fetchPage: (offset: number) => childAccounts.list({ ...filters, offset, count }, call),
        items: (page) => page.result,
        next: (page, offset, items) =>
          nextOffsetWithTotal(offset, count, items.length, page.total_count),
        key: (child) => child.account_id,
        maxPages: runner.maxPages,
        provider: 'voximplant',
        operation: 'GetChildrenAccounts',
      });
    },
    update,
    async suspend(selector, call) {
      checkChildSelector(selector);
      return childAccounts.update({ ...selector, active: false }, call);
    },
    async activate(selector, call) {
      checkChildSelector(selector);
      return childAccounts.update({ ...selector, active: true }, call);
    },
  };
  return { account, childAccounts };
}
