/** defineProvider: a malformed definition fails when the registry is built, naming what is wrong. */
import { describe, expect, it } from 'vitest';
import {
  ALL_UNIFIED_OPERATIONS,
  type CapabilityRow,
  ConfigurationError,
  checkFields,
  defineProvider,
  onCreateAndUpdate,
  ValidationError,
} from '../src/index.js';

const row: CapabilityRow = {
  operations: ALL_UNIFIED_OPERATIONS,
  fields: { name: onCreateAndUpdate('friendly_name', 'required') },
  paging: { supported: false, how: 'one answer' },
  credentials: [],
  limits: {},
  numbers: { supported: false, how: 'none' },
  childAccounts: { supported: false, how: 'none' },
  providerClientOnly: [],
};

const definition = (overrides: Record<string, unknown> = {}) => ({
  name: 'acme',
  createClient: () => ({}),
  specInfo: { provider: 'acme', spec: 'acme.yaml', title: 'Acme', version: '1.0.0', sha256: 'x' },
  capabilities: row,
  facade: () => ({}),
  configuration: { facade: 'Pass `acme: {}`', cli: 'set ACME_KEY', settings: [] },
  ...overrides,
});

describe('defineProvider', () => {
  it('accepts a well-formed definition and freezes it', () => {
    const defined = defineProvider(definition());
    expect(Object.isFrozen(defined)).toBe(true);
    expect(defined.name).toBe('acme');
  });

  it('numbers: the row and the definition agree, both ways', () => {
    const numbers = () => ({});
    expect(() => defineProvider(definition({ numbers }))).toThrow(
      /capabilities.numbers.supported must match/,
    );
    const supported = { ...row, numbers: { supported: true, how: 'assign' } };
    expect(() => defineProvider(definition({ capabilities: supported }))).toThrow(
      ConfigurationError,
    );
    expect(() => defineProvider(definition({ capabilities: supported, numbers }))).not.toThrow();
  });

  it('names a field the unified model does not have', () => {
    const fields = { ...row.fields, colour: onCreateAndUpdate('colour') };
    expect(() => defineProvider(definition({ capabilities: { ...row, fields } }))).toThrow(
      'provider definition acme: capabilities.fields.colour is not a field of the unified model',
    );
  });
});

describe('checkFields: a unified input against a capability row', () => {
  it('refuses a field the row does not honour, naming provider, field and rule', () => {
    expect(() => checkFields('acme', row, 'create', { name: 'a', enabled: true })).toThrow(
      ValidationError,
    );
    try {
      checkFields('acme', row, 'create', { name: 'a', enabled: true });
    } catch (error) {
      expect(error).toMatchObject({
        provider: 'acme',
        field: 'enabled',
        rule: 'unsupported-field',
      });
    }
  });

  it('a missing required field, and an update that changes nothing', () => {
    expect(() => checkFields('acme', row, 'create', {})).toThrow(/name/);
    expect(() => checkFields('acme', row, 'update', {})).toThrow(ValidationError);
    expect(checkFields('acme', row, 'update', { name: 'b' }).body).toEqual({ name: 'b' });
  });
});
