/**
 * defineProvider's every check, by its exact message (a malformed definition fails when the
 * registry is built), and the capability helpers a provider's row is written with.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_UNIFIED_OPERATIONS,
  type CapabilityRow,
  ConfigurationError,
  defineProvider,
  extraSupport,
  INPUT_FIELDS,
  onCreateAndUpdate,
  UNIFIED_OPERATIONS,
} from '../src/index.js';
import { definition, row, setting } from './support/provider-fixture.js';

const refused = (overrides: Record<string, unknown>) => () =>
  defineProvider(definition(overrides) as Parameters<typeof defineProvider>[0]);
const prefix = 'provider definition';

describe('defineProvider: the name', () => {
  it.each(['Acme', '1acme', 'ac-me', '-acme', 'acme-', 'acme!', ''])('"%s" is refused', (name) => {
    expect(refused({ name, specInfo: { ...definition().specInfo, provider: name } })).toThrow(
      `${prefix} ${name}: name must be lower-case letters and digits`,
    );
  });

  it.each(['acme', 'acme2', 'a'])('"%s" is accepted', (name) => {
    const settings = [setting({ env: `${name.toUpperCase()}_API_KEY`, flag: `--${name}-api-key` })];
    expect(
      defineProvider(
        definition({
          name,
          specInfo: { ...definition().specInfo, provider: name },
          configuration: { ...definition().configuration, settings },
        }),
      ).name,
    ).toBe(name);
  });

  it("specInfo of another provider's spec is refused", () => {
    expect(refused({ specInfo: { ...definition().specInfo, provider: 'other' } })).toThrow(
      `${prefix} acme: specInfo is other's`,
    );
  });
});

describe('defineProvider: the capability row', () => {
  it('every field of the unified model may be honoured', () => {
    const fields = {
      ...Object.fromEntries(INPUT_FIELDS.map((field) => [field, onCreateAndUpdate(field)])),
      extra: extraSupport(['x'], []),
    };
    const capabilities = { ...row, fields, limits: { rate: 'rate' } };
    expect(() => defineProvider(definition({ capabilities }))).not.toThrow();
  });

  it('a field honoured on neither create nor update is refused; on one of them is enough', () => {
    const neither = {
      ...row,
      fields: { ...row.fields, email: { create: false, update: false, wire: 'email' } },
    };
    expect(refused({ capabilities: neither })).toThrow(
      `${prefix} acme: capabilities.fields.email is honoured on neither create nor update`,
    );
    for (const email of [
      { create: 'optional', update: false, wire: 'email' },
      { create: false, update: 'optional', wire: 'email' },
    ]) {
      const capabilities = { ...row, fields: { ...row.fields, email } };
      expect(() => defineProvider(definition({ capabilities }))).not.toThrow();
    }
  });

  it('a field listed with no support at all (undefined) is refused the same way, not a TypeError', () => {
    const capabilities = { ...row, fields: { ...row.fields, email: undefined } };
    expect(refused({ capabilities })).toThrow(ConfigurationError);
    expect(refused({ capabilities })).toThrow(
      `${prefix} acme: capabilities.fields.email is honoured on neither create nor update`,
    );
  });

  it('extra honoured without its allow-lists (a row not made with extraSupport) is refused', () => {
    const fields = { ...row.fields, extra: onCreateAndUpdate('x') };
    expect(refused({ capabilities: { ...row, fields } })).toThrow(
      `${prefix} acme: capabilities.fields.extra lists no fields (use extraSupport)`,
    );
  });

  it('limits listed while limits are refused; no limits need no field', () => {
    expect(refused({ capabilities: { ...row, limits: { rate: 'rate_limit' } } })).toThrow(
      `${prefix} acme: capabilities.limits lists limits but the limits field is refused`,
    );
    expect(() =>
      defineProvider(definition({ capabilities: { ...row, limits: {} } })),
    ).not.toThrow();
  });

  it.each(['paging', 'numbers', 'childAccounts'] as const)(
    '%s must say how (or why not)',
    (feature) => {
      const capabilities = { ...row, [feature]: { supported: false, how: '' } };
      expect(refused({ capabilities })).toThrow(
        `${prefix} acme: every feature says how (or why not)`,
      );
    },
  );
});

describe('defineProvider: the naming rule and the settings', () => {
  it('a one-character range is a range', () => {
    const naming = { noun: 'Acme login', length: { min: 1, max: 1 } };
    expect(defineProvider(definition({ naming })).naming).toEqual(naming);
  });

  it('a rule without length is kept as it is', () => {
    const naming = { noun: 'Acme login', lowerCase: true };
    expect(defineProvider(definition({ naming })).naming).toEqual(naming);
  });

  it('each capital of an option starts a word of its variable', () => {
    const settings = [
      setting({ option: 'apiKeyId', env: 'ACME_API_KEY_ID', flag: '--acme-key-id' }),
    ];
    expect(() =>
      defineProvider(definition({ configuration: { ...definition().configuration, settings } })),
    ).not.toThrow();
  });

  it("a flag outside the provider's own prefix is refused", () => {
    for (const flag of ['--other-api-key', '--acme', 'acme-api-key', '--acmex-key']) {
      const settings = [setting({ flag })];
      expect(refused({ configuration: { ...definition().configuration, settings } })).toThrow(
        `${prefix} acme: configuration.apiKey: ${flag} must start with --acme-`,
      );
    }
  });

  it('a required setting needs a --mock value; an optional one does not', () => {
    const required = [setting({ mock: undefined })];
    expect(
      refused({ configuration: { ...definition().configuration, settings: required } }),
    ).toThrow(`${prefix} acme: configuration.apiKey: a required setting needs a --mock value`);
    const optional = [setting({ mock: undefined, required: false })];
    expect(() =>
      defineProvider(
        definition({ configuration: { ...definition().configuration, settings: optional } }),
      ),
    ).not.toThrow();
  });
});

describe('the capability helpers', () => {
  it('the unified model: its fields in table order, its operations', () => {
    // A pin, on purpose: this order is the capability table's (both READMEs), and core's mutation
    // run sees only core's tests. One line, not provider.ts's block written out again.
    const tableOrder =
      'name email description enabled limits permissions roles password currentPassword extra twilio';
    expect(INPUT_FIELDS).toEqual(tableOrder.split(' '));
    expect(UNIFIED_OPERATIONS).toEqual(['create', 'get', 'list', 'update', 'delete']);
    expect(ALL_UNIFIED_OPERATIONS).toEqual({
      create: true,
      get: true,
      list: true,
      update: true,
      delete: true,
    });
    expect(Object.isFrozen(ALL_UNIFIED_OPERATIONS)).toBe(true);
  });

  it('onCreateAndUpdate: optional on create unless said', () => {
    expect(onCreateAndUpdate('name')).toEqual({
      create: 'optional',
      update: 'optional',
      wire: 'name',
    });
    expect(onCreateAndUpdate('name', 'required')).toEqual({
      create: 'required',
      update: 'optional',
      wire: 'name',
    });
  });

  it('extraSupport: the fields on both first, then those on one operation only; the lists kept as the allow-lists', () => {
    expect(extraSupport(['a', 'b'], ['b', 'c'])).toEqual({
      create: 'optional',
      update: 'optional',
      wire: 'b, and on create a, and on update c',
      allowed: { create: ['a', 'b'], update: ['b', 'c'] },
    });
    expect(extraSupport(['a', 'b'], ['a', 'b'])).toEqual({
      create: 'optional',
      update: 'optional',
      wire: 'a, b',
      allowed: { create: ['a', 'b'], update: ['a', 'b'] },
    });
    expect(extraSupport(['a'], [])).toEqual({
      create: 'optional',
      update: false,
      wire: 'on create a',
      allowed: { create: ['a'], update: [] },
    });
    expect(extraSupport([], ['c', 'd'])).toEqual({
      create: false,
      update: 'optional',
      wire: 'on update c, d',
      allowed: { create: [], update: ['c', 'd'] },
    });
  });

  it('extraSupport keeps a caveat only when there is one', () => {
    expect(extraSupport(['a'], ['a'], 'docs only')).toEqual({
      create: 'optional',
      update: 'optional',
      wire: 'a',
      allowed: { create: ['a'], update: ['a'] },
      caveat: 'docs only',
    });
    expect('caveat' in extraSupport(['a'], ['a'])).toBe(false);
    expect('caveat' in extraSupport(['a'], ['a'], '')).toBe(false);
  });
});

describe('defineProvider: the row it hands on', () => {
  it('is frozen all the way down: the extra allow-lists, fields and limits cannot be changed', () => {
    const create = ['plan'];
    const fields = {
      ...row.fields,
      extra: extraSupport(create, []),
      limits: onCreateAndUpdate('l'),
    };
    const own = { ...row, fields, limits: { seats: 'max_seats' } };
    const { capabilities } = defineProvider(definition({ capabilities: own }));
    expect(Object.isFrozen(capabilities.fields.extra?.allowed.create)).toBe(true);
    expect(Reflect.set(create, 1, 'name')).toBe(false);
    expect(Reflect.set(capabilities.fields, 'enabled', onCreateAndUpdate('on'))).toBe(false);
    expect(Reflect.set(capabilities.limits, 'calls', 'max_calls')).toBe(false);
    expect(Reflect.set(capabilities.fields.name ?? {}, 'create', false)).toBe(false);
  });

  it('freezes a row that carries a null (an empty caveat written in JavaScript) instead of throwing', () => {
    const own = { ...row, paging: { ...row.paging, caveat: null } } as unknown as CapabilityRow;
    const { capabilities } = defineProvider(definition({ capabilities: own }));
    expect(Object.isFrozen(capabilities.paging)).toBe(true);
  });
});
