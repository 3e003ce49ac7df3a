/**
 * The canaries every conformance test plants and looks for, and the fixtures several providers'
 * cells and tests share (the Twilio ids and account, the throwaway Voximplant key).
 */
import { throwawayVoximplantKey } from '@tenantkit/mock';
import type { VoximplantCredentials } from '@tenantkit/voximplant';

/** Secrets that must never show up in an error or a log line. */
export const CANARY = {
  synthflowApiKey: 'sk-canary-synthflow-4f1d9a7e3b',
  vobizAuthToken: 'vobiz-canary-auth-token-93e1c7',
  twilioAuthToken: 'twilio-canary-auth-token-6a0f3d',
  /** A valid password everywhere (Voximplant's rules), sent in each create's input. */
  inputSecret: 'Canary_input_Secret_8c2e51',
  bodySecret: 'canary-body-secret-b7d402',
  /** Shaped like a JWT, under a field name that says nothing about secrets. */
  bodyJwt:
    'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYW5hcnkiLCJpYXQiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLWNhbmFyeS0xMjM0',
} as const;

/** The process's shared throwaway key, made at run time: no private key is ever committed. */
export const voximplantCredentials: Required<VoximplantCredentials> = throwawayVoximplantKey({
  shared: true,
}).credentials;

/** Twilio's ids: the main account the client acts for, and one sub-account of it. */
export const TWILIO_SID = { main: `AC${'c'.repeat(32)}`, sub: `AC${'5'.repeat(32)}` } as const;
/** What Twilio sends on the wire: Basic base64(SID:token), a secret of its own. */
export const twilioBasicPair = btoa(`${TWILIO_SID.main}:${CANARY.twilioAuthToken}`);

/** A Twilio account as its API answers one (the sub-account's own token in it, a secret). */
export const twilioAccount = (sid: string, authToken: string) => ({
  sid,
  owner_account_sid: TWILIO_SID.main,
  friendly_name: 'Acme Dental',
  status: 'active',
  type: 'Full',
  auth_token: authToken,
  date_created: 'Tue, 01 Dec 2026 20:00:00 +0000',
  date_updated: 'Tue, 01 Dec 2026 20:00:00 +0000',
  uri: `/2010-04-01/Accounts/${sid}.json`,
});
