/** Twilio as the facade, the CLI and the tooling see it: one definition, read by the registry. */
import { defineProvider } from '@tenantkit/core';
import { twilioCapabilities } from './capabilities.js';
import { createTwilioClient } from './client.js';
import { twilioFacade } from './facade.js';
import { specInfo } from './generated/spec-info.js';

export const twilioProvider = /* @__PURE__ */ defineProvider({
  name: 'twilio',
  createClient: createTwilioClient,
  specInfo,
  // The spec describes FriendlyName as "up to 64 characters long" (FACTS-twilio.md).
  naming: { noun: 'Twilio FriendlyName', length: { min: 1, max: 64 } },
  capabilities: twilioCapabilities,
  facade: twilioFacade,
  configuration: {
    facade:
      'Pass `twilio: { accountSid, authToken }` (or a Main API key: `apiKeySid`, `apiKeySecret`) to createTenantkit()',
    cli: 'set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY_SID and TWILIO_API_KEY_SECRET), or pass --twilio-account-sid and --twilio-auth-token.',
    subAccountId: 'account SID (AC…)',
    settings: [
      {
        option: 'accountSid',
        flag: '--twilio-account-sid',
        placeholder: '<sid>',
        env: 'TWILIO_ACCOUNT_SID',
        description: 'Twilio main account SID, AC… (with an API key: the account it acts for)',
        required: true,
        secret: false,
        // The spec's example account: the mock's answers describe it.
        mock: () => 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      },
      {
        option: 'authToken',
        flag: '--twilio-auth-token',
        placeholder: '<token>',
        env: 'TWILIO_AUTH_TOKEN',
        description: 'Twilio Auth Token of that account',
        required: false,
        secret: true,
        mock: () => 'mock-auth-token',
      },
      {
        option: 'apiKeySid',
        flag: '--twilio-api-key-sid',
        placeholder: '<sid>',
        env: 'TWILIO_API_KEY_SID',
        description: 'a Main API key SID, SK… (used in place of the Auth Token)',
        required: false,
        secret: false,
        mock: () => undefined,
      },
      {
        option: 'apiKeySecret',
        flag: '--twilio-api-key-secret',
        placeholder: '<secret>',
        env: 'TWILIO_API_KEY_SECRET',
        description: "the Main API key's secret",
        required: false,
        secret: true,
        mock: () => undefined,
      },
    ],
  },
});
