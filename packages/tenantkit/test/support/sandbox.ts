/**
 * One stateful sandbox per test file (on the repository's specs), the facade over it, and the CLI
 * against it: the setup the facade's sandbox suites share.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  SANDBOX_PROVIDERS,
  type Sandbox,
  type SandboxOptions,
  type SandboxProvider,
  startSandbox,
} from '@tenantkit/mock';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import {
  createTenantkit,
  type Provider,
  type Tenantkit,
  type TenantkitOptions,
} from '../../src/index.js';

export interface SandboxFacadeOptions {
  /** Providers the sandbox serves. Default: all. */
  serve?: readonly SandboxProvider[];
  /** Providers the facade is configured for. Default: synthflow, vobiz and voximplant. */
  facade?: readonly Provider[];
  /** Seed of the sandbox's ids and secrets. Default: the sandbox's own. */
  seed?: number;
  /** Called for every request the sandbox served (its `onExchange`), e.g. to change faults. */
  onExchange?: SandboxOptions['onExchange'];
  /**
   * More facade options: shared ones (`maxRetries`, `logger`) as given, a provider's own merged
   * over the sandbox's URL and credentials (e.g. `synthflow: { fetch }`).
   */
  options?: ExtraOptions;
}

/** Shared facade options, and any provider's own (its URL and credentials come from the sandbox). */
export type ExtraOptions = Omit<TenantkitOptions, Provider> & {
  [P in Provider]?: Partial<NonNullable<TenantkitOptions[P]>>;
};

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface SandboxFacade {
  /** A fresh temporary folder of the file (removed after its tests): tenants files, secrets. */
  readonly dir: string;
  /** The running sandbox (from the file's `beforeAll` on). */
  readonly sandbox: Sandbox;
  /** The facade over it (from the file's `beforeAll` on). */
  readonly tk: Tenantkit;
  /** Runs the CLI in process with the sandbox's environment; collects what it prints. */
  cli(args: readonly string[]): Promise<CliResult>;
}

const DEFAULT_FACADE: readonly Provider[] = ['synthflow', 'vobiz', 'voximplant'];

const specOf = (provider: SandboxProvider) =>
  fileURLToPath(new URL(`../../../../specs/${provider}.yaml`, import.meta.url));

/**
 * Starts the sandbox before the file's tests and stops it after. After every test, faults are
 * cleared and Prism must have found no violation, of a request or of an answer.
 */
export function useSandboxFacade(options: SandboxFacadeOptions = {}): SandboxFacade {
  const serve = options.serve ?? SANDBOX_PROVIDERS;
  const dir = mkdtempSync(join(tmpdir(), 'tenantkit-sandbox-'));
  let started: { sandbox: Sandbox; tk: Tenantkit } | undefined;
  const running = () => {
    if (!started) throw new Error('the sandbox is not started yet (use it inside a test or hook)');
    return started;
  };

  beforeAll(async () => {
    const sandbox = await startSandbox({
      providers: serve,
      specs: Object.fromEntries(serve.map((provider) => [provider, specOf(provider)])),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.onExchange && { onExchange: options.onExchange }),
    });
    const tk = createTenantkit(facadeOptions(sandbox, options.facade ?? DEFAULT_FACADE, options));
    started = { sandbox, tk };
  });
  afterEach(() => {
    const { sandbox } = running();
    for (const provider of serve) sandbox.setFaults(provider, undefined);
    expect(sandbox.violations).toEqual([]);
  });
  afterAll(async () => {
    await started?.sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  return {
    dir,
    get sandbox() {
      return running().sandbox;
    },
    get tk() {
      return running().tk;
    },
    async cli(args) {
      let stdout = '';
      let stderr = '';
      const code = await runCli([...args], {
        stdout: (text) => {
          stdout += text;
        },
        stderr: (text) => {
          stderr += text;
        },
        env: running().sandbox.cliEnvironment(dir),
      });
      return { code, stdout, stderr };
    },
  };
}

/** The facade's options for the given providers: the sandbox's URL and credentials, then `extra`. */
function facadeOptions(
  sandbox: Sandbox,
  providers: readonly Provider[],
  { options: extra = {} }: SandboxFacadeOptions,
): TenantkitOptions {
  const { credentials, urls } = sandbox;
  const need = <T>(provider: Provider, value: T | undefined): T => {
    if (value === undefined)
      throw new Error(
        `useSandboxFacade: facade.${provider} needs the sandbox to serve ${provider}`,
      );
    return value;
  };
  const { synthflow, vobiz, voximplant, twilio, ...shared } = extra;
  const result: TenantkitOptions = shared;
  for (const provider of providers) {
    const baseUrl = need(provider, urls[provider]);
    switch (provider) {
      case 'synthflow':
        result.synthflow = {
          apiKey: need(provider, credentials.synthflow).apiKey,
          baseUrl,
          ...synthflow,
        };
        break;
      case 'vobiz': {
        const { authId, authToken } = need(provider, credentials.vobiz);
        result.vobiz = { authId, authToken, baseUrl, ...vobiz };
        break;
      }
      case 'voximplant':
        result.voximplant = {
          credentials: need(provider, credentials.voximplant).credentials,
          baseUrl,
          ...voximplant,
        };
        break;
      case 'twilio':
        result.twilio = { ...need(provider, credentials.twilio), baseUrl, ...twilio };
        break;
      default: {
        const unknown: never = provider;
        throw new Error(`useSandboxFacade: no sandbox credentials for ${String(unknown)}`);
      }
    }
  }
  return result;
}
