/** The pieces every provider's tenant rules are written with: comparing, reading changes, schema. */
import { describe, expect, it } from 'vitest';
import {
  Comparer,
  changedTo,
  changedUnder,
  described,
  nullableCountSchema,
  secretRefSchema,
  textSchema,
} from '../src/index.js';

describe('Comparer', () => {
  it('a field the file sets and the provider holds otherwise is a change, with what is held now', () => {
    const c = new Comparer();
    c.field('name', 'old', 'new');
    c.field('limits.max', undefined, 5);
    expect(c.result()).toEqual({
      changes: [
        { field: 'name', current: 'old', desired: 'new' },
        { field: 'limits.max', current: null, desired: 5 },
      ],
      notComparable: [],
    });
  });

  it('equal values (by JSON, null and missing alike) and fields the file leaves out are no change', () => {
    const c = new Comparer();
    c.field('roles', ['a', 'b'], ['a', 'b']);
    c.field('limits', { max: 1 }, { max: 1 });
    c.field('count', null, null);
    c.field('description', 'kept', undefined);
    c.field('enabled', false, false);
    expect(c.result()).toEqual({ changes: [], notComparable: [] });
  });

  it('a change to a falsy value is still a change', () => {
    const c = new Comparer();
    c.field('enabled', true, false);
    c.field('count', 3, 0);
    c.field('text', 'x', '');
    expect(c.result().changes.map((change) => change.desired)).toEqual([false, 0, '']);
  });

  it('blind: a field the file sets that cannot be read back is listed, never a change', () => {
    const c = new Comparer();
    c.blind('password', { env: 'PW' });
    c.blind('email', undefined);
    c.blind('flag', false);
    expect(c.result()).toEqual({ changes: [], notComparable: ['password', 'flag'] });
  });
});

describe('reading changes', () => {
  const changes = [
    { field: 'name', current: 'a', desired: 'b' },
    { field: 'limits.max', current: 1, desired: 2 },
    { field: 'limits.min', current: 0, desired: 1 },
    { field: 'limitsX', current: 0, desired: 9 },
  ];

  it('changedUnder: the changes under a prefix, by the rest of their path', () => {
    expect(changedUnder(changes, 'limits.')).toEqual({ max: 2, min: 1 });
    expect(changedUnder(changes, 'permissions.')).toEqual({});
  });

  it('changedTo: the desired value of one top-level field, or undefined', () => {
    expect(changedTo(changes, 'name')).toBe('b');
    expect(changedTo(changes, 'limits')).toBeUndefined();
  });
});

describe('schema pieces', () => {
  it('described: a copy of the piece with its own description, the piece itself untouched', () => {
    const piece = described(textSchema, 'Who is invited');
    expect(piece).toEqual({ type: 'string', minLength: 1, description: 'Who is invited' });
    expect(textSchema).toEqual({ type: 'string', minLength: 1 });
  });

  it('a secret reference is an env variable name or generate: true, nothing else', () => {
    const [env, generate] = secretRefSchema.oneOf;
    expect(env.properties.env.pattern).toBe('^[A-Za-z_][A-Za-z0-9_]*$');
    expect(env).toMatchObject({ required: ['env'], additionalProperties: false });
    expect(generate).toMatchObject({
      properties: { generate: { const: true } },
      required: ['generate'],
      additionalProperties: false,
    });
    expect(nullableCountSchema).toEqual({ type: ['integer', 'null'], minimum: 0 });
  });
});
