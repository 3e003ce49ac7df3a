/**
 * The Synthflow ↔ Twilio link: a Synthflow sub-account connected to the Twilio sub-account it
 * should use (Synthflow's `twilio_account_sid` / `twilio_auth_token`). The token stays a `Secret`
 * until it is put into the request body, where the Synthflow client knows it as a secret.
 */
import { type CallOptions, InputChecker, isRecord, type Secret } from '@tenantkit/core';

/**
 * The Twilio sub-account a Synthflow sub-account should use: the result of a Twilio create
 * through the facade, a Twilio sub-account of the facade (its token is then read from Twilio, so
 * `twilio` must be configured), or the SID with the token as a `Secret`.
 */
export type TwilioLink =
  | { provider: 'twilio'; id: string; credentials: { authToken?: Secret } }
  | { provider: 'twilio'; id: string }
  | { accountSid: string; authToken: Secret };

/** What Synthflow is sent: the SID and the token, revealed only into the request body. */
export interface TwilioPair {
  twilio_account_sid: string;
  twilio_auth_token: string;
}

/** The one call of a Twilio client the link needs (Twilio hands the token out on every fetch). */
export interface TwilioAccountReader {
  subaccounts: {
    get(sid: string, call?: CallOptions): Promise<{ auth_token?: string | null }>;
  };
}

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;

/** A core `Secret` (by shape: a second copy of core, CommonJS beside ESM, makes its own class). */
const isSecret = (value: unknown): value is Secret =>
  typeof (value as Secret | undefined)?.reveal === 'function';

/** Reads the `twilio` field of a Synthflow create or update (see `TwilioLink`). */
export async function resolveTwilioLink(
  operation: 'create' | 'update',
  link: unknown,
  twilio: () => TwilioAccountReader,
): Promise<TwilioPair> {
  const check = new InputChecker('synthflow', `subaccounts.${operation}`);
  const given = check.record('twilio', link);
  if (given.provider === 'twilio') {
    check.matches('twilio.id', given.id, ACCOUNT_SID, 'account-sid', 'a Twilio account SID (AC…)');
    const sid = given.id as string;
    const credentials = isRecord(given.credentials) ? given.credentials : {};
    if (isSecret(credentials.authToken))
      return { twilio_account_sid: sid, twilio_auth_token: credentials.authToken.reveal() };
    // A sub-account read through the facade carries no token: Twilio gives it on a fetch.
    const account = await twilio().subaccounts.get(sid);
    if (typeof account.auth_token !== 'string' || account.auth_token === '')
      check.fail(
        'twilio',
        'auth-token',
        'names a Twilio sub-account whose auth token Twilio did not return',
      );
    return { twilio_account_sid: sid, twilio_auth_token: account.auth_token as string };
  }
  check.knownFields('twilio', given, ['accountSid', 'authToken']);
  check.matches(
    'twilio.accountSid',
    given.accountSid,
    ACCOUNT_SID,
    'account-sid',
    'a Twilio account SID (AC…)',
  );
  if (!isSecret(given.authToken))
    check.fail(
      'twilio.authToken',
      'secret',
      'must be a Secret (new Secret(token)), so it is never printed',
    );
  return {
    twilio_account_sid: given.accountSid as string,
    twilio_auth_token: (given.authToken as Secret).reveal(),
  };
}
