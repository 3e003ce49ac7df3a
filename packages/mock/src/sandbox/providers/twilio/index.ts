/** Twilio: a main account whose SID and Auth Token authenticate (HTTP Basic), and its sub-accounts. */
import type { ProviderDefinition } from '../../definition.js';
import { accountHandlers } from './accounts.js';
import { callerOf } from './auth.js';
import type { TwilioState } from './state.js';
import { rfc2822, twilioError } from './wire.js';

export interface TwilioSandboxCredentials {
  accountSid: string;
  authToken: string;
}

export const twilio: ProviderDefinition<TwilioState, TwilioSandboxCredentials> = {
  provider: 'twilio',
  createState(random, now) {
    const stamp = rfc2822(now);
    return {
      main: {
        sid: `AC${random.hex(32)}`,
        friendly_name: 'Sandbox main account',
        status: 'active',
        auth_token: random.hex(32),
        date_created: stamp,
        date_updated: stamp,
      },
      subaccounts: [],
    };
  },
  credentials: (state) => ({ accountSid: state.main.sid, authToken: state.main.auth_token }),
  authenticate(request, { state }) {
    return callerOf(request, state) ? undefined : twilioError(401, 20003, 'Authenticate');
  },
  faults: {
    // Twilio sends no Retry-After on its 429 (none is documented for the 2010 API).
    rateLimited: () => twilioError(429, 20429, 'Too Many Requests'),
    serverError: () => twilioError(500, 20500, 'Internal Server Error'),
  },
  handlers: accountHandlers,
};
