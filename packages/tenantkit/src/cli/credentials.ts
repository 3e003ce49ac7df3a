/**
 * How the CLI finds each provider's credentials: one row per setting (flag, environment variable,
 * the facade option it fills, whether it is required or secret, what `--mock` uses instead).
 * Everything else — the global flags, "is it configured?", the facade options, which values the
 * output scrubs — is derived from this table. The rows are the providers' own: each definition's
 * `configuration` (packages/<provider>/src/provider.ts), so a new provider adds nothing here.
 */
import { ConfigurationError, type CredentialSetting, type MockKit } from '@tenantkit/core';
import { Option } from 'commander';
import { PROVIDER_DEFINITIONS, PROVIDERS, type Provider } from '../registry.js';
import type { TenantkitOptions } from '../tenantkit.js';
import type { SecretFlag } from './output/io.js';

export type { CredentialSetting, MockKit };

export interface ProviderCredentials {
  settings: readonly CredentialSetting[];
  /** The end of "<provider> is not configured: …". */
  hint: string;
}

/** Each provider's settings and hint, from its definition's `configuration` (the registry). */
export const CLI_CREDENTIALS = Object.fromEntries(
  PROVIDER_DEFINITIONS.map(({ name, configuration }) => [
    name,
    { settings: configuration.settings, hint: configuration.cli },
  ]),
) as Record<Provider, ProviderCredentials>;

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
