// `pnpm run docs`: the API reference of every published package, from the TSDoc, in docs/api/.
import { OptionDefaults } from 'typedoc';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'tenantkit API reference',
  entryPoints: [
    'packages/tenantkit/src/index.ts',
    'packages/tenantkit/src/cli/index.ts',
    'packages/core/src/index.ts',
    'packages/synthflow/src/index.ts',
    'packages/vobiz/src/index.ts',
    'packages/voximplant/src/index.ts',
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
