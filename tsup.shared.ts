import { copyFileSync, cpSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

const INTEROP_NAMESPACE = 'tenantkit-cjs-interop';

/**
 * Every bare import stays external (dependencies are installed, never bundled), and the CommonJS
 * build reads a dependency's default export the way TypeScript (`esModuleInterop`) and Babel do:
 * `require(dep).default` when the dependency marks itself `__esModule`, else `module.exports`.
 *
 * Without this, esbuild applies Node's ESM rule to our sources (they live in `"type": "module"`
 * packages): the default import of a CommonJS module is its whole `module.exports`. openapi-fetch's
 * CJS build is `exports.default = createClient` with `__esModule`, so every client's `createClient`
 * became the exports object and construction failed with `(0 , import_openapi_fetch.default) is
 * not a function` in every `require()` consumer. The fix is made once, here, for every dependency:
 * in the CJS build each bare import goes through a one-line re-export module that lives outside any
 * package.json, which esbuild compiles with the `__esModule`-aware rule. Named imports read the
 * same under both rules.
 */
function externalDependencies(bundled: readonly string[]): EsbuildPlugin {
  return {
    name: 'external-dependencies',
    setup(build) {
      const cjs = build.initialOptions.format === 'cjs';
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.kind === 'entry-point' || bundled.includes(args.path)) return undefined;
        if (!cjs || args.namespace === INTEROP_NAMESPACE || args.kind !== 'import-statement')
          return { path: args.path, external: true };
        return { path: args.path, namespace: INTEROP_NAMESPACE };
      });
      build.onLoad({ filter: /.*/, namespace: INTEROP_NAMESPACE }, (args) => {
        const dependency = JSON.stringify(args.path);
        return {
          contents: `export * from ${dependency};\nexport { default } from ${dependency};\n`,
          loader: 'js',
        };
      });
    },
  };
}

/**
 * One build for every package: ESM + CJS with types. A provider package also ships its spec as
 * `dist/openapi.yaml` (the mock servers and curious users read it from there). `bundle` names
 * private workspace packages (never published, so never installable) whose code is built in.
 */
export function packageBuild(
  options: {
    spec?: string;
    allSpecs?: boolean;
    entry?: Options['entry'];
    bundle?: readonly string[];
  } = {},
) {
  return defineConfig({
    entry: options.entry ?? ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    // import.meta.url in the CJS build (the mock package resolves its specs with it).
    shims: true,
    // Keep `node:` on built-ins: Deno, Bun and workerd's nodejs_compat resolve only the prefixed
    // names, and a bundler then sees at once what is a Node built-in.
    removeNodeProtocol: false,
    // tsup's own externals come first and would leave no bare import to the plugin below, which
    // keeps every one of them external itself.
    noExternal: [/^[^./]/],
    esbuildPlugins: [externalDependencies(options.bundle ?? [])],
    async onSuccess() {
      if (options.spec) copyFileSync(`../../specs/${options.spec}.yaml`, 'dist/openapi.yaml');
      if (options.allSpecs)
        cpSync('../../specs', 'dist/specs', {
          recursive: true,
          filter: (file) => !file.endsWith('.md'),
        });
    },
  });
}
