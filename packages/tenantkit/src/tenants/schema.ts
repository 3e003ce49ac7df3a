/**
 * The JSON Schema of a tenants file (`tenants.yaml` or `.json`). The package ships it as
 * `tenantkit/tenants.schema.json` for editors; a test keeps that file equal to this object.
 * Each provider's block comes from its tenant rules (its definition's `tenants`), one per provider of the
 * registry; Synthflow's permission names come from its spec, so the schema cannot drift.
 */
import { PROVIDERS } from '../registry.js';
import { TENANT_RULES } from './rules.js';

/** Each provider's block, in the registry's order. */
const providers = Object.fromEntries(
  PROVIDERS.map((provider) => [provider, TENANT_RULES[provider].schema]),
);

export const TENANTS_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://tenantkit.dev/tenants.schema.json',
  title: 'tenantkit tenants file',
  type: 'object',
  properties: {
    version: { const: 1 },
    prefix: {
      type: 'string',
      description:
        'Marker of managed records: every managed sub-account is named `<prefix><tenant key>`, and only names with this prefix are ever read as managed, changed or pruned.',
      pattern: '^[a-z][a-z0-9_.-]{0,11}$',
    },
    defaults: {
      type: 'object',
      description: 'Per provider, values every tenant of that provider starts from.',
      properties: providers,
      additionalProperties: false,
    },
    tenants: {
      type: 'object',
      description: 'Tenant key → the sub-account wanted at each provider.',
      propertyNames: { pattern: '^[a-z0-9][a-z0-9_.-]{0,59}$' },
      additionalProperties: {
        type: 'object',
        properties: providers,
        additionalProperties: false,
      },
    },
  },
  required: ['version', 'prefix', 'tenants'],
  additionalProperties: false,
} as const;
