import type { HandlerContext } from '../../definition.js';
import type { RandomState } from '../../random.js';

export type TwilioStatus = 'active' | 'suspended' | 'closed';

/**
 * An account as stored. Twilio hands an account's `auth_token` out on every read (create, fetch,
 * update, each list item), so the sandbox keeps it, as Twilio does.
 */
export interface TwilioRecord {
  sid: string;
  friendly_name: string;
  status: TwilioStatus;
  auth_token: string;
  date_created: string;
  date_updated: string;
}

export interface TwilioState extends RandomState {
  /** The main account: its SID and token are the credentials the sandbox hands out. */
  main: TwilioRecord;
  /** Its sub-accounts, oldest first (closed ones stay listed, as on Twilio). */
  subaccounts: TwilioRecord[];
}

/** What every Twilio handler is given: the state, the id generator, the time, the sandbox's address. */
export type TwilioContext = HandlerContext<TwilioState>;
