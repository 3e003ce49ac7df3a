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
): Promise<void> {
  // The mocks live exactly as long as one command.
  const mock = options.mock ? await startMock(provider) : undefined;
  try {
    const logger: Logger | undefined = options.debug
      ? { debug: (message, details) => io.stderr(`${message} ${JSON.stringify(details)}\n`) }
      : undefined;
    const tk = createTenantkit({
      ...providerOptions(provider, options, io.env, mock),
      ...(logger && { logger }),
    });
    await run(tk);
  } finally {
    await mock?.stop();
  }
}

/** The Prism mock of one provider, from the optional `@tenantkit/mock` (loaded only here). */
async function startMock(provider: Provider): Promise<MockTarget & { stop(): Promise<void> }> {
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
  const servers = await mock.startMockServers({ providers: [provider] });
  const url = servers.urls[provider];
  if (url === undefined) {
    await servers.stop();
    throw new Error(`--mock: the ${provider} mock did not start`);
  }
  return { url, kit: mock, stop: () => servers.stop() };
}
