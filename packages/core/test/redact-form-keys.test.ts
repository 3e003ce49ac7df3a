/**
 * Bracketed form keys in free text (Rails/PHP-style `auth[token]=…`, as an error message or a
 * logged form body quotes them): the secret word sits inside brackets, and the value after the
 * closing bracket is still a secret. Regression: the name scan stopped at `[`/`]`, so
 * `auth[token]=s3cr3t` came out as is.
 */
import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from '../src/index.js';

const VALUE = 's3cr3t-v4lue-9f8e7d';
const text = (input: string) => new Redactor().text(input);

describe('Redactor.text: secret names inside bracketed form keys', () => {
  it.each([
    ['a bracketed key', `auth[token]=${VALUE}`, `auth[token]=${REDACTED}`],
    [
      'in a form body',
      `name=T&auth[token]=${VALUE}&page=2`,
      `name=T&auth[token]=${REDACTED}&page=2`,
    ],
    ['nested brackets', `user[auth][password]=${VALUE}`, `user[auth][password]=${REDACTED}`],
    ['the word before the brackets', `token[0]=${VALUE}`, `token[0]=${REDACTED}`],
    ['an empty list key', `api_key[]=${VALUE}&x=1`, `api_key[]=${REDACTED}&x=1`],
    ['URL-encoded brackets', `auth%5Btoken%5D=${VALUE}`, `auth%5Btoken%5D=${REDACTED}`],
    ['lower-case encoding', `auth%5btoken%5d=${VALUE}`, `auth%5btoken%5d=${REDACTED}`],
    ['a label', `auth[token]: ${VALUE} (rejected)`, `auth[token]: ${REDACTED} (rejected)`],
    ['a quoted JSON key', `{"auth[token]": "${VALUE}"}`, `{"auth[token]": "${REDACTED}"}`],
    ['in a sentence', `invalid auth[token]=${VALUE} sent`, `invalid auth[token]=${REDACTED} sent`],
  ])('%s', (_case, input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it('a bracketed key whose name is no secret is left alone', () => {
    expect(text('filter[name]=Acme&page[size]=50')).toBe('filter[name]=Acme&page[size]=50');
  });

  it('a secret word in brackets with no value after it is left alone', () => {
    expect(text('missing [token] in the request')).toBe('missing [token] in the request');
  });

  it('redacting twice changes nothing more', () => {
    const once = text(`auth[token]=${VALUE}&user[password]: ${VALUE}`);
    expect(once).not.toContain(VALUE);
    expect(text(once)).toBe(once);
  });
});
