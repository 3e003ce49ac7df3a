/**
 * The sandbox's one provider list is its table of models: the default providers, the credentials
 * and the CLI environment follow it (each credential as `<PROVIDER>_<OPTION>`, the rule the
 * provider definitions name their variables by).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SANDBOX_PROVIDERS, startSandbox } from '../src/index.js';
import { MODELS } from '../src/sandbox/models.js';
import { REPO_SPECS } from './support/sandbox.js';

const dir = mkdtempSync(join(tmpdir(), 'tenantkit-sandbox-models-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sandbox models', () => {
  it('each model is filed under its own provider name, and those are the sandbox providers', () => {
    for (const [key, model] of Object.entries(MODELS)) expect(model.provider).toBe(key);
    expect(SANDBOX_PROVIDERS).toEqual(Object.keys(MODELS));
  });

  it('the CLI environment holds every credential of every started provider, by option name', async () => {
    const sandbox = await startSandbox({ specs: REPO_SPECS });
    try {
      const env = sandbox.cliEnvironment(dir);
      for (const provider of SANDBOX_PROVIDERS)
        expect(env[`TENANTKIT_${provider.toUpperCase()}_BASE_URL`]).toBe(sandbox.urls[provider]);
      // Names pinned on purpose: these are the variables the CLI documents.
      expect(env).toMatchObject({
        SYNTHFLOW_API_KEY: sandbox.credentials.synthflow?.apiKey,
        VOBIZ_AUTH_ID: sandbox.credentials.vobiz?.authId,
        VOBIZ_AUTH_TOKEN: sandbox.credentials.vobiz?.authToken,
        TWILIO_ACCOUNT_SID: sandbox.credentials.twilio?.accountSid,
        TWILIO_AUTH_TOKEN: sandbox.credentials.twilio?.authToken,
        VOXIMPLANT_CREDENTIALS: join(dir, 'voximplant-credentials.json'),
      });
      const file = env.VOXIMPLANT_CREDENTIALS as string;
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(
        sandbox.credentials.voximplant?.credentials,
      );
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      await sandbox.stop();
    }
  });
});
