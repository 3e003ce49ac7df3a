/**
 * The edges of core's rules, where a wrong operator or a lost anchor would hide: inputs the
 * fuzzer's generators never produce, defaults a caller relies on without passing them.
 */
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AbortedError,
  ConfigurationError,
  InputChecker,
  isUnsafePathSegment,
  nextOffsetWithTotal,
  type RequestContext,
  RequestError,
  requireCredential,
  sleep,
  Throttle,
  ValidationError,
} from '../src/index.js';

afterEach(() => {
  vi.useRealTimers();
});

const check = new InputChecker('test', 'createThing');

/** The rule a check broke, or `undefined` when it passed. */
function ruleBroken(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof ValidationError) return error.rule;
    throw error;
  }
}

describe('E.164 numbers: + then 2 to 15 digits, the first not 0', () => {
  it.each([
    ['+12', undefined],
    ['+14155550123', undefined],
    ['+123456789012345', undefined],
    ['+1', 'e164'],
    ['+1234567890123456', 'e164'],
    ['+04155550123', 'e164'],
    ['14155550123', 'e164'],
    ['abc+14155550123', 'e164'],
    ['+14155550123abc', 'e164'],
    ['+1415555012\n', 'e164'],
    ['+1 415 555 0123', 'e164'],
    ['+1415555012a', 'e164'],
    [14155550123, 'e164'],
    [undefined, 'e164'],
  ])('%j → %s', (value, rule) => {
    expect(ruleBroken(() => check.e164('phone', value))).toBe(rule);
  });

  it('an optional number may be left out, but not null', () => {
    expect(ruleBroken(() => check.e164('phone', undefined, { optional: true }))).toBeUndefined();
    expect(ruleBroken(() => check.e164('phone', null, { optional: true }))).toBe('e164');
  });
});

describe('email addresses: one @, no spaces, a dot in the domain', () => {
  it.each([
    ['a@b.co', undefined],
    ['first.last+tag@mail.example.org', undefined],
    ['a@b', 'email'],
    ['@b.co', 'email'],
    ['a@.co', 'email'],
    ['a@b.', 'email'],
    ['a@b@c.co', 'email'],
    ['a b@c.co', 'email'],
    ['a@b.co ', 'email'],
    [' a@b.co', 'email'],
    ['x\na@b.co', 'email'],
    ['a@b.co\nx', 'email'],
    [42, 'email'],
  ])('%j → %s', (value, rule) => {
    expect(ruleBroken(() => check.email('email', value))).toBe(rule);
  });

  it('an optional address may be left out', () => {
    expect(ruleBroken(() => check.email('email', undefined, { optional: true }))).toBeUndefined();
    expect(ruleBroken(() => check.email('email', undefined))).toBe('email');
  });
});

describe('lengths, numbers and lists at their limits', () => {
  it.each([
    ['', { minLength: 1 }, 'min-length'],
    ['a', { minLength: 1 }, undefined],
    ['abc', { maxLength: 3 }, undefined],
    ['abcd', { maxLength: 3 }, 'max-length'],
    ['ab', { minLength: 2, maxLength: 2 }, undefined],
  ])('string %j with %j → %s', (value, rules, rule) => {
    expect(ruleBroken(() => check.string('name', value, rules))).toBe(rule);
  });

  it.each([
    [0, { min: 0 }, undefined],
    [-1, { min: 0 }, 'non-negative'],
    [5, { min: 5 }, undefined],
    [4, { min: 5 }, 'minimum'],
    [100, { max: 100 }, undefined],
    [101, { max: 100 }, 'maximum'],
    [2 ** 53, {}, 'integer'],
    [Number.MAX_SAFE_INTEGER, {}, undefined],
    ['5', {}, 'integer'],
    [null, {}, 'integer'],
    [null, { nullable: true }, undefined],
    [undefined, { nullable: true }, 'integer'],
    [undefined, { optional: true }, undefined],
  ])('integer %j with %j → %s', (value, rules, rule) => {
    expect(ruleBroken(() => check.integer('n', value, rules))).toBe(rule);
  });

  it('says what the limit is', () => {
    const message = (run: () => void) => {
      try {
        run();
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    };
    expect(message(() => check.integer('n', -1, { min: 0 }))).toBe(
      'test.createThing: n must be zero or more (rule: non-negative)',
    );
    expect(message(() => check.integer('n', 1, { min: 2 }))).toBe(
      'test.createThing: n must be at least 2 (rule: minimum)',
    );
    expect(message(() => check.integer('n', 3, { max: 2 }))).toBe(
      'test.createThing: n must be at most 2 (rule: maximum)',
    );
    expect(message(() => check.string('s', '', { minLength: 1 }))).toBe(
      'test.createThing: s must be at least 1 characters long (rule: min-length)',
    );
    expect(message(() => check.string('s', 'ab', { maxLength: 1 }))).toBe(
      'test.createThing: s must be at most 1 characters long (rule: max-length)',
    );
    expect(message(() => check.array('l', [], { minItems: 1 }))).toBe(
      'test.createThing: l must hold at least 1 item(s) (rule: min-items)',
    );
    expect(message(() => check.oneOf('k', 'z', ['a', 'b']))).toBe(
      'test.createThing: k must be one of: a, b (rule: enum)',
    );
    expect(message(() => check.knownFields('', { z: 1 }, ['a', 'b']))).toBe(
      'test.createThing: z is not a field of this operation (allowed: a, b) (rule: known-field)',
    );
    expect(message(() => check.disjoint('grant', ['a'], 'revoke', ['a']))).toBe(
      'test.createThing: revoke[0] lists a value that is also in grant (rule: disjoint)',
    );
    expect(message(() => check.enumList('p', ['a', 'a'], ['a']))).toBe(
      'test.createThing: p[1] repeats a value already listed in p (rule: unique-items)',
    );
  });

  it.each([
    [[], { minItems: 1 }, 'min-items'],
    [['a'], { minItems: 1 }, undefined],
    [undefined, { optional: true }, undefined],
    [undefined, {}, 'array'],
    [{ length: 1 }, {}, 'array'],
  ])('array %j with %j → %s', (value, rules, rule) => {
    expect(ruleBroken(() => check.array('list', value, rules))).toBe(rule);
  });

  it('array hands back the list it checked', () => {
    const list = ['a'];
    expect(check.array('list', list)).toBe(list);
    expect(check.array('list', undefined, { optional: true })).toBeUndefined();
  });

  it.each([
    [['a', 'b'], undefined],
    [undefined, 'array'],
    [['b', 'a', 'b'], 'unique-items'],
  ])('enumList %j → %s', (value, rule) => {
    expect(ruleBroken(() => check.enumList('p', value, ['a', 'b']))).toBe(rule);
  });

  it('an optional enum list may be left out', () => {
    expect(ruleBroken(() => check.enumList('p', undefined, ['a'], { optional: true }))).toBe(
      undefined,
    );
  });

  it('disjoint ignores what is not a list on either side', () => {
    expect(ruleBroken(() => check.disjoint('g', undefined, 'r', ['a']))).toBeUndefined();
    expect(ruleBroken(() => check.disjoint('g', ['a'], 'r', 'a'))).toBeUndefined();
  });
});

describe('optional, blank and typed values', () => {
  it.each([
    ['string', () => check.string('s', undefined, { optional: true })],
    ['nonBlank', () => check.nonBlank('s', undefined, { optional: true })],
    ['boolean', () => check.boolean('b', undefined, { optional: true })],
    ['oneOf', () => check.oneOf('k', undefined, ['a'], { optional: true })],
  ])('%s: an optional value may be left out', (_name, run) => {
    expect(ruleBroken(run)).toBeUndefined();
  });

  it.each([
    ['string', () => check.string('s', undefined), 'string'],
    ['nonBlank', () => check.nonBlank('s', undefined), 'string'],
    ['boolean', () => check.boolean('b', undefined), 'boolean'],
    ['oneOf', () => check.oneOf('k', undefined, ['a']), 'enum'],
    ['record (null)', () => check.record('r', null), 'object'],
    ['record (text)', () => check.record('r', 'x'), 'object'],
    ['nonBlank (line breaks)', () => check.nonBlank('s', '\n\r\n'), 'non-blank'],
    ['nonBlank (too long)', () => check.nonBlank('s', 'abcd', { maxLength: 3 }), 'max-length'],
  ])('%s: required', (_name, run, rule) => {
    expect(ruleBroken(run)).toBe(rule);
  });

  it('record hands back the object it checked', () => {
    const input = { a: 1 };
    expect(check.record('r', input)).toBe(input);
  });

  it('knownFields passes fields the operation accepts, and unknown ones set to undefined', () => {
    expect(
      ruleBroken(() => check.knownFields('', { a: 1, b: null, c: undefined }, ['a', 'b'])),
    ).toBeUndefined();
    expect(ruleBroken(() => check.knownFields('', { a: 1, c: null }, ['a']))).toBe('known-field');
  });

  it.each([
    ['a', false],
    ['..a', false],
    ['a.b', false],
    ['...', false],
    ['.', true],
    ['..', true],
    ['a/b', true],
    ['a?b', true],
    ['a#b', true],
  ])('path segment %j unsafe: %s', (value, unsafe) => {
    expect(isUnsafePathSegment(value)).toBe(unsafe);
    expect(ruleBroken(() => check.pathId('id', value))).toBe(unsafe ? 'path-safe' : undefined);
  });

  it('pathId refuses a blank or missing id as such', () => {
    expect(ruleBroken(() => check.pathId('id', ' '))).toBe('non-blank');
    expect(ruleBroken(() => check.pathId('id', undefined))).toBe('string');
  });
});

describe('request errors, with their defaults', () => {
  const context: RequestContext = {
    provider: 'test',
    operation: 'createThing',
    method: 'POST',
    path: '/things',
    kind: 'create',
    attempts: 1,
  };

  it('a request error without an outcome is a known outcome, and says nothing more', () => {
    const error = new RequestError('failed', context);
    expect(error.outcomeUnknown).toBe(false);
    expect(error.message).toBe('test.createThing (POST /things): failed');
    expect(new AbortedError('stop', { ...context, outcomeUnknown: true }).message).toContain(
      'stop The create may or may not have been processed',
    );
  });
});

describe('Throttle: waiting for the rate limit', () => {
  it('spaces starts by 1/rate, and an abort during the wait frees the slot', async () => {
    vi.useFakeTimers();
    const throttle = new Throttle({ maxRequestsPerSecond: 2, maxConcurrency: 5 });
    const first = await throttle.acquire();
    const controller = new AbortController();
    const second = throttle.acquire(controller.signal);
    second.catch(() => {});
    await vi.advanceTimersByTimeAsync(100);
    expect(throttle.inFlight).toBe(2);
    controller.abort(new Error('caller gave up'));
    await expect(second).rejects.toThrow('caller gave up');
    expect(throttle.inFlight).toBe(1);
    first();
    expect(throttle.inFlight).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('a start the rate allows right away does not wait', async () => {
    vi.useFakeTimers();
    const throttle = new Throttle({ maxRequestsPerSecond: 4 });
    const started: number[] = [];
    const take = async () => {
      await throttle.acquire();
      started.push(Date.now());
    };
    const t0 = Date.now();
    await take();
    expect(started).toEqual([t0]);
    await vi.advanceTimersByTimeAsync(1_000);
    await take();
    expect(started[1]).toBe(t0 + 1_000);
    const both = Promise.all([take(), take()]);
    await vi.advanceTimersByTimeAsync(1_000);
    await both;
    expect(started.slice(2)).toEqual([t0 + 1_250, t0 + 1_500]);
  });

  it('without a concurrency limit, any number of requests are in flight at once', async () => {
    const throttle = new Throttle({});
    await Promise.all(Array.from({ length: 50 }, () => throttle.acquire()));
    expect(throttle.inFlight).toBe(50);
    expect(throttle.queued).toBe(0);
  });

  it('a queued waiter whose signal is already aborted is refused at once', async () => {
    const throttle = new Throttle({ maxConcurrency: 1 });
    await throttle.acquire();
    await expect(throttle.acquire(AbortSignal.abort('late'))).rejects.toBe('late');
    expect(throttle.queued).toBe(0);
  });

  it('aborting the second of two waiters takes it out of the queue, and off its signal', async () => {
    const throttle = new Throttle({ maxConcurrency: 1 });
    const release = await throttle.acquire();
    const first = throttle.acquire();
    const controller = new AbortController();
    const second = throttle.acquire(controller.signal);
    expect(throttle.queued).toBe(2);
    controller.abort(new Error('second gave up'));
    await expect(second).rejects.toThrow('second gave up');
    expect(throttle.queued).toBe(1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    release();
    (await first)();
    expect(throttle.inFlight).toBe(0);
  });

  it('a waiter that got its slot leaves nothing on its signal', async () => {
    const throttle = new Throttle({ maxConcurrency: 1 });
    const release = await throttle.acquire();
    const controller = new AbortController();
    const waiting = throttle.acquire(controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    release();
    (await waiting)();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('sleep resolves after its time and leaves nothing on the signal', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    let done = false;
    const pending = sleep(1_000, controller.signal).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(done).toBe(true);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('requireCredential', () => {
  it('returns the value trimmed of surrounding white space', () => {
    expect(requireCredential('p', 'apiKey', '  sk-abc\n', 'hint')).toBe('sk-abc');
  });

  it.each([
    ['a space inside', 'sk abc'],
    ['a control character', 'sk\u0001abc'],
    ['a non-ASCII letter', 'sk-ábc'],
    ['a DEL', 'sk\u007fabc'],
  ])('refuses %s without quoting it', (_name, value) => {
    let message = '';
    try {
      requireCredential('p', 'apiKey', value, 'hint');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      message = (error as Error).message;
    }
    expect(message).toBe(
      'p: `apiKey` must be visible ASCII without spaces or line breaks (check what was pasted with it).',
    );
  });

  it('names the option and gives the hint when it is missing', () => {
    expect(() => requireCredential('p', 'apiKey', undefined, 'Set P_KEY.')).toThrow(
      'p: `apiKey` is required and must not be blank. Set P_KEY.',
    );
    expect(() => requireCredential('p', 'apiKey', 5, 'Set P_KEY.')).toThrow(
      'p: `apiKey` must be a string.',
    );
  });

  it('accepts every visible ASCII character', () => {
    const visible = Array.from({ length: 94 }, (_, index) => String.fromCharCode(33 + index)).join(
      '',
    );
    expect(requireCredential('p', 'apiKey', visible, 'hint')).toBe(visible);
  });
});

describe('what each rule says (the message names the field and the rule, never the value)', () => {
  const said = (run: () => void) => {
    try {
      run();
    } catch (error) {
      return (error as Error).message.replace(/^test\.createThing: /, '');
    }
    return 'passed';
  };

  it.each([
    [() => check.record('input', 'secret-value'), 'input must be an object (rule: object)'],
    [() => check.string('name', 42), 'name must be a string (rule: string)'],
    [() => check.nonBlank('name', '  '), 'name must not be blank (rule: non-blank)'],
    [() => check.integer('n', 'secret-value'), 'n must be an integer (rule: integer)'],
    [() => check.boolean('b', 'secret-value'), 'b must be true or false (rule: boolean)'],
    [() => check.array('l', 'secret-value'), 'l must be an array (rule: array)'],
    [
      () => check.e164('phone', 'secret-value'),
      'phone must be an E.164 phone number: + then 2 to 15 digits, e.g. +14155550123 (rule: e164)',
    ],
    [() => check.email('email', 'secret-value'), 'email must be an email address (rule: email)'],
    [
      () => check.pathId('id', 'secret/value'),
      'id must not contain /, ? or # and must not be . or .. (rule: path-safe)',
    ],
  ])('%#: %s', (run, message) => {
    expect(said(run)).toBe(message);
  });
});

describe('optional never excuses a wrong value', () => {
  it.each([
    ['string', () => check.string('s', 5, { optional: true }), 'string'],
    ['nonBlank', () => check.nonBlank('s', ' ', { optional: true }), 'non-blank'],
    ['integer', () => check.integer('n', 1.5, { optional: true }), 'integer'],
    ['integer (nullable)', () => check.integer('n', 1.5, { nullable: true }), 'integer'],
    [
      'integer (nullable, below min)',
      () => check.integer('n', -1, { nullable: true, min: 0 }),
      'non-negative',
    ],
    ['boolean', () => check.boolean('b', 'yes', { optional: true }), 'boolean'],
    ['oneOf', () => check.oneOf('k', 'z', ['a'], { optional: true }), 'enum'],
    ['array', () => check.array('l', 'x', { optional: true }), 'array'],
    ['enumList', () => check.enumList('p', ['z'], ['a'], { optional: true }), 'enum'],
    ['e164', () => check.e164('phone', '123', { optional: true }), 'e164'],
    ['email', () => check.email('email', 'x', { optional: true }), 'email'],
  ])('%s', (_name, run, rule) => {
    expect(ruleBroken(run)).toBe(rule);
  });

  it('a value that only looks like text when converted is not text', () => {
    const disguised = { toString: () => '+14155550123' };
    expect(ruleBroken(() => check.e164('phone', ['+14155550123']))).toBe('e164');
    expect(ruleBroken(() => check.e164('phone', disguised))).toBe('e164');
    expect(ruleBroken(() => check.email('email', ['a@b.co']))).toBe('email');
  });
});

describe('alternatives, shapes and URLs', () => {
  const said = (run: () => void) => {
    try {
      run();
    } catch (error) {
      const { field, rule, message } = error as ValidationError;
      return { field, rule, message: message.replace(/^test\.createThing: /, '') };
    }
    return undefined;
  };

  it('exclusive: two of the alternatives are refused together, naming both', () => {
    expect(said(() => check.exclusive({ a: 1, b: 2 }, ['a', 'b', 'c'], 'at-most-one'))).toEqual({
      field: 'a + b',
      rule: 'at-most-one',
      message: 'a + b cannot be combined: pass at most one of a, b, c (rule: at-most-one)',
    });
    expect(said(() => check.exclusive({ a: 1, c: 2 }, ['a', 'c'], 'exactly-one'))?.message).toBe(
      'a + c cannot be combined: pass exactly one of a, c (rule: exactly-one)',
    );
  });

  it('exclusive: none of them is fine for at-most-one, refused for exactly-one', () => {
    expect(check.exclusive({}, ['a', 'b'], 'at-most-one')).toBeUndefined();
    expect(said(() => check.exclusive({ a: undefined }, ['a', 'b'], 'exactly-one'))).toEqual({
      field: 'a | b',
      rule: 'exactly-one',
      message: 'a | b is required: pass exactly one of a, b (rule: exactly-one)',
    });
    expect(check.exclusive({ b: 0 }, ['a', 'b'], 'exactly-one')).toBe('b');
  });

  it('matches: says the shape, never the value; optional only when absent', () => {
    const sid = /^AC[0-9a-f]{32}$/;
    expect(
      said(() => check.matches('sid', 'AC-secret-value', sid, 'sid', 'AC and 32 hex digits')),
    ).toEqual({
      field: 'sid',
      rule: 'sid',
      message: 'sid must be AC and 32 hex digits (rule: sid)',
    });
    expect(
      said(() => check.matches('sid', undefined, sid, 'sid', 'x', { optional: true })),
    ).toBeUndefined();
    expect(said(() => check.matches('sid', 'AC1', sid, 'sid', 'x', { optional: true }))?.rule).toBe(
      'sid',
    );
    expect(said(() => check.matches('sid', undefined, sid, 'sid', 'x'))?.rule).toBe('string');
  });

  it.each([
    ['https://hooks.example.com/a', {}, undefined],
    ['http://hooks.example.com/a', {}, undefined],
    ['http://hooks.example.com/a', { https: true }, 'https-url'],
    ['ftp://hooks.example.com/a', {}, 'url'],
    ['hooks.example.com/a', {}, 'url'],
    ['not a url', { https: true }, 'https-url'],
    [undefined, { optional: true }, undefined],
    [undefined, {}, 'string'],
    ['//hooks.example.com', { optional: true }, 'url'],
  ])('url %j with %j → %s', (value, rules, rule) => {
    expect(said(() => check.url('callback', value, rules))?.rule).toBe(rule);
  });

  it('url says which kind of address it needs', () => {
    expect(said(() => check.url('callback', 'x', { https: true }))?.message).toBe(
      'callback must be an absolute https:// URL (rule: https-url)',
    );
    expect(said(() => check.url('callback', 'x'))?.message).toBe(
      'callback must be an absolute http(s):// URL (rule: url)',
    );
  });
});

describe('paging totals', () => {
  it('a total that is not a number never ends the walk, even one that reads as a small number', () => {
    expect(nextOffsetWithTotal(0, 20, 20, '10')).toBe(20);
    expect(nextOffsetWithTotal(0, 20, 20, 10)).toBeUndefined();
  });
});
