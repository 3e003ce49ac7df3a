/**
 * Writes `tenants.schema.json` (the published JSON Schema of a tenants file) from
 * `src/tenants/schema.ts`. A test fails when the two differ: run
 * `pnpm --filter tenantkit exec tsx scripts/tenants-schema.ts && pnpm format`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TENANTS_SCHEMA } from '../src/tenants/schema.js';

export const schemaText = () => `${JSON.stringify(TENANTS_SCHEMA, null, 2)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../tenants.schema.json', import.meta.url), schemaText());
}
