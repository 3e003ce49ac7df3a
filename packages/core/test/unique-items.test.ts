/** InputChecker.uniqueItems: a list that names a value twice is refused at the first repeat. */
import { describe, expect, it } from 'vitest';
import { InputChecker, ValidationError } from '../src/index.js';

const check = new InputChecker('test', 'updateThing');

describe('InputChecker.uniqueItems', () => {
  it('names the first repeat by its index, with the rule and the list', () => {
    let caught: unknown;
    try {
      check.uniqueItems('roles', ['a', 'b', 'c', 'b', 'a']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect(caught).toMatchObject({ field: 'roles[3]', rule: 'unique-items' });
    expect((caught as Error).message).toContain('repeats a value already listed in roles');
  });

  it('accepts distinct items, and an empty list', () => {
    expect(() => check.uniqueItems('roles', ['a', 'b', 'c'])).not.toThrow();
    expect(() => check.uniqueItems('roles', [])).not.toThrow();
  });
});
