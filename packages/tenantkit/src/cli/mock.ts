/**
 * `--mock`: the Prism mocks of the providers a command needs, from the optional `@tenantkit/mock`
 * (loaded only here). They start on the command's first request, not before: the facade checks
 * the input before it sends anything, so a refused call exits at once instead of waiting seconds
 * for Prism. Until then each provider's base URL is a placeholder, which the fetch below points
 * at the started mock.
 */
import { ConfigurationError, type MockKit } from '@tenantkit/core';
import type { Provider } from '../model.js';

export interface LazyMocks {
  /** Placeholder base URL per provider (`https://<provider>.mock.tenantkit.invalid`). */
  urls: Record<Provider, string>;
  kit: MockKit;
  /** Starts the mocks on its first call, then sends each request to its provider's mock. */
  fetch(request: Request, init?: RequestInit): Promise<Response>;
  /** Stops the mocks if they were started. */
  stop(): Promise<void>;
}

const placeholder = (provider: Provider) => `https://${provider}.mock.tenantkit.invalid`;

export async function lazyMocks(providers: readonly Provider[]): Promise<LazyMocks> {
  const mock = await loadMockModule();
  let started:
    | Promise<{ urls: Partial<Record<string, string>>; stop(): Promise<void> }>
    | undefined;
  const start = async () => {
    const servers = await mock.startMockServers({ providers });
    const missing = providers.find((provider) => servers.urls[provider] === undefined);
    if (missing !== undefined) {
      await servers.stop();
      throw new Error(`--mock: the ${missing} mock did not start`);
    }
    return servers;
  };
  const urls = Object.fromEntries(providers.map((p) => [p, placeholder(p)])) as Record<
    Provider,
    string
  >;
  return {
    urls,
    kit: mock as MockKit,
    async fetch(request, init) {
      started ??= start();
      const servers = await started;
      const provider = providers.find((each) => request.url.startsWith(urls[each]));
      const target = provider === undefined ? undefined : servers.urls[provider];
      // Only the placeholders are rewritten; anything else goes where it says.
      const url =
        provider === undefined || target === undefined
          ? request.url
          : target + request.url.slice(urls[provider].length);
      const body =
        request.method === 'GET' || request.method === 'HEAD'
          ? undefined
          : await request.arrayBuffer();
      const moved = new Request(url, {
        method: request.method,
        headers: request.headers,
        body,
        signal: request.signal,
        redirect: request.redirect,
      });
      return globalThis.fetch(moved, init);
    },
    async stop() {
      if (started) await (await started.catch(() => undefined))?.stop();
    },
  };
}

async function loadMockModule(): Promise<typeof import('@tenantkit/mock')> {
  try {
    return await import('@tenantkit/mock');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new ConfigurationError(
        '--mock needs the optional package @tenantkit/mock: install it next to tenantkit (npm install --save-dev @tenantkit/mock).',
      );
    }
    throw error;
  }
}
