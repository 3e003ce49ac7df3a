/** Twilio's shapes: the Account resource, its error body, its dates, its paging links. */
import { json, type SandboxResponse } from '../../definition.js';
import type { TwilioRecord, TwilioState } from './state.js';

export const LIST_PATH = '/2010-04-01/Accounts.json';

/** RFC 2822 in GMT, as Twilio prints it: `Thu, 30 Jul 2015 20:00:00 +0000`. */
export function rfc2822(now: Date): string {
  return now.toUTCString().replace('GMT', '+0000');
}

/** Twilio's default name: `SubAccount Created at 2026-12-01 06:05 pm`. */
export function defaultName(now: Date): string {
  const hours = now.getUTCHours();
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `SubAccount Created at ${now.toISOString().slice(0, 10)} ${pad(twelve)}:${pad(now.getUTCMinutes())} ${hours < 12 ? 'am' : 'pm'}`;
}

const SUBRESOURCES = {
  calls: 'Calls',
  messages: 'Messages',
  incoming_phone_numbers: 'IncomingPhoneNumbers',
  recordings: 'Recordings',
  usage: 'Usage',
  keys: 'Keys',
  balance: 'Balance',
} as const;

/** The Account resource as Twilio answers it. */
export function accountView(record: TwilioRecord, state: TwilioState) {
  const uri = `/2010-04-01/Accounts/${record.sid}`;
  return {
    sid: record.sid,
    owner_account_sid: state.main.sid,
    friendly_name: record.friendly_name,
    status: record.status,
    type: 'Full' as const,
    auth_token: record.auth_token,
    date_created: record.date_created,
    date_updated: record.date_updated,
    uri: `${uri}.json`,
    subresource_uris: Object.fromEntries(
      Object.entries(SUBRESOURCES).map(([name, path]) => [name, `${uri}/${path}.json`]),
    ),
  };
}

/** Twilio's error body; the HTTP status is repeated inside it. */
export function twilioError(status: number, code: number, message: string): SandboxResponse {
  return json(status, {
    code,
    message,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status,
  });
}

export const notFound = (path: string) =>
  twilioError(404, 20404, `The requested resource ${path} was not found`);

/** A form body as Prism let it through (the raw text), read into fields; the last value wins. */
export function formFields(body: unknown): Record<string, string> {
  if (typeof body !== 'string') return {};
  return Object.fromEntries(new URLSearchParams(body));
}
