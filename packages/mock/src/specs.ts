import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The spec this package ships for a provider (copied from specs/ at build time). */
export function packagedSpec(provider: string): string {
  return require.resolve(`@tenantkit/mock/specs/${provider}.yaml`);
}

/**
 * Every provider whose spec this package ships (`dist/specs/<provider>.yaml`), sorted: the build
 * copies every spec of the repository, so a new provider needs no edit here. Empty before a build.
 */
export function packagedProviders(): string[] {
  try {
    const specs = join(dirname(require.resolve('@tenantkit/mock/package.json')), 'dist', 'specs');
    return readdirSync(specs)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => name.slice(0, -'.yaml'.length))
      .sort();
  } catch {
    return [];
  }
}
