/**
 * The providers' conformance cells, gathered from the registry's provider list: each provider of
 * `PROVIDERS` has its module `test/cells/<provider>.ts` (exporting `cells`). A provider without
 * one is not silently left out of the matrices: `missingCells` names it, and every matrix has a
 * test that fails on it (the property the hand-written per-provider tables gave). A module for a
 * provider the registry does not know fails to compile (`ProviderCells<P>` takes a `Provider`).
 */
import { PROVIDERS, type Provider } from 'tenantkit';
import type { ProviderCells } from './cell-kit.js';

const found = new Map<Provider, ProviderCells>();
const missing: Provider[] = [];
for (const provider of PROVIDERS) {
  try {
    const module = (await import(`../cells/${provider}.ts`)) as { cells?: ProviderCells };
    if (module.cells?.provider !== provider)
      throw new Error(`test/cells/${provider}.ts must export the cells of ${provider}`);
    found.set(provider, module.cells);
  } catch (error) {
    // Only the module itself not being there counts as missing; a broken one fails as it is.
    if (!isMissing(error, provider)) throw error;
    missing.push(provider);
  }
}

/** Vite turns the import into a table of `test/cells/*.ts`: a file not there is "unknown". */
function isMissing(error: unknown, provider: Provider): boolean {
  return (
    error instanceof Error &&
    error.message.includes(`cells/${provider}.ts`) &&
    /Unknown variable dynamic import|Cannot find module/.test(error.message)
  );
}

/** Providers of the registry that have no cells module: every matrix fails on them. */
export function missingCells(): Provider[] {
  return [...missing];
}

/** Every provider's cells, in the registry's order (those with a module). */
export const CELLS: readonly ProviderCells[] = PROVIDERS.flatMap((provider) => {
  const cells = found.get(provider);
  return cells ? [cells] : [];
});

/** One provider's cells; a provider without them is named in the error. */
export function cellsOf<P extends Provider>(provider: P): ProviderCells<P> {
  const cells = found.get(provider);
  if (!cells)
    throw new Error(`no conformance cells for ${provider}: write test/cells/${provider}.ts`);
  return cells as unknown as ProviderCells<P>;
}
