/**
 * Prism mock servers for the tenantkit specs, in process: modules load once, each server starts in
 * milliseconds, and nothing can be orphaned when the process ends.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { packagedProviders, packagedSpec } from './specs.js';

export * from './recording-server.js';
export * from './sandbox/index.js';
export { packagedProviders, packagedSpec } from './specs.js';

/** A provider with a spec: its name, the spec's file name (`specs/<provider>.yaml`). */
export type MockProvider = string;
/** Every provider whose spec this package ships (the repository's `specs/`), sorted. */
export const PROVIDERS: readonly MockProvider[] = Object.freeze(packagedProviders());

export interface StartMockOptions {
  /** Which providers to serve. Default: every one whose spec this package ships (PROVIDERS). */
  providers?: readonly MockProvider[];
  /** Spec file per provider. Default: the copy of `specs/<provider>.yaml` this package ships. */
  specs?: Partial<Record<MockProvider, string>>;
  /** Port per provider; 0 (the default) picks a free one. */
  ports?: Partial<Record<MockProvider, number>>;
  host?: string;
  /** How long to wait for a server to answer before giving up. Default 15 s. */
  readyTimeoutMs?: number;
  /**
   * Answer CORS preflights and add `Access-Control-Allow-*` headers, so a page served from another
   * local origin can call the mocks during development (`pnpm mock` turns it on). Default false.
   */
  cors?: boolean;
}

export interface MockServers {
  /** Base URL per started provider, e.g. `http://127.0.0.1:41234`. */
  readonly urls: Partial<Record<MockProvider, string>>;
  stop(): Promise<void>;
}

export async function startMockServers(options: StartMockOptions = {}): Promise<MockServers> {
  const { providers = PROVIDERS, host = '127.0.0.1', readyTimeoutMs = 15_000 } = options;
  // Loaded on first use, not on import: Prism's modules take seconds to load, and most importers
  // of this package only want a recording fetch or a throwaway key.
  const [{ createLogger }, { getHttpOperationsFromSpec }, { createServer }] = await Promise.all([
    import('@stoplight/prism-core'),
    import('@stoplight/prism-http'),
    import('@stoplight/prism-http-server'),
  ]);
  const logger = createLogger('tenantkit-mock', { level: 'silent' });
  const started: Array<{ close(): Promise<void> }> = [];
  const urls: Record<MockProvider, string> = {};
  const stop = async () => {
    await Promise.allSettled(started.splice(0).map((server) => server.close()));
  };
  try {
    for (const provider of providers) {
      const spec = options.specs?.[provider] ?? packagedSpec(provider);
      const operations = await getHttpOperationsFromSpec(spec);
      const server = createServer(operations, {
        cors: options.cors ?? false,
        components: { logger },
        config: {
          isProxy: false,
          upstreamProxy: undefined,
          checkSecurity: true,
          validateRequest: true,
          validateResponse: true,
          errors: true,
          mock: { dynamic: false },
        },
      });
      const address = await server.listen(options.ports?.[provider] ?? 0, host);
      started.push(server);
      urls[provider] = address.replace('0.0.0.0', host).replace(/\/$/, '');
    }
    await Promise.all(Object.values(urls).map((url) => waitUntilAnswering(url, readyTimeoutMs)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, stop };
}

/** Polls until the server answers any HTTP status; fails with a clear message at the deadline. */
export async function waitUntilAnswering(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(
    `mock server at ${url} did not answer within ${timeoutMs} ms: ${String(lastError)}`,
  );
}

export interface PrismViolation {
  method: string;
  url: string;
  status: number;
  violations: string;
}

/**
 * A fetch for contract tests: records every request Prism found invalid (an `sl-violations`
 * header, or a problem+json validation answer) so a test can require there were none.
 */
export function createContractFetch(base: typeof fetch = fetch): {
  fetch: (input: Request, init?: RequestInit) => Promise<Response>;
  violations: PrismViolation[];
} {
  const violations: PrismViolation[] = [];
  return {
    violations,
    async fetch(input, init) {
      const response = await base(input, init);
      const header = response.headers.get('sl-violations');
      const isProblem =
        response.headers.get('content-type')?.includes('application/problem+json') ?? false;
      if (header || isProblem) {
        const detail = header ?? (await response.clone().text());
        violations.push({
          method: input.method,
          url: input.url,
          status: response.status,
          violations: detail,
        });
      }
      return response;
    },
  };
}

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
}

/**
 * A fetch for unit tests: keeps every request it receives (the real `Request`) and answers with
 * whatever `respond` returns for it.
 */
export function createRecordingFetch(
  respond: (request: RecordedRequest) => Response | Promise<Response>,
): {
  fetch: (input: Request, init?: RequestInit) => Promise<Response>;
  requests: RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];
  return {
    requests,
    async fetch(input) {
      const text = await input.text();
      const recorded: RecordedRequest = {
        method: input.method,
        url: new URL(input.url),
        headers: input.headers,
        body: text ? JSON.parse(text) : undefined,
      };
      requests.push(recorded);
      return respond(recorded);
    },
  };
}

/** A spec file parsed (so tests can compare a client's rules with the spec's own values). */
export function readSpec(specFile: string): Record<string, unknown> {
  return parseYaml(readFileSync(specFile, 'utf8')) as Record<string, unknown>;
}

/**
 * Named request-body examples of one operation of a spec (so tests prove every example is accepted):
 * its JSON examples, or its form-field examples.
 */
export function requestExamples(specFile: string, operationId: string): Record<string, unknown> {
  const spec = readSpec(specFile) as {
    paths: Record<
      string,
      Record<
        string,
        {
          operationId?: string;
          requestBody?: {
            content?: Record<string, { examples?: Record<string, { value: unknown }> }>;
          };
        }
      >
    >;
  };
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values(item)) {
      if (operation?.operationId !== operationId) continue;
      // JSON bodies, or form fields (Twilio) for an operation that takes those.
      const content = operation.requestBody?.content ?? {};
      const examples =
        (content['application/json'] ?? content['application/x-www-form-urlencoded'])?.examples ??
        {};
      return Object.fromEntries(
        Object.entries(examples).map(([name, example]) => [name, example.value]),
      );
    }
  }
  throw new Error(`${specFile}: no operation ${operationId}`);
}

export interface ThrowawayVoximplantKey {
  /** A credentials.json-shaped object: the client signs real RS256 tokens with it. */
  credentials: { account_email: string; account_id: number; key_id: string; private_key: string };
  /** To verify the tokens signed with it. */
  publicKey: KeyObject;
}

export interface ThrowawayVoximplantKeyOptions {
  accountId?: number;
  keyId?: string;
  /**
   * Reuse one key pair for every `shared: true` call in this process, made on the first one: a
   * 2048-bit RSA pair costs about a quarter of a second of CPU, so tests that need a valid key,
   * not a new one, should share it. Default false: a new key pair each call.
   */
  shared?: boolean;
}

let sharedPair: { privateKey: KeyObject; publicKey: KeyObject } | undefined;

function rsaPair(shared: boolean): { privateKey: KeyObject; publicKey: KeyObject } {
  if (!shared) return generateKeyPairSync('rsa', { modulusLength: 2048 });
  sharedPair ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
  return sharedPair;
}

/**
 * A throwaway Voximplant service-account key for mocks and tests (Prism only checks that a bearer
 * token is present): a new one each call, or the process's shared one (`shared: true`). Never a
 * real account; nothing is written to disk.
 */
export function throwawayVoximplantKey(
  options: ThrowawayVoximplantKeyOptions = {},
): ThrowawayVoximplantKey {
  const { privateKey, publicKey } = rsaPair(options.shared ?? false);
  return {
    publicKey,
    credentials: {
      account_email: 'owner@example.com',
      account_id: options.accountId ?? 4242,
      key_id: options.keyId ?? 'ab81c66e-570e-4446-9af9-105269dfafca',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    },
  };
}

export { type ThrowawayTlsCertificate, throwawayTlsCertificate } from './tls.js';
