import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The spec this package ships for a provider (copied from specs/ at build time). */
export function packagedSpec(provider: string): string {
  return require.resolve(`@tenantkit/mock/specs/${provider}.yaml`);
}
