/** defineProvider: a malformed definition fails when the registry is built, naming what is wrong. */
import { describe, expect, it } from 'vitest';
import {
  type CapabilityRow,
  ConfigurationError,
  checkFields,
  defineProvider,
  onCreateAndUpdate,
  supportedFields,
  ValidationError,
} from '../src/index.js';
import { definition, row, setting } from './support/provider-fixture.js';

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

/** The ValidationError a call throws (fails the test when it throws nothing). */
function refusal(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('checkFields: each rule, as the caller reads it', () => {
  const both: CapabilityRow = {
    ...row,
    fields: {
      name: onCreateAndUpdate('friendly_name', 'required'),
      email: { create: false, update: 'optional', wire: 'email' },
    },
  };

  it('names the operation, and calls the object input on create and patch on update', () => {
    expect(refusal(() => checkFields('acme', both, 'create', 'x'))).toMatchObject({
      operation: 'subaccounts.create',
      field: 'input',
    });
    expect(refusal(() => checkFields('acme', both, 'update', 'x'))).toMatchObject({
      operation: 'subaccounts.update',
      field: 'patch',
    });
  });

  it('an unknown field is not a field of the unified model (and lists them)', () => {
    const error = refusal(() => checkFields('acme', both, 'create', { name: 'a', colour: 'red' }));
    expect(error).toMatchObject({ field: 'colour', rule: 'known-field' });
    expect(error.message).toContain('is not a field of the unified model (fields: name, email,');
  });

  it('an unsupported field says what is supported on that operation, or none', () => {
    const onCreate = refusal(() => checkFields('acme', both, 'create', { name: 'a', email: 'e' }));
    expect(onCreate).toMatchObject({ field: 'email', rule: 'unsupported-field' });
    expect(onCreate.message).toContain('is not supported by acme on create (supported: name)');
    const onUpdate = refusal(() => checkFields('acme', both, 'update', { enabled: true }));
    expect(onUpdate.message).toContain('(supported: name, email)');
    const none: CapabilityRow = {
      ...row,
      fields: { name: { ...both.fields.name!, update: false } },
    };
    expect(refusal(() => checkFields('acme', none, 'update', { name: 'b' })).message).toContain(
      '(supported: none)',
    );
  });

  it('an undefined field is no field: neither refused nor counted as given', () => {
    expect(checkFields('acme', both, 'create', { name: 'a', enabled: undefined }).body).toEqual({
      name: 'a',
      enabled: undefined,
    });
    const missing = refusal(() => checkFields('acme', both, 'create', { name: undefined }));
    expect(missing).toMatchObject({ field: 'name', rule: 'required' });
    expect(missing.message).toContain('is required by acme');
    // Required is a create rule: an update may leave the field out.
    expect(checkFields('acme', both, 'update', { email: 'e' }).body).toEqual({ email: 'e' });
    // Nothing to change is an update rule: a create of a provider without required fields may be empty.
    const optional: CapabilityRow = { ...row, fields: { name: onCreateAndUpdate('n') } };
    expect(checkFields('acme', optional, 'create', {}).body).toEqual({});
    expect(refusal(() => checkFields('acme', optional, 'update', {})).field).toBe('patch');
  });

  it('supportedFields lists the honoured fields of an operation, in the table order', () => {
    expect(supportedFields(both, 'create')).toEqual(['name']);
    expect(supportedFields(both, 'update')).toEqual(['name', 'email']);
  });
});

describe('defineProvider: the naming rule', () => {
  it('keeps a rule whose length range makes sense', () => {
    const naming = { noun: 'Acme login', lowerCase: true, length: { min: 1, max: 64 } };
    expect(defineProvider(definition({ naming })).naming).toEqual(naming);
    expect(defineProvider(definition()).naming).toBeUndefined();
  });

  it('refuses a range no name can meet, naming the field and the rule', () => {
    for (const length of [
      { min: 0, max: 10 },
      { min: 5, max: 4 },
    ])
      expect(() => defineProvider(definition({ naming: { noun: 'Acme login', length } }))).toThrow(
        new ConfigurationError('provider definition acme: naming.length must be 1 ≤ min ≤ max'),
      );
  });
});

describe('defineProvider: environment variables', () => {
  const withEnv = (env: string) =>
    definition({ configuration: { ...definition().configuration, settings: [setting({ env })] } });

  it('names each one <PROVIDER>_<OPTION>, the rule the sandbox derives its variables by', () => {
    expect(() => defineProvider(withEnv('ACME_API_KEY'))).not.toThrow();
    for (const env of ['ACME_KEY', 'ACME_APIKEY', 'OTHER_API_KEY'])
      expect(() => defineProvider(withEnv(env))).toThrow(
        new ConfigurationError(
          `provider definition acme: configuration.apiKey: ${env} must be ACME_API_KEY`,
        ),
      );
  });
});
