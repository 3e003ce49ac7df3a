/**
 * A well-formed provider definition ("acme") for defineProvider's tests: each test changes the one
 * part it is about (`definition({ … })`, `setting({ … })`, `{ ...row, … }`).
 */
import {
  ALL_UNIFIED_OPERATIONS,
  type CapabilityRow,
  type CredentialSetting,
  onCreateAndUpdate,
} from '../../src/index.js';

export const row: CapabilityRow = {
  operations: ALL_UNIFIED_OPERATIONS,
  fields: { name: onCreateAndUpdate('friendly_name', 'required') },
  paging: { supported: false, how: 'one answer' },
  credentials: [],
  limits: {},
  numbers: { supported: false, how: 'none' },
  childAccounts: { supported: false, how: 'none' },
  providerClientOnly: [],
};

/** The one credential setting: a required, secret API key. */
export const setting = (overrides: Partial<CredentialSetting> = {}): CredentialSetting => ({
  option: 'apiKey',
  flag: '--acme-api-key',
  placeholder: '<key>',
  env: 'ACME_API_KEY',
  description: 'Acme API key',
  required: true,
  secret: true,
  mock: () => 'mock-key',
  ...overrides,
});

export const definition = (overrides: Record<string, unknown> = {}) => ({
  name: 'acme',
  createClient: () => ({}),
  specInfo: { provider: 'acme', spec: 'acme.yaml', title: 'Acme', version: '1.0.0', sha256: 'x' },
  capabilities: row,
  facade: () => ({}),
  configuration: {
    facade: 'Pass `acme: {}`',
    cli: 'set ACME_API_KEY',
    subAccountId: 'acme id',
    settings: [setting()],
  },
  ...overrides,
});
