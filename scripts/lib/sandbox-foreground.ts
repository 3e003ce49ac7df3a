/**
 * `pnpm mock --sandbox`: the sandbox in the foreground on fixed ports. Prints each provider's base
 * URL, the throwaway credentials to use, and the environment variables the `tenantkit` CLI reads;
 * then one line per request served, and every Prism violation, until stopped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  type FaultOptions,
  SANDBOX_PROVIDERS,
  type SandboxProvider,
  startSandbox,
} from '../../packages/mock/src/index.js';

export interface SandboxFlags {
  seed?: string;
  state?: string;
  'rate-limit'?: string;
  latency?: string;
  'error-rate'?: string;
  'reset-rate'?: string;
  /** Spec and port per provider: the sandbox's providers are read from these. */
  specs: Partial<Record<SandboxProvider, string>>;
  ports: Partial<Record<SandboxProvider, number>>;
}

function number(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || Number.isNaN(parsed))
    throw new Error(`--${flag} must be a number, got "${value}"`);
  return parsed;
}

/** The same faults for every provider, from the flags (the sandbox checks the ranges). */
function faultsFrom(flags: SandboxFlags): FaultOptions {
  const latency = flags.latency?.split('-');
  const faults: FaultOptions = {
    rateLimitPerSecond: number('rate-limit', flags['rate-limit']),
    latencyMs:
      latency?.length === 2
        ? [number('latency', latency[0]) ?? 0, number('latency', latency[1]) ?? 0]
        : number('latency', flags.latency),
    serverErrorRate: number('error-rate', flags['error-rate']),
    resetAfterCreateRate: number('reset-rate', flags['reset-rate']),
  };
  return Object.fromEntries(Object.entries(faults).filter(([, value]) => value !== undefined));
}

export async function runSandbox(flags: SandboxFlags): Promise<() => Promise<void>> {
  const faults = faultsFrom(flags);
  const state = flags.state === undefined ? undefined : resolve(flags.state);
  const seed = number('seed', flags.seed);
  const sandbox = await startSandbox({
    specs: flags.specs,
    ports: flags.ports,
    ...(seed !== undefined && { seed }),
    ...(state !== undefined && { state }),
    faults: Object.fromEntries(SANDBOX_PROVIDERS.map((provider) => [provider, faults])),
    onExchange: (exchange) => {
      const fault = exchange.fault ? `  [${exchange.fault}]` : '';
      const status = exchange.status === 0 ? 'reset' : exchange.status;
      console.log(
        `${exchange.provider.padEnd(11)} ${exchange.method} ${exchange.path} → ${status} ${exchange.operationId ?? ''}${fault}`,
      );
    },
    onViolation: (violation) =>
      console.error(
        `PRISM VIOLATION (${violation.side}) ${violation.provider} ${violation.method} ${violation.path}: ${JSON.stringify(violation.problem.validation ?? violation.problem.title)}`,
      ),
  });
  // Next to the state file, so later runs find the same credentials; else a temporary folder.
  const temporary =
    state === undefined ? mkdtempSync(join(tmpdir(), 'tenantkit-sandbox-')) : undefined;
  const env = sandbox.cliEnvironment(temporary ?? dirname(state as string));

  console.log(`tenantkit sandbox — seed ${seed ?? 1}, state ${state ?? 'in memory only'}`);
  console.log(`faults: ${Object.keys(faults).length > 0 ? JSON.stringify(faults) : 'none'}\n`);
  for (const provider of SANDBOX_PROVIDERS)
    console.log(`${provider.padEnd(11)} ${sandbox.urls[provider]}   (specs/${provider}.yaml)`);
  console.log('\nCredentials (throwaway, valid only against this sandbox):');
  for (const provider of SANDBOX_PROVIDERS) {
    // Each credential by its client option; one that is not text (a key object) is in a file.
    const given = Object.entries(sandbox.credentials[provider] ?? {}).map(([option, value]) =>
      typeof value === 'string' ? `${option} ${value}` : `${option}: see its file below`,
    );
    console.log(`  ${provider.padEnd(11)} ${given.join(', ')}`);
  }
  console.log('\nFor the tenantkit CLI (or your own code):');
  for (const [name, value] of Object.entries(env)) console.log(`  export ${name}=${value}`);
  console.log(
    '\nPrism checks every request and answer; a violation is printed here. Ctrl-C stops it.\n',
  );

  return async () => {
    await sandbox.stop();
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  };
}
