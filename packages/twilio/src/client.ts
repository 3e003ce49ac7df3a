import {
  ApiError,
  createProviderClient,
  defineClientInspection,
  isRecord,
  paginate,
  recordsOf,
  type SendInit,
} from '@tenantkit/core';
import createClient from 'openapi-fetch';
import type {
  ListAccountsQuery,
  ListAllAccountsQuery,
  TwilioClient,
  TwilioClientOptions,
  TwilioSubaccounts,
} from './api.js';
import { twilioAuth, twilioHost } from './auth.js';
import type { Account, AccountList, paths } from './generated/openapi.js';
import { operations } from './generated/operations.js';
import { nextPageQuery } from './paging.js';
import { describeTwilioError, SUBACCOUNT_CLOSED, TWILIO_REQUEST_ID_HEADERS } from './protocol.js';
import {
  checkAccountSid,
  checkCreate,
  checkListAllQuery,
  checkListQuery,
  checkUpdate,
  MAX_PAGE_SIZE,
} from './validate.js';

const LIST_PATH = '/2010-04-01/Accounts.json';
const ITEM_PATH = '/2010-04-01/Accounts/{Sid}.json';
const FORM = 'application/x-www-form-urlencoded';
/** listAll's page size when none is given: the largest Twilio allows, for the fewest requests. */
const LIST_ALL_PAGE_SIZE = MAX_PAGE_SIZE;

/** Form fields from an object; fields left `undefined` are not sent (not as "undefined"). */
export function formBody(body: object | undefined): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body ?? {}))
    if (value !== undefined) form.append(name, String(value));
  return form.toString();
}

const hasSid = (value: unknown): value is Account & { sid: string } =>
  isRecord(value) && typeof value.sid === 'string' && value.sid !== '';
/** An account: an object with its SID (every further call needs it). */
const asAccount = <T>(data: T): T | undefined => (hasSid(data) ? data : undefined);
const accountExpects = 'an account object with its `sid`';
const asPage = <T>(data: T): T | undefined =>
  isRecord(data) && recordsOf(data.accounts)?.every(hasSid) ? data : undefined;
const pageExpects = 'the `accounts` list of accounts, each with its `sid`';

export function createTwilioClient(options: TwilioClientOptions): TwilioClient {
  const auth = twilioAuth(options ?? {});
  const baseUrl = options.baseUrl ?? twilioHost(options.region, options.edge);
  const { runner, api: raw } = createProviderClient({
    protocol: {
      provider: 'twilio',
      describeError: describeTwilioError,
      requestIdHeaders: TWILIO_REQUEST_ID_HEADERS,
    },
    options,
    baseUrl,
    // The secret, and the Basic header's encoded pair (its base64 is not the secret's own).
    secrets: auth.secrets,
    authHeaders: auth.headers,
    createClient: createClient<paths>,
  });
  /** The form body of one attempt; its content type is set last, so no call header replaces it. */
  const form = <B extends object>(init: SendInit, body: B) => ({
    ...init,
    body,
    bodySerializer: formBody,
    headers: { ...init.headers, 'Content-Type': FORM },
  });
  const item = (sid: string) => ({ path: { Sid: sid } });
  const theAccount = (sid: string) => ({
    found: (account: Account) => account.sid === sid,
    subject: `account ${sid}`,
  });

  const subaccounts: TwilioSubaccounts = {
    async create(input, call) {
      checkCreate(input);
      const body = input ?? {};
      return runner.run(
        operations.createSubaccount,
        (init) => raw.POST(LIST_PATH, form(init, body)),
        // Without its SID the new sub-account cannot be reached: an invalid answer, not a success.
        { call, input: body, unwrap: asAccount, expects: 'the new sub-account with its `sid`' },
      );
    },
    async get(sid, call) {
      checkAccountSid('getAccount', sid);
      return runner.run(
        operations.getAccount,
        (init) => raw.GET(ITEM_PATH, { ...init, params: item(sid) }),
        { call, unwrap: asAccount, expects: accountExpects, ...theAccount(sid) },
      );
    },
    async list(query, call) {
      checkListQuery(query);
      return runner.run(
        operations.listAccounts,
        (init) => raw.GET(LIST_PATH, { ...init, params: { query: query ?? {} } }),
        { call, input: query, unwrap: asPage, expects: pageExpects },
      );
    },
    async *listAll(query, call) {
      checkListAllQuery(query);
      const { limit, ...filters }: ListAllAccountsQuery = query ?? {};
      if (limit === 0) return;
      const first = { ...filters, PageSize: filters.PageSize ?? LIST_ALL_PAGE_SIZE };
      let pages = 0;
      // The cursor is the next page's query as text ('' for the first page): a repeated link is
      // caught by the core's guard like any repeated cursor.
      yield* paginate({
        first: '',
        limit,
        fetchPage: async (cursor: string) => {
          const page = cursor === '' ? await subaccounts.list(first, call) : await nextPage(cursor);
          pages++;
          return page;
        },
        // Stryker disable next-line ArrayDeclaration: asPage refuses a page without `accounts`, so never used
        items: (page) => page.accounts ?? [],
        key: (account) => account.sid,
        next: (page) => {
          const next = nextPageQuery(page.next_page_uri, baseUrl, LIST_PATH, pages);
          return next && new URLSearchParams(next).toString();
        },
        maxPages: runner.maxPages,
        provider: 'twilio',
        operation: 'listAll',
      });
      /** A page Twilio linked to: its own query, sent to this client's base URL. */
      function nextPage(cursor: string): Promise<AccountList> {
        const linked = Object.fromEntries(new URLSearchParams(cursor)) as ListAccountsQuery;
        return runner.run(
          operations.listAccounts,
          (init) => raw.GET(LIST_PATH, { ...init, params: { query: linked } }),
          { call, unwrap: asPage, expects: pageExpects },
        );
      }
    },
    async update(sid, patch, call) {
      checkUpdate(sid, patch);
      return runner.run(
        operations.updateAccount,
        (init) => raw.POST(ITEM_PATH, { ...form(init, patch), params: item(sid) }),
        { call, input: patch, unwrap: asAccount, expects: accountExpects, ...theAccount(sid) },
      );
    },
    suspend: (sid, call) => subaccounts.update(sid, { Status: 'suspended' }, call),
    activate: (sid, call) => subaccounts.update(sid, { Status: 'active' }, call),
    async close(sid, call) {
      try {
        return await subaccounts.update(sid, { Status: 'closed' }, call);
      } catch (error) {
        // A retried close whose first attempt went through is refused as "already closed" (21479):
        // that is the outcome asked for, so the closed account is read back and returned.
        if (error instanceof ApiError && error.code === SUBACCOUNT_CLOSED && error.attempts > 1) {
          const account = await subaccounts.get(sid, call);
          if (account.status === 'closed') return account;
        }
        throw error;
      }
    },
  };

  const client: TwilioClient = { subaccounts, raw, baseUrl, accountSid: auth.accountSid };
  defineClientInspection(client, 'TwilioClient', {
    baseUrl,
    accountSid: auth.accountSid,
    auth: auth.method,
  });
  return client;
}
