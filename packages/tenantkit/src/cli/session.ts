/**
 * One command's session with a provider: the facade built from the credentials (flags, then the
 * environment, see `credentials.ts`), `--timeout` / `--max-retries`, the `--debug` logger, and
 * under `--mock` the provider's mock — started on the first request (see `mock.ts`), so a call
 * the facade refuses never waits for one.
 */
import type { Logger } from '@tenantkit/core';
import type { Provider } from '../model.js';
import { createTenantkit, type Tenantkit, type TenantkitOptions } from '../tenantkit.js';
import { type CredentialFlags, providerOptions } from './credentials.js';
import { lazyMocks } from './mock.js';
import type { CliIo } from './output/io.js';

/** The flags every command takes (the credential flags are keyed as commander names them). */
export interface GlobalOptions extends CredentialFlags {
  json?: boolean;
  output?: string;
  mock?: boolean;
  debug?: boolean;
  baseUrl?: string;
  timeout?: number;
  maxRetries?: number;
}

/** The facade options every provider shares: `--timeout`, `--max-retries`, the `--debug` logger. */
export function sharedOptions(options: GlobalOptions, io: CliIo): TenantkitOptions {
  const logger: Logger | undefined = options.debug
    ? { debug: (message, details) => io.stderr(`${message} ${JSON.stringify(details)}\n`) }
    : undefined;
  return {
    ...(options.timeout !== undefined && { timeoutMs: options.timeout }),
    ...(options.maxRetries !== undefined && { maxRetries: options.maxRetries }),
    ...(logger && { logger }),
  };
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
  // The mocks live at most as long as one command, and start only if it sends a request.
  const mock = options.mock ? await lazyMocks(providers) : undefined;
  try {
    const configured = providers.map((each) =>
      providerOptions(each, options, io.env, mock && { url: mock.urls[each], kit: mock.kit }),
    );
    const tk = createTenantkit(
      Object.assign({}, ...configured, sharedOptions(options, io), mock && { fetch: mock.fetch }),
    );
    await run(tk);
  } finally {
    await mock?.stop();
  }
}
