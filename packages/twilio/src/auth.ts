import { ConfigurationError, requireCredential } from '@tenantkit/core';

/** Twilio's production host (region US1, no edge). */
export const TWILIO_BASE_URL = 'https://api.twilio.com';

/** How the client authenticates: the account's own token, or a Main API key acting for it. */
export type TwilioCredentials =
  | { accountSid: string; authToken: string }
  | { accountSid: string; apiKeySid: string; apiKeySecret: string };

export interface TwilioAuth {
  /** The account the client acts for (the main account whose sub-accounts it manages). */
  accountSid: string;
  /** Basic user name: the Account SID, or the API key's SID. */
  username: string;
  /** `auth-token` or `api-key`, for `inspect` (never the secret). */
  method: 'auth-token' | 'api-key';
  /** The values the redactor must know: the secret and the Basic header's encoded pair. */
  secrets: string[];
  headers: Readonly<Record<string, string>>;
}

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const API_KEY_SID = /^SK[0-9a-fA-F]{32}$/;
const HINT =
  'Pass `accountSid` (AC…) with its `authToken`, or a Main API key (`apiKeySid` SK… and `apiKeySecret`) with the `accountSid` it acts for (Twilio Console → Account → API keys & tokens).';

/** Basic credentials from either form; every check names the option and never echoes a value. */
export function twilioAuth(options: object): TwilioAuth {
  const given = options as Partial<Record<string, unknown>>;
  const accountSid = requireCredential('twilio', 'accountSid', given.accountSid, HINT);
  if (!ACCOUNT_SID.test(accountSid))
    throw new ConfigurationError(
      `twilio: \`accountSid\` must be AC followed by 32 hexadecimal digits${
        API_KEY_SID.test(accountSid) ? ' (an SK… value is an API key: pass it as `apiKeySid`)' : ''
      }.`,
    );
  const hasToken = given.authToken !== undefined;
  const hasKey = given.apiKeySid !== undefined || given.apiKeySecret !== undefined;
  if (hasToken && hasKey)
    throw new ConfigurationError(
      'twilio: pass either `authToken` or `apiKeySid` + `apiKeySecret`, not both.',
    );
  let username = accountSid;
  let password: string;
  if (hasKey) {
    username = requireCredential('twilio', 'apiKeySid', given.apiKeySid, HINT);
    if (!API_KEY_SID.test(username))
      throw new ConfigurationError(
        'twilio: `apiKeySid` must be SK followed by 32 hexadecimal digits (a Main API key; Standard keys cannot manage sub-accounts).',
      );
    password = requireCredential('twilio', 'apiKeySecret', given.apiKeySecret, HINT);
  } else {
    password = requireCredential('twilio', 'authToken', given.authToken, HINT);
  }
  const pair = btoa(`${username}:${password}`);
  return {
    accountSid,
    username,
    method: hasKey ? 'api-key' : 'auth-token',
    secrets: [password, pair],
    headers: Object.freeze({ Authorization: `Basic ${pair}` }),
  };
}

/** A host label: lower-case letters, digits and hyphens (e.g. `ie1`, `dublin`, `sao-paulo`). */
const LABEL = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Twilio's host for a region and edge: `api.{edge}.{region}.twilio.com`; an edge alone means
 * region `us1`. A region without an edge is refused: Twilio retired those hosts
 * (`api.ie1.twilio.com`) on 2026-04-28. Whether sub-accounts can be managed outside US1 is not
 * documented.
 */
export function twilioHost(region: unknown, edge: unknown): string {
  if (region === undefined && edge === undefined) return TWILIO_BASE_URL;
  for (const [option, value] of [
    ['region', region],
    ['edge', edge],
  ] as const) {
    if (value !== undefined && (typeof value !== 'string' || !LABEL.test(value)))
      throw new ConfigurationError(
        `twilio: \`${option}\` must be a lower-case host label such as ${option === 'region' ? 'ie1' : 'dublin'}.`,
      );
  }
  if (edge === undefined)
    throw new ConfigurationError(
      'twilio: `region` needs an `edge` too (e.g. region ie1, edge dublin): Twilio retired region-only hosts on 2026-04-28.',
    );
  return `https://api.${edge}.${region ?? 'us1'}.twilio.com`;
}
