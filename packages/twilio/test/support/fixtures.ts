import type { Account } from '../../src/index.js';

export const MAIN_SID = 'AC0123456789abcdef0123456789abcdef';
export const AUTH_TOKEN = 'main-token-canary-5d1e8b7f';
export const API_KEY_SID = 'SKfedcba9876543210fedcba9876543210';
export const API_KEY_SECRET = 'key-secret-canary-93c0a4e2';

/** A sub-account SID and token, distinct per `n`. */
export const subSid = (n: number) => `AC${n.toString(16).padStart(32, '0')}`;
export const subToken = (n: number) => `sub-token-canary-${n.toString().padStart(4, '0')}`;

export function account(n: number, overrides: Partial<Account> = {}): Account {
  const sid = subSid(n);
  return {
    sid,
    owner_account_sid: MAIN_SID,
    friendly_name: `Tenant ${n}`,
    status: 'active',
    type: 'Full',
    auth_token: subToken(n),
    date_created: 'Thu, 30 Jul 2015 20:00:00 +0000',
    date_updated: 'Thu, 30 Jul 2015 20:00:00 +0000',
    uri: `/2010-04-01/Accounts/${sid}.json`,
    subresource_uris: { calls: `/2010-04-01/Accounts/${sid}/Calls.json` },
    ...overrides,
  };
}

/** Twilio's error body. */
export const twilioError = (status: number, code: number, message: string) => ({
  code,
  message,
  more_info: `https://www.twilio.com/docs/errors/${code}`,
  status,
});

export const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
