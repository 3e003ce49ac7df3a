/**
 * The construction every provider client shares, written once: a redactor that knows the
 * credentials, the runner over the provider's protocol, and the openapi-fetch client whose every
 * request goes through the runner's fetch (never following a redirect).
 */
import { Redactor } from './redact.js';
import { type CoreOptions, type FetchLike, type ProviderProtocol, Runner } from './runner.js';

/** What the shared construction hands openapi-fetch's `createClient`. */
export interface OpenApiClientOptions {
  baseUrl: string;
  fetch: FetchLike;
  redirect: 'manual';
  headers?: Record<string, string>;
  querySerializer?: (query: Record<string, unknown>) => string;
}

export interface ProviderClientSetup<Api> {
  protocol: ProviderProtocol;
  options: CoreOptions;
  baseUrl: string;
  /** The credentials to scrub from everything (more are learnt as they are sent or received). */
  secrets?: readonly string[];
  /** A redactor built earlier (a token source registers its tokens with it); else a new one. */
  redactor?: Redactor;
  /**
   * Fixed authentication headers. Sent by the runner on every attempt (from the protocol, so a
   * per-call `headers` option can never replace them) and by the raw client.
   */
  authHeaders?: Record<string, string>;
  querySerializer?: OpenApiClientOptions['querySerializer'];
  /** openapi-fetch's `createClient` (passed in: core does not depend on openapi-fetch). */
  createClient: (options: OpenApiClientOptions) => Api;
}

export interface ProviderClientParts<Api> {
  runner: Runner;
  redactor: Redactor;
  /** The openapi-fetch client the methods call through the runner. */
  api: Api;
  /** The options `api` was made with, for a second client over the same runner fetch. */
  clientOptions: OpenApiClientOptions;
}

export function createProviderClient<Api>(
  setup: ProviderClientSetup<Api>,
): ProviderClientParts<Api> {
  const redactor = setup.redactor ?? new Redactor(setup.secrets);
  const authHeaders = setup.authHeaders && Object.freeze({ ...setup.authHeaders });
  const protocol: ProviderProtocol = authHeaders
    ? { ...setup.protocol, authHeaders: () => authHeaders }
    : setup.protocol;
  const runner = new Runner(protocol, setup.options, redactor);
  const clientOptions: OpenApiClientOptions = {
    baseUrl: setup.baseUrl,
    fetch: runner.fetch,
    redirect: 'manual',
    ...(authHeaders && { headers: { ...authHeaders } }),
    ...(setup.querySerializer && { querySerializer: setup.querySerializer }),
  };
  return { runner, redactor, api: setup.createClient(clientOptions), clientOptions };
}
