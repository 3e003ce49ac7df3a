import type { SandboxRequest } from '../../definition.js';
import type { TwilioRecord, TwilioState } from './state.js';

/**
 * The account whose SID and token the Basic header carries, if it may still call the API: the
 * main account, or a sub-account with its own credentials (which reach only that sub-account). A
 * suspended or closed account's credentials stop working (Twilio: 20003).
 */
export function callerOf(request: SandboxRequest, state: TwilioState): TwilioRecord | undefined {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return undefined;
  const pair = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = pair.indexOf(':');
  if (colon < 0) return undefined;
  const sid = pair.slice(0, colon);
  const token = pair.slice(colon + 1);
  const account = [state.main, ...state.subaccounts].find((record) => record.sid === sid);
  return account && account.auth_token === token && account.status === 'active'
    ? account
    : undefined;
}
