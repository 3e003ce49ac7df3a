import { generateKeyPairSync } from 'node:crypto';

/** A throwaway Voximplant service-account key: the client signs real RS256 tokens with it. */
export function throwawayVoximplantCredentials() {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return {
    account_email: 'test@example.com',
    account_id: 1,
    key_id: '00000000-0000-4000-8000-000000000000',
    private_key: privateKey,
  };
}
