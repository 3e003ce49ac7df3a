/**
 * Twilio's v2010 Account resource: create a sub-account (its own SID and auth token), list the
 * caller and its sub-accounts page by page (next_page_uri with a PageToken), fetch, rename,
 * suspend, re-activate and close — closed is final.
 */
import type { Handlers, SandboxRequest } from '../../definition.js';
import { json } from '../../definition.js';
import { callerOf } from './auth.js';
import type { TwilioContext, TwilioRecord, TwilioState, TwilioStatus } from './state.js';
import {
  accountView,
  defaultName,
  formFields,
  LIST_PATH,
  notFound,
  rfc2822,
  twilioError,
} from './wire.js';

/** Twilio's default cap of open sub-accounts per main account (closed ones do not count). */
export const MAX_OPEN_SUBACCOUNTS = 1000;
const DEFAULT_PAGE_SIZE = 50;

/** The accounts a caller can see: the main account sees itself and every sub-account. */
function visible(request: SandboxRequest, state: TwilioState): TwilioRecord[] {
  const caller = callerOf(request, state)?.sid;
  if (caller === state.main.sid) return [state.main, ...state.subaccounts];
  return state.subaccounts.filter((record) => record.sid === caller);
}

function find(request: SandboxRequest, state: TwilioState): TwilioRecord | undefined {
  return visible(request, state).find((record) => record.sid === request.params.Sid);
}

const byMain = (request: SandboxRequest, state: TwilioState) =>
  callerOf(request, state) === state.main;

function newSid(context: TwilioContext): string {
  return `AC${context.random.hex(32)}`;
}

/** The page after `items`: Twilio's link keeps the filters and adds the page and its token. */
function nextLink(filters: Record<string, string>, size: number, page: number, last: string) {
  const query = new URLSearchParams({ ...filters, PageSize: String(size) });
  query.set('Page', String(page + 1));
  query.set('PageToken', `PA${last}`);
  return `${LIST_PATH}?${query}`;
}

export const accountHandlers: Handlers<TwilioState> = {
  createSubaccount(request, context) {
    const { state, now } = context;
    if (!byMain(request, state))
      return twilioError(400, 21101, 'Subaccounts cannot contain subaccounts');
    const open = state.subaccounts.filter((record) => record.status !== 'closed').length;
    if (open >= MAX_OPEN_SUBACCOUNTS)
      return twilioError(400, 21480, 'Reached maximum number of subaccounts');
    const fields = formFields(request.body);
    const stamp = rfc2822(now);
    const record: TwilioRecord = {
      sid: newSid(context),
      friendly_name: fields.FriendlyName ?? defaultName(now),
      status: 'active',
      auth_token: context.random.hex(32),
      date_created: stamp,
      date_updated: stamp,
    };
    state.subaccounts.push(record);
    return json(201, accountView(record, state));
  },

  listAccounts(request, { state }) {
    const { FriendlyName, Status, PageToken } = request.query;
    const size = Number(request.query.PageSize ?? DEFAULT_PAGE_SIZE);
    const page = Number(request.query.Page ?? 0);
    if (page > 0 && PageToken === undefined)
      return twilioError(400, 20001, 'Paged requests must include a PageToken');
    const matching = visible(request, state).filter(
      (record) =>
        (FriendlyName === undefined || record.friendly_name === FriendlyName) &&
        (Status === undefined || record.status === Status),
    );
    // The token names the last account of the previous page: the next page starts after it.
    let start = 0;
    if (PageToken !== undefined) {
      const after = matching.findIndex((record) => `PA${record.sid}` === PageToken);
      if (after < 0) return twilioError(400, 21481, 'Invalid PageToken');
      start = after + 1;
    }
    const items = matching.slice(start, start + size);
    const filters = Object.fromEntries(
      Object.entries({ FriendlyName, Status }).filter(([, value]) => value !== undefined),
    ) as Record<string, string>;
    const self = new URLSearchParams({ ...filters, PageSize: String(size), Page: String(page) });
    const first = new URLSearchParams({ ...filters, PageSize: String(size), Page: '0' });
    const last = items.at(-1);
    return json(200, {
      accounts: items.map((record) => accountView(record, state)),
      page,
      page_size: size,
      start,
      end: start + Math.max(items.length - 1, 0),
      uri: `${LIST_PATH}?${self}`,
      first_page_uri: `${LIST_PATH}?${first}`,
      // The previous link is not kept (Twilio's own needs its token; the sandbox only pages forward).
      previous_page_uri: null,
      next_page_uri:
        last && start + size < matching.length ? nextLink(filters, size, page, last.sid) : null,
    });
  },

  getAccount(request, { state }) {
    const record = find(request, state);
    return record ? json(200, accountView(record, state)) : notFound(request.path);
  },

  updateAccount(request, { state, now }) {
    const record = find(request, state);
    if (!record) return notFound(request.path);
    const fields = formFields(request.body);
    const status = fields.Status as TwilioStatus | undefined;
    if (status !== undefined) {
      if (record === state.main)
        return twilioError(400, 21477, 'Unable to update Status for parent accounts');
      if (!byMain(request, state)) return twilioError(401, 20003, 'Authenticate');
      if (record.status === 'closed')
        return twilioError(
          400,
          21479,
          'Unable to update Status for subaccount, subaccount has been closed',
        );
      record.status = status;
    }
    if (fields.FriendlyName !== undefined) record.friendly_name = fields.FriendlyName;
    record.date_updated = rfc2822(now);
    return json(200, accountView(record, state));
  },
};
