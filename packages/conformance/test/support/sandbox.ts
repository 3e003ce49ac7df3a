/** One sandbox per test file, on the repository's specs, with a check that nothing broke them. */
import { fileURLToPath } from 'node:url';
import {
  type Sandbox,
  type SandboxOptions,
  type SandboxProvider,
  startSandbox,
} from '@tenantkit/mock';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

const spec = (provider: SandboxProvider) =>
  fileURLToPath(new URL(`../../../../specs/${provider}.yaml`, import.meta.url));

/**
 * Starts the sandbox before the file's tests and stops it after; after every test, faults are
 * cleared and Prism must have found no violation, of a request or of an answer.
 */
export function useSandbox(
  providers: readonly SandboxProvider[],
  options: Omit<SandboxOptions, 'providers' | 'specs'> = {},
): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    const specs = Object.fromEntries(providers.map((provider) => [provider, spec(provider)]));
    sandbox = await startSandbox({ ...options, providers, specs });
  });
  afterEach(() => {
    for (const provider of providers) sandbox?.setFaults(provider, undefined);
    expect(sandbox?.violations).toEqual([]);
  });
  afterAll(() => sandbox?.stop());
  return () => {
    if (!sandbox) throw new Error('the sandbox is not started yet');
    return sandbox;
  };
}
