/**
 * How the CLI finds each provider's credentials: one row per setting (flag, environment variable,
 * the facade option it fills, whether it is required or secret, what `--mock` uses instead).
 * Everything else — the global flags, "is it configured?", the facade options, which values the
 * output scrubs — is derived from this table, so a provider is added here as data, not as code.
 */
import { ConfigurationError } from '@tenantkit/core';
import { Option } from 'commander';
import { PROVIDERS, type Provider } from '../model.js';
import type { TenantkitOptions } from '../tenantkit.js';
import type { SecretFlag } from './output/io.js';

/** What `--mock` offers to make credentials with (the `@tenantkit/mock` module satisfies it). */
export interface MockKit {
  throwawayVoximplantKey(): { credentials: object };
}

export interface CredentialSetting {
  /** The key it fills in the provider's facade options, e.g. `apiKey` of `{ synthflow: {…} }`. */
  option: string;
  /** The command-line flag, e.g. `--synthflow-api-key`. */
  flag: string;
  /** The flag's value placeholder in `--help`, e.g. `<key>`. */
  placeholder: string;
  /** The environment variable read when the flag is absent. */
  env: string;
  /** `--help` text (the variable is appended). */
  description: string;
  /** The provider counts as configured only when every required setting has a value. */
  required: boolean;
  /** Scrubbed from everything the CLI prints. */
  secret: boolean;
  /** The value `--mock` passes instead (the mock takes any); absent: the flag or variable. */
  mock?: (kit: MockKit) => unknown;
}

export interface ProviderCredentials {
  settings: readonly CredentialSetting[];
  /** The end of "<provider> is not configured: …". */
  hint: string;
}

export const CLI_CREDENTIALS: Record<Provider, ProviderCredentials> = {
  synthflow: {
    settings: [
      {
        option: 'apiKey',
        flag: '--synthflow-api-key',
        placeholder: '<key>',
        env: 'SYNTHFLOW_API_KEY',
        description: 'Synthflow API key',
        required: true,
        secret: true,
        mock: () => 'mock-api-key',
      },
      {
        option: 'region',
        flag: '--synthflow-region',
        placeholder: '<region>',
        env: 'SYNTHFLOW_REGION',
        description: 'global | us | eu',
        required: false,
        secret: false,
      },
    ],
    hint: 'set SYNTHFLOW_API_KEY (and SYNTHFLOW_REGION if not global), or pass --synthflow-api-key.',
  },
  vobiz: {
    settings: [
      {
        option: 'authId',
        flag: '--vobiz-auth-id',
        placeholder: '<id>',
        env: 'VOBIZ_AUTH_ID',
        description: 'Vobiz parent auth id, MA_…',
        required: true,
        secret: false,
        mock: () => 'MA_MOCK0000',
      },
      {
        option: 'authToken',
        flag: '--vobiz-auth-token',
        placeholder: '<token>',
        env: 'VOBIZ_AUTH_TOKEN',
        description: 'Vobiz auth token',
        required: true,
        secret: true,
        mock: () => 'mock-auth-token',
      },
    ],
    hint: 'set VOBIZ_AUTH_ID and VOBIZ_AUTH_TOKEN, or pass --vobiz-auth-id and --vobiz-auth-token.',
  },
  voximplant: {
    settings: [
      {
        option: 'credentials',
        flag: '--voximplant-credentials',
        placeholder: '<file|json>',
        env: 'VOXIMPLANT_CREDENTIALS',
        description: 'Voximplant service-account credentials.json, as its path or its JSON text',
        required: true,
        // Usually a path; the client itself redacts the key it reads from it.
        secret: false,
        // The mock only checks that a bearer token is present; a fresh key signs real RS256 tokens.
        mock: (kit) => kit.throwawayVoximplantKey().credentials,
      },
    ],
    hint: 'set VOXIMPLANT_CREDENTIALS to the service-account credentials.json (its path or its JSON text), or pass --voximplant-credentials.',
  },
};

const SETTINGS = PROVIDERS.flatMap((provider) => CLI_CREDENTIALS[provider].settings);

/** The global flags, in the table's order: `--synthflow-api-key <key>` and the rest. */
export function credentialOptions(): Option[] {
  return SETTINGS.map(
    (setting) =>
      new Option(
        `${setting.flag} ${setting.placeholder}`,
        `${setting.description} (or ${setting.env})`,
      ),
  );
}

export const CREDENTIAL_SECRETS: { flags: SecretFlag[]; variables: string[] } = {
  flags: SETTINGS.filter((setting) => setting.secret).map(({ flag }) => ({ flag })),
  variables: SETTINGS.filter((setting) => setting.secret).map(({ env }) => env),
};

/** The parsed flags, as commander names them (`--synthflow-api-key` → `synthflowApiKey`). */
export type CredentialFlags = Readonly<Record<string, unknown>>;
type Env = Record<string, string | undefined>;

/** A setting's value: its flag first, then its environment variable. */
function given(setting: CredentialSetting, flags: CredentialFlags, env: Env): string | undefined {
  const flag = flags[new Option(setting.flag).attributeName()];
  return (typeof flag === 'string' ? flag : undefined) ?? env[setting.env];
}

export function hasCredentials(provider: Provider, flags: CredentialFlags, env: Env): boolean {
  return CLI_CREDENTIALS[provider].settings
    .filter((setting) => setting.required)
    .every((setting) => Boolean(given(setting, flags, env)));
}

/** Where `--mock` serves a provider, and what it makes throwaway credentials with. */
export interface MockTarget {
  url: string;
  kit: MockKit;
}

/**
 * The facade options for one provider: flags first, then the environment, then `--mock`'s
 * throwaway values (and its URL). A provider without credentials is a ConfigurationError that
 * says what to set.
 */
export function providerOptions(
  provider: Provider,
  flags: CredentialFlags & { baseUrl?: string },
  env: Env,
  mock: MockTarget | undefined,
): TenantkitOptions {
  const { settings, hint } = CLI_CREDENTIALS[provider];
  if (!mock && !hasCredentials(provider, flags, env)) {
    throw new ConfigurationError(`${provider} is not configured: ${hint}`);
  }
  const options: Record<string, unknown> = {};
  for (const setting of settings) {
    const value = mock && setting.mock ? setting.mock(mock.kit) : given(setting, flags, env);
    if (value) options[setting.option] = value;
  }
  const baseUrl = mock?.url ?? flags.baseUrl ?? env[`TENANTKIT_${provider.toUpperCase()}_BASE_URL`];
  if (baseUrl !== undefined) options.baseUrl = baseUrl;
  // The table speaks for the provider's options; the facade checks the values it is given.
  return { [provider]: options } as TenantkitOptions;
}
