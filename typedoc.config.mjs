// `pnpm run docs`: the API reference of every published package, from the TSDoc, in docs/api/.
import { readdirSync, readFileSync } from 'node:fs';
import { OptionDefaults } from 'typedoc';

/** Every provider package (its package.json says `"tenantkit": { "provider": … }`), by name. */
const providerEntries = readdirSync('packages')
  .sort()
  .filter((dir) => {
    try {
      return (
        JSON.parse(readFileSync(`packages/${dir}/package.json`, 'utf8')).tenantkit?.provider === dir
      );
    } catch {
      return false;
    }
  })
  .map((dir) => `packages/${dir}/src/index.ts`);

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'tenantkit API reference',
  entryPoints: [
    'packages/tenantkit/src/index.ts',
    'packages/tenantkit/src/cli/index.ts',
    'packages/tenantkit/src/tenants/index.ts',
    'packages/core/src/index.ts',
    ...providerEntries,
    'packages/mock/src/index.ts',
  ],
  tsconfig: 'tsconfig.docs.json',
  out: 'docs/api',
  readme: 'README.md',
  excludePrivate: true,
  excludeInternal: true,
  disableSources: true,
  // openapi-typescript writes the spec's descriptions as `@description`.
  blockTags: [...OptionDefaults.blockTags, '@description'],
  validation: { notExported: false, invalidLink: true, notDocumented: false },
  treatWarningsAsErrors: true,
  logLevel: 'Warn',
};
