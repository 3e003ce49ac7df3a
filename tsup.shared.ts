import { copyFileSync, cpSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

/**
 * One build for every package: ESM + CJS with types. A provider package also ships its spec as
 * `dist/openapi.yaml` (the mock servers and curious users read it from there).
 */
export function packageBuild(
  options: { spec?: string; allSpecs?: boolean; entry?: Options['entry'] } = {},
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
