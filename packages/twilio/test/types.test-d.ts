/** The public types, compiled (never run): what a caller may pass and what comes back. */
import { describe, expectTypeOf, it } from 'vitest';
import {
  type Account,
  type AccountList,
  type AccountStatus,
  createTwilioClient,
  type TwilioClient,
} from '../src/index.js';

declare const twilio: TwilioClient;

describe('twilio types', () => {
  it('credentials: an auth token or a Main API key, never neither', () => {
    createTwilioClient({ accountSid: 'AC…', authToken: 't' });
    createTwilioClient({ accountSid: 'AC…', apiKeySid: 'SK…', apiKeySecret: 's' });
    // @ts-expect-error a secret is needed
    createTwilioClient({ accountSid: 'AC…' });
    // @ts-expect-error an API key needs its secret
    createTwilioClient({ accountSid: 'AC…', apiKeySid: 'SK…' });
  });

  it('methods take Twilio’s PascalCase fields and answer its snake_case Account', () => {
    expectTypeOf(
      twilio.subaccounts.create({ FriendlyName: 'x' }),
    ).resolves.toEqualTypeOf<Account>();
    expectTypeOf(twilio.subaccounts.list()).resolves.toEqualTypeOf<AccountList>();
    expectTypeOf(twilio.subaccounts.listAll()).toEqualTypeOf<AsyncIterable<Account>>();
    expectTypeOf<Account['auth_token']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<AccountStatus>().toEqualTypeOf<'active' | 'suspended' | 'closed'>();
    // @ts-expect-error not a status
    twilio.subaccounts.update('AC…', { Status: 'deleted' });
    // @ts-expect-error camelCase is not Twilio's field name
    twilio.subaccounts.create({ friendlyName: 'x' });
    // @ts-expect-error listAll walks the pages itself
    twilio.subaccounts.listAll({ PageToken: 'PA…' });
  });
});
