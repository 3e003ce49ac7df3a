import { describe, expect, it } from 'vitest';
import { InputChecker, ValidationError } from '../src/index.js';

const check = new InputChecker('test', 'createThing');

function failure(run: () => void): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('InputChecker', () => {
  it.each([
    ['record', () => check.record('input', []), 'input', 'object'],
    ['knownFields', () => check.knownFields('', { nme: 'x' }, ['name']), 'nme', 'known-field'],
    ['knownFields nested', () => check.knownFields('a', { b: 1 }, []), 'a.b', 'known-field'],
    ['string', () => check.string('name', 5), 'name', 'string'],
    ['min-length', () => check.string('name', '', { minLength: 1 }), 'name', 'min-length'],
    ['max-length', () => check.string('name', 'abcd', { maxLength: 3 }), 'name', 'max-length'],
    ['non-blank', () => check.nonBlank('name', ' \t'), 'name', 'non-blank'],
    ['integer', () => check.integer('n', 1.5), 'n', 'integer'],
    ['integer NaN', () => check.integer('n', Number.NaN), 'n', 'integer'],
    ['non-negative', () => check.integer('n', -1, { min: 0 }), 'n', 'non-negative'],
    ['minimum', () => check.integer('n', 1, { min: 2 }), 'n', 'minimum'],
    ['maximum', () => check.integer('n', 3, { max: 2 }), 'n', 'maximum'],
    ['boolean', () => check.boolean('b', 'true'), 'b', 'boolean'],
    ['enum', () => check.oneOf('kind', 'x', ['a', 'b']), 'kind', 'enum'],
    ['array', () => check.array('list', 'x'), 'list', 'array'],
    ['min-items', () => check.array('list', [], { minItems: 1 }), 'list', 'min-items'],
    ['unique-items', () => check.enumList('p', ['a', 'a'], ['a']), 'p[1]', 'unique-items'],
    ['enumList item', () => check.enumList('p', ['a', 'z'], ['a']), 'p[1]', 'enum'],
    ['disjoint', () => check.disjoint('g', ['a'], 'r', ['b', 'a']), 'r[1]', 'disjoint'],
    ['e164', () => check.e164('phone', '0044 20'), 'phone', 'e164'],
    ['email', () => check.email('email', 'a@b'), 'email', 'email'],
    ['path-safe', () => check.pathId('id', 'a/b'), 'id', 'path-safe'],
    // `..` would make DELETE /subaccounts/.. address the parent (regression).
    ['path id ..', () => check.pathId('id', '..'), 'id', 'path-safe'],
    ['path id .', () => check.pathId('id', '.'), 'id', 'path-safe'],
    ['path id blank', () => check.pathId('id', ''), 'id', 'non-blank'],
    [
      'exactly-one, neither',
      () => check.exclusive({}, ['role_id', 'role_name'], 'exactly-one'),
      'role_id | role_name',
      'exactly-one',
    ],
    [
      'exactly-one, both',
      () =>
        check.exclusive(
          { role_id: [1], role_name: ['A'] },
          ['role_id', 'role_name'],
          'exactly-one',
        ),
      'role_id + role_name',
      'exactly-one',
    ],
    [
      'at-most-one, both',
      () => check.exclusive({ a: 1, b: false }, ['a', 'b'], 'at-most-one'),
      'a + b',
      'at-most-one',
    ],
    [
      'matches',
      () => check.matches('pan', 'abc', /^[A-Z]{3}$/, 'pan-format', 'ABC'),
      'pan',
      'pan-format',
    ],
    [
      'matches a non-string',
      () => check.matches('pan', 5, /^5$/, 'pan-format', '5'),
      'pan',
      'string',
    ],
    [
      'https-url scheme',
      () => check.url('hook', 'http://a.example/x', { https: true }),
      'hook',
      'https-url',
    ],
    [
      'https-url relative',
      () => check.url('hook', '/kyc/done', { https: true }),
      'hook',
      'https-url',
    ],
    ['patch not an object', () => check.patch('x', ['name']), 'patch', 'object'],
    ['patch unknown field', () => check.patch({ nme: 'x' }, ['name']), 'nme', 'known-field'],
    ['patch empty', () => check.patch({ name: undefined }, ['name']), 'patch', 'non-empty'],
    ['url relative', () => check.url('back', '/kyc/done'), 'back', 'url'],
    ['url other scheme', () => check.url('back', 'javascript:alert(1)'), 'back', 'url'],
  ])('%s', (_name, run, field, rule) => {
    const error = failure(run);
    expect(error).toMatchObject({ provider: 'test', operation: 'createThing', field, rule });
    expect(error.message).toMatch(new RegExp(`^test\\.createThing: .*\\(rule: ${rule}\\)$`));
  });

  it('accepts valid values and optional absences', () => {
    expect(() => {
      check.record('input', {});
      check.knownFields('', { name: 'x', extra: undefined }, ['name']);
      check.nonBlank('name', 'Acme');
      check.nonBlank('name', undefined, { optional: true });
      check.integer('n', 0, { min: 0 });
      check.integer('n', null, { nullable: true });
      check.boolean('b', false);
      check.oneOf('k', 'a', ['a']);
      check.enumList('p', ['a', 'b'], ['a', 'b']);
      check.disjoint('g', ['a'], 'r', ['b']);
      check.e164('phone', '+14155550123');
      check.email('email', 'a@b.co');
      check.pathId('id', 'abc_123');
      check.exclusive({ role_id: [1] }, ['role_id', 'role_name'], 'exactly-one');
      check.exclusive({ role_id: undefined }, ['role_id', 'role_name'], 'at-most-one');
      check.matches('pan', 'ABC', /^[A-Z]{3}$/, 'pan-format', 'ABC');
      check.matches('pan', undefined, /^$/, 'pan-format', '', { optional: true });
      check.url('hook', 'https://app.example/kyc', { https: true });
      check.url('back', 'http://localhost:3000/kyc/done');
      check.url('back', undefined, { optional: true });
    }).not.toThrow();
    expect(check.exclusive({ b: 2 }, ['a', 'b'], 'exactly-one')).toBe('b');
    expect(check.exclusive({}, ['a', 'b'], 'at-most-one')).toBeUndefined();
  });

  it('patch: returns the patch given, and says what an empty one must change when told', () => {
    const given = { name: 'Acme', note: undefined };
    expect(check.patch(given, ['name', 'note'])).toBe(given);
    expect(failure(() => check.patch({}, ['name'], 'must change name')).message).toBe(
      'test.createThing: patch must change name (rule: non-empty)',
    );
    expect(failure(() => check.patch({}, ['name'])).message).toBe(
      'test.createThing: patch must change at least one field (rule: non-empty)',
    );
  });

  it('never echoes the offending value (it may be a secret)', () => {
    const error = failure(() => check.string('password', 'hunter2-canary', { maxLength: 3 }));
    expect(error.message).not.toContain('hunter2');
  });
});
