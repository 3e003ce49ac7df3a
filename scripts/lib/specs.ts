/**
 * The tooling's view of the provider registry: every `specs/<provider>.yaml`, and the package
 * generated from it when there is one. A provider package says so in its package.json
 * (`"tenantkit": { "provider": "<name>", "ports": { "mock": 4010, "sandbox": 4020 } }`), so adding
 * a provider edits nothing here. A spec without a package yet is linted, mocked and served, and
 * skipped by generation. The runtime registry (definitions, capabilities) is
 * packages/tenantkit/src/registry.ts; this one needs no build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const specsDir = join(repoRoot, 'specs');

export interface ProviderSpec {
  provider: string;
  /** Absolute path of `specs/<provider>.yaml`. */
  file: string;
  /** Absolute path of `packages/<provider>`, when a package is generated from the spec. */
  packageDir?: string;
  /** Fixed local ports for `pnpm mock` and `pnpm mock --sandbox` (from the package.json). */
  ports?: { mock?: number; sandbox?: number };
}

interface ProviderManifest {
  tenantkit?: { provider?: string; ports?: { mock?: number; sandbox?: number } };
}

/** Every provider spec, sorted by name, with its package when it has one. */
export function providerSpecs(root = repoRoot): ProviderSpec[] {
  const dir = join(root, 'specs');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const provider = name.slice(0, -'.yaml'.length);
      const spec: ProviderSpec = { provider, file: join(dir, name) };
      const packageDir = join(root, 'packages', provider);
      const manifestFile = join(packageDir, 'package.json');
      if (!existsSync(manifestFile)) return spec;
      const { tenantkit } = JSON.parse(readFileSync(manifestFile, 'utf8')) as ProviderManifest;
      if (tenantkit?.provider !== provider) return spec;
      return { ...spec, packageDir, ...(tenantkit.ports && { ports: tenantkit.ports }) };
    });
}

/** The specs a provider package is generated from (the others wait for their package). */
export function packagedProviderSpecs(
  root = repoRoot,
): Array<ProviderSpec & { packageDir: string }> {
  return providerSpecs(root).filter(
    (spec): spec is ProviderSpec & { packageDir: string } => spec.packageDir !== undefined,
  );
}

/**
 * A fixed port per spec for the foreground servers: the package's own, else the next one after
 * every port taken (a spec without a package yet still gets a stable-enough port).
 */
export function localPorts(kind: 'mock' | 'sandbox', first: number): Record<string, number> {
  const specs = providerSpecs();
  const taken = specs.map((spec) => spec.ports?.[kind]).filter((port) => port !== undefined);
  let next = Math.max(first - 1, ...taken) + 1;
  return Object.fromEntries(specs.map((spec) => [spec.provider, spec.ports?.[kind] ?? next++]));
}
