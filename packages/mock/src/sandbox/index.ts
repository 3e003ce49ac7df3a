/**
 * The sandbox: a stateful server per provider with the provider's real semantics (what one call
 * creates, the next one sees), held to the specs by Prism, with faults on demand.
 *
 *   const sandbox = await startSandbox({ seed: 7, faults: { vobiz: { rateLimitPerSecond: 5 } } });
 *   createVobizClient({ ...sandbox.credentials.vobiz!, baseUrl: sandbox.urls.vobiz });
 */
import { isIPv4 } from 'node:net';
import { join } from 'node:path';
import { packagedSpec } from '../specs.js';
import type { ProviderDefinition } from './definition.js';
import { checkFaultOptions, FaultInjector, type FaultOptions } from './faults.js';
import { MODELS, SANDBOX_PROVIDERS, type SandboxProvider } from './models.js';
import { writePrivateFile } from './private-file.js';
import { Random, type RandomState } from './random.js';
import { keepLast, MAX_EXCHANGES, MAX_VIOLATIONS } from './records.js';
import {
  type ProviderServer,
  type SandboxExchange,
  type SandboxViolation,
  serveProvider,
} from './server.js';
import { checkStoredState, loadStateFile, type StoredState, saveStateFile } from './state-file.js';
import { lockStateFile } from './state-lock.js';

export type { FaultOptions } from './faults.js';
export type { SynthflowSandboxCredentials } from './providers/synthflow/index.js';
export type { TwilioSandboxCredentials } from './providers/twilio/index.js';
export type { VobizSandboxCredentials } from './providers/vobiz/index.js';
export type { VoximplantSandboxCredentials } from './providers/voximplant/index.js';
export type { SandboxExchange, SandboxViolation } from './server.js';
export { SANDBOX_PROVIDERS, type SandboxProvider };

export type SandboxCredentials = {
  [P in SandboxProvider]?: ReturnType<(typeof MODELS)[P]['credentials']>;
};

export interface SandboxOptions {
  /** Which providers to serve. Default: all. */
  providers?: readonly SandboxProvider[];
  /** Seed of the generated ids, secrets and faults. Default 1. */
  seed?: number;
  /** Faults per provider; change them later with `setFaults`. */
  faults?: Partial<Record<SandboxProvider, FaultOptions>>;
  /**
   * Path of a JSON state file: read at start when it exists, written after every change, so
   * separate runs share tenants and credentials. Default: state lives in memory only.
   */
  state?: string;
  /** Port per provider; 0 (the default) picks a free one. */
  ports?: Partial<Record<SandboxProvider, number>>;
  /** A loopback address to listen on: 127.0.0.1 (default), another 127.x.y.z, ::1 or localhost. */
  host?: string;
  /** Spec file per provider. Default: the copy of `specs/<provider>.yaml` this package ships. */
  specs?: Partial<Record<SandboxProvider, string>>;
  /** Called for every request or answer Prism found against the spec (also kept in `violations`). */
  onViolation?(violation: SandboxViolation): void;
  /** Called for every request served (also kept in `exchanges`). */
  onExchange?(exchange: SandboxExchange): void;
}

export interface Sandbox {
  /** Base URL per provider, e.g. `http://127.0.0.1:41234`. */
  readonly urls: Partial<Record<SandboxProvider, string>>;
  /** The credentials to call it with: throwaway, valid only against this sandbox. */
  readonly credentials: SandboxCredentials;
  /**
   * The last 100 requests (`side: 'request'`) and answers (`side: 'response'`) Prism refused,
   * oldest first. Empty while callers and sandbox keep to the specs; empty it with
   * `violations.length = 0`.
   */
  readonly violations: SandboxViolation[];
  /** The last 10,000 requests served, oldest first (status 0: the connection was reset). */
  readonly exchanges: SandboxExchange[];
  /** Replaces a provider's faults (`undefined` or `{}`: none). */
  setFaults(provider: SandboxProvider, faults: FaultOptions | undefined): void;
  /**
   * The environment variables the `tenantkit` CLI reads, pointing at this sandbox. Writes the
   * Voximplant credentials file (`VOXIMPLANT_CREDENTIALS` is a path) into `credentialsDir`.
   */
  cliEnvironment(credentialsDir: string): Record<string, string>;
  /**
   * Stops every server: no new connections; requests in flight get up to 2 s to be answered, then
   * what is left is cut. Writes the state file (if any).
   */
  stop(): Promise<void>;
}

/** 127.0.0.0/8, ::1 and localhost: what no other machine can reach. */
function isLoopback(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIPv4(host) && host.startsWith('127.');
}

function checkOptions(
  options: SandboxOptions,
): Required<Pick<SandboxOptions, 'providers' | 'seed' | 'host'>> {
  const { providers = SANDBOX_PROVIDERS, seed = 1, host = '127.0.0.1' } = options;
  for (const provider of providers)
    if (!SANDBOX_PROVIDERS.includes(provider))
      throw new TypeError(
        `sandbox: providers lists ${String(provider)}, not one of ${SANDBOX_PROVIDERS.join(', ')} (rule: known-provider)`,
      );
  if (!isLoopback(host))
    throw new TypeError(
      `sandbox: host ${host} is not a loopback address; the sandbox serves only this machine (rule: loopback, e.g. 127.0.0.1, ::1 or localhost)`,
    );
  if (!Number.isSafeInteger(seed))
    throw new TypeError('sandbox: seed must be an integer (rule: integer)');
  for (const provider of Object.keys(options.faults ?? {}))
    if (!providers.includes(provider as SandboxProvider))
      throw new TypeError(
        `sandbox: faults.${provider} names a provider that is not started (rule: started-provider)`,
      );
  return { providers, seed, host };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { providers, seed, host } = checkOptions(options);
  const faultsByProvider = new Map<SandboxProvider, FaultInjector>();
  for (const provider of providers) {
    const faults = checkFaultOptions(`faults.${provider}`, options.faults?.[provider]);
    faultsByProvider.set(
      provider,
      new FaultInjector(Random.seeded(seed, `${provider}:faults`), faults),
    );
  }
  const unlock = options.state === undefined ? () => {} : lockStateFile(options.state);
  let stored: StoredState;
  try {
    stored = loadStateFile(options.state);
  } catch (error) {
    unlock();
    throw error;
  }
  const states: StoredState = {};
  const save = () => {
    if (options.state !== undefined) saveStateFile(options.state, { ...stored, ...states });
  };
  const violations: SandboxViolation[] = [];
  const exchanges: SandboxExchange[] = [];
  const urls: Partial<Record<SandboxProvider, string>> = {};
  const servers: ProviderServer[] = [];
  const stopServers = () => Promise.allSettled(servers.splice(0).map((server) => server.close()));

  try {
    for (const provider of providers) {
      // The handlers of each definition take that provider's own state; the map only routes.
      const definition = MODELS[provider] as unknown as ProviderDefinition<RandomState, unknown>;
      const fresh = await freshState(definition, seed);
      const kept = stored[provider];
      if (kept !== undefined)
        checkStoredState(options.state as string, `providers.${provider}`, kept, fresh);
      const state = (kept as RandomState | undefined) ?? fresh;
      states[provider] = state;
      const server = await serveProvider({
        definition,
        state,
        operations: await (await import('@stoplight/prism-http')).getHttpOperationsFromSpec(
          options.specs?.[provider] ?? packagedSpec(provider),
        ),
        faults: faultsByProvider.get(provider) as FaultInjector,
        host,
        port: options.ports?.[provider] ?? 0,
        onChange: save,
        onExchange(exchange) {
          keepLast(exchanges, exchange, MAX_EXCHANGES);
          options.onExchange?.(exchange);
        },
        onViolation(violation) {
          keepLast(violations, violation, MAX_VIOLATIONS);
          options.onViolation?.(violation);
        },
      });
      servers.push(server);
      urls[provider] = server.url;
    }
    save();
  } catch (error) {
    await stopServers();
    unlock();
    throw error;
  }

  const credentials = (): SandboxCredentials =>
    Object.fromEntries(
      providers.map((provider) => [
        provider,
        MODELS[provider].credentials(states[provider] as never),
      ]),
    );

  return {
    urls,
    get credentials() {
      return credentials();
    },
    violations,
    exchanges,
    setFaults(provider, faults) {
      const injector = faultsByProvider.get(provider);
      if (!injector)
        throw new TypeError(`sandbox: ${provider} is not started (rule: started-provider)`);
      injector.configure(checkFaultOptions(`faults.${provider}`, faults));
    },
    cliEnvironment(credentialsDir) {
      return cliEnvironment(urls, credentials(), credentialsDir);
    },
    async stop() {
      save();
      await stopServers();
      unlock();
    },
  };
}

async function freshState(definition: ProviderDefinition<RandomState, unknown>, seed: number) {
  const random = Random.seeded(seed, definition.provider);
  const state = await definition.createState(random, new Date());
  return { ...state, randomState: random.position };
}

/** `accountSid` → `ACCOUNT_SID`: the provider definitions name every variable this way. */
const screamingSnake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

/**
 * Per started provider: its base URL, and each credential in `<PROVIDER>_<OPTION>` (the variable
 * the CLI reads for that client option); a credential that is not text (Voximplant's key object)
 * is written to a file only its owner can read, and the variable holds its path.
 */
function cliEnvironment(
  urls: Partial<Record<SandboxProvider, string>>,
  credentials: SandboxCredentials,
  credentialsDir: string,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const provider of SANDBOX_PROVIDERS) {
    const url = urls[provider];
    const given: object | undefined = credentials[provider];
    if (!url || !given) continue;
    const prefix = provider.toUpperCase();
    env[`TENANTKIT_${prefix}_BASE_URL`] = url;
    for (const [option, value] of Object.entries(given)) {
      const name = `${prefix}_${screamingSnake(option)}`;
      if (typeof value === 'string') {
        env[name] = value;
        continue;
      }
      const file = join(credentialsDir, `${provider}-${option}.json`);
      writePrivateFile(file, `${JSON.stringify(value, null, 2)}\n`);
      env[name] = file;
    }
  }
  return env;
}
