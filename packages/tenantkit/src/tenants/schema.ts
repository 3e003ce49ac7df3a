/**
 * The JSON Schema of a tenants file (`tenants.yaml` or `.json`). The package ships it as
 * `tenantkit/tenants.schema.json` for editors; a test keeps that file equal to this object.
 * Permission names come from the Synthflow spec, so the schema cannot drift from the client.
 */
import { permissionValues } from '@tenantkit/synthflow';

const secretRef = {
  description:
    'A secret is never written in the file: `{ env: NAME }` reads it from the environment, `{ generate: true }` makes a strong one and hands it to the secrets sink.',
  oneOf: [
    {
      type: 'object',
      properties: { env: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' } },
      required: ['env'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { generate: { const: true } },
      required: ['generate'],
      additionalProperties: false,
    },
  ],
} as const;

const nullableCount = { type: ['integer', 'null'], minimum: 0 } as const;
const text = { type: 'string', minLength: 1 } as const;

const synthflow = {
  type: 'object',
  description: 'The Synthflow sub-account.',
  properties: {
    email: { ...text, description: 'Person invited at creation (Synthflow cannot read it back).' },
    limits: {
      type: 'object',
      properties: {
        concurrency: { type: 'integer', minimum: 0 },
        maxAgents: nullableCount,
        maxMinutes: nullableCount,
        maxWorkflowRuns: nullableCount,
      },
      additionalProperties: false,
    },
    permissions: {
      type: 'object',
      description:
        'Each permission on (true) or off (false); those not named are left as they are.',
      propertyNames: { enum: [...permissionValues] },
      additionalProperties: { type: 'boolean' },
    },
    extra: {
      type: 'object',
      properties: { twilio_account_sid: text, twilio_auth_token: secretRef },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

const vobiz = {
  type: 'object',
  description: 'The Vobiz sub-account.',
  properties: {
    email: text,
    description: { type: 'string' },
    enabled: { type: 'boolean' },
    limits: {
      type: 'object',
      properties: { rateLimit: { type: 'integer', minimum: 1 } },
      additionalProperties: false,
    },
    permissions: { type: 'object', additionalProperties: { type: 'boolean' } },
    password: secretRef,
    extra: {
      type: 'object',
      properties: {
        phone: text,
        kyc_mode: { enum: ['personal_use', 'customer_use'] },
        business_type: text,
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

const voximplant = {
  type: 'object',
  description: 'The Voximplant subuser.',
  properties: {
    description: { type: 'string' },
    roles: {
      type: 'array',
      description: 'Role names the subuser holds, exactly (others are taken away).',
      items: text,
      uniqueItems: true,
    },
    password: {
      ...secretRef,
      description: 'Default `{ generate: true }`: Voximplant requires one at creation.',
    },
  },
  additionalProperties: false,
} as const;

const providers = { synthflow, vobiz, voximplant } as const;

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
