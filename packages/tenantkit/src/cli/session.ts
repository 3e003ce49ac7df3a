/**
 * One command's session with a provider: the facade built from the credentials (flags, then the
 * environment, see `credentials.ts`), the `--debug` logger, and under `--mock` the provider's mock,
 * started for the command and stopped after it.
 */
import { ConfigurationError, type Logger } from '@tenantkit/core';
import type { Provider } from '../model.js';
import { createTenantkit, type Tenantkit } from '../tenantkit.js';
import { type CredentialFlags, type MockTarget, providerOptions } from './credentials.js';
import type { CliIo } from './output/io.js';

/** The flags every command takes (the credential flags are keyed as commander names them). */
export interface GlobalOptions extends CredentialFlags {
  json?: boolean;
  mock?: boolean;
  debug?: boolean;
  baseUrl?: string;
}

export async function withTenantkit(
  provider: Provider,
  options: GlobalOptions,
  io: CliIo,
  run: (tk: Tenantkit) => Promise<void>,
  /** Other providers the command needs too (a Synthflow sub-account linked to Twilio). */
  also: readonly Provider[] = [],
): Promise<void> {
  const providers = [provider, ...also.filter((other) => other !== provider)];
  // The mocks live exactly as long as one command.
  const mock = options.mock ? await startMocks(providers) : undefined;
  try {
    const logger: Logger | undefined = options.debug
      ? { debug: (message, details) => io.stderr(`${message} ${JSON.stringify(details)}\n`) }
      : undefined;
    const configured = providers.map((each) =>
      providerOptions(
        each,
        options,
        io.env,
        mock && { url: mock.urls[each] as string, kit: mock.kit },
      ),
    );
    const tk = createTenantkit(Object.assign({}, ...configured, logger && { logger }));
    await run(tk);
  } finally {
    await mock?.stop();
  }
}

/** The Prism mocks of the providers, from the optional `@tenantkit/mock` (loaded only here). */
async function startMocks(providers: readonly Provider[]) {
  let mock: typeof import('@tenantkit/mock');
  try {
    mock = await import('@tenantkit/mock');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new ConfigurationError(
        '--mock needs the optional package @tenantkit/mock: install it next to tenantkit (npm install --save-dev @tenantkit/mock).',
      );
    }
    throw error;
  }
  const servers = await mock.startMockServers({ providers });
  const missing = providers.find((provider) => servers.urls[provider] === undefined);
  if (missing !== undefined) {
    await servers.stop();
    throw new Error(`--mock: the ${missing} mock did not start`);
  }
  return { urls: servers.urls, kit: mock as MockTarget['kit'], stop: () => servers.stop() };
}
