import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { baseRedactor, isSecretKey, REDACTED, Redactor, Secret } from '../src/index.js';

const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiIxMjMiLCJleHAiOjE3MDB9.c2lnbmF0dXJlX2hlcmVfMTIzNA';
const PEM =
  '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';

describe('Redactor', () => {
  const redactor = new Redactor(['sk-known-value-123', undefined, 'abc']);

  it.each([
    ['a known secret value', 'key sk-known-value-123 used', 'key [REDACTED] used'],
    ['a JWT', `token was ${JWT}!`, 'token was [REDACTED]!'],
    ['a PEM private key', `key: ${PEM} end`, 'key: [REDACTED] end'],
    [
      'a bearer credential',
      'Authorization: Bearer abc.def-ghi',
      'Authorization: Bearer [REDACTED]',
    ],
    [
      'a secret in a query string',
      '/AddSubUser?new_subuser_password=hunter2&x=1',
      '/AddSubUser?new_subuser_password=[REDACTED]&x=1',
    ],
    [
      'a secret JSON field quoted by a parser',
      `Unexpected token in "{"auth_token": "t0k3n", "a":1}"`,
      `Unexpected token in "{"auth_token": "[REDACTED]", "a":1}"`,
    ],
    ['a truncated JSON field', '"{"api_key": "sk-trunc', '"{"api_key": "[REDACTED]"'],
    [
      'a `key: value` secret in prose',
      'rejected X-Auth-Token: t0k3n-value for MA_1',
      'rejected X-Auth-Token: [REDACTED] for MA_1',
    ],
    ['a quoted `key=value` secret', "password='hunter22' given", 'password=[REDACTED] given'],
    // encodeURIComponent leaves ' and ) as they are; the value runs to the next & (regression).
    [
      "a query password holding ' and )",
      "/AddSubUser?new_subuser_password=Ab1'cd)EFgh9xyz&x=1",
      '/AddSubUser?new_subuser_password=[REDACTED]&x=1',
    ],
    ['nothing secret', 'plain words, abc stays', 'plain words, abc stays'],
  ])('text: %s', (_name, input, output) => {
    expect(redactor.text(input)).toBe(output);
  });

  it('value: deep copy with secret keys replaced and values scrubbed, input untouched', () => {
    const input = {
      name: 'Acme',
      api_key: 'x',
      nested: { auth_token: 'y', list: [{ password: 'z' }, `see ${JWT}`], keep: null },
      auth_credentials: { auth_id: 'MA1', auth_token: 'secret' },
      missing_password: null,
    };
    expect(redactor.value(input)).toEqual({
      name: 'Acme',
      api_key: REDACTED,
      nested: {
        auth_token: REDACTED,
        list: [{ password: REDACTED }, 'see [REDACTED]'],
        keep: null,
      },
      auth_credentials: REDACTED,
      missing_password: null,
    });
    expect(input.api_key).toBe('x');
  });

  it('value: stops at a depth limit instead of recursing forever', () => {
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 30; i++) deep = { deeper: deep };
    expect(JSON.stringify(redactor.value(deep))).toContain('[Truncated]');
  });

  it('headers: secret names redacted, others scrubbed', () => {
    const headers = new Headers({
      Authorization: 'Bearer x',
      'X-Auth-Token': 't',
      'X-Auth-ID': 'MA1',
      'X-Note': 'sk-known-value-123',
    });
    expect(redactor.headers(headers)).toEqual({
      authorization: REDACTED,
      'x-auth-token': REDACTED,
      'x-auth-id': 'MA1',
      'x-note': REDACTED,
    });
  });

  it('url: secret query parameters redacted, the rest kept', () => {
    const out = redactor.url(
      'https://api.test/AddSubUser?new_subuser_name=bob&new_subuser_password=hunter2&api_key=k',
    );
    expect(out).toContain('new_subuser_name=bob');
    expect(out).not.toContain('hunter2');
    expect(out).not.toMatch(/api_key=k\b/);
  });

  it('error: a scrubbed copy keeping name, code and cause chain', () => {
    const original = new TypeError(`bad ${JWT}`, {
      cause: Object.assign(new Error('password=hunter2'), { code: 'ECONNRESET' }),
    });
    const copy = redactor.error(original);
    expect(copy).not.toBe(original);
    expect(copy.name).toBe('TypeError');
    expect(copy.message).toBe('bad [REDACTED]');
    expect((copy.cause as { code?: string }).code).toBe('ECONNRESET');
    expect(inspect(copy, { depth: 5 })).not.toContain('hunter2');
    expect(inspect(copy, { depth: 5 })).not.toContain(JWT);
    expect(redactor.error('just a string sk-known-value-123').message).toBe(
      'just a string [REDACTED]',
    );
  });

  it('scrubs secrets the provider handed out, remembering only the newest 100', () => {
    const issued = new Redactor();
    issued.rememberSecret('first-issued-token', undefined, 42, 'short');
    expect(issued.text('echo first-issued-token')).toBe('echo [REDACTED]');
    for (let index = 0; index < 100; index++) issued.rememberSecret(`later-issued-token-${index}`);
    expect(issued.text('echo first-issued-token')).toBe('echo first-issued-token');
    expect(issued.text('echo later-issued-token-99')).toBe('echo [REDACTED]');
  });

  it('tokens: known values, JWTs and bearer credentials only, and JSON stays JSON', () => {
    const json = JSON.stringify(
      { name: JWT, note: 'Bearer abc.def-ghi', key: 'sk-known-value-123', password: 'plain' },
      null,
      2,
    );
    const out = redactor.tokens(json);
    expect(JSON.parse(out)).toEqual({
      name: REDACTED,
      note: `Bearer ${REDACTED}`,
      key: REDACTED,
      password: 'plain', // the name rules are text()'s: they would reshape the JSON
    });
  });

  it('forgets a removed secret', () => {
    const own = new Redactor(['tok-expired-123456']);
    expect(own.text('tok-expired-123456')).toBe(REDACTED);
    own.removeSecret('tok-expired-123456');
    expect(own.text('tok-expired-123456')).toBe('tok-expired-123456');
  });

  it('ignores very short known values (they would scrub ordinary words)', () => {
    expect(redactor.text('abc')).toBe('abc');
  });

  it('baseRedactor still catches shapes and names', () => {
    expect(baseRedactor.text(JWT)).toBe(REDACTED);
    expect(isSecretKey('new_subuser_password')).toBe(true);
    expect(isSecretKey('private_key')).toBe(true);
    expect(isSecretKey('subaccount_name')).toBe(false);
  });
});

describe('Secret', () => {
  it('prints redacted everywhere, reveals on request', () => {
    const secret = new Secret('tok_live_123456');
    expect(String(secret)).toBe(REDACTED);
    expect(`${secret}`).toBe(REDACTED);
    expect(JSON.stringify({ secret })).toBe(`{"secret":"${REDACTED}"}`);
    expect(inspect({ secret }, { depth: 5 })).not.toContain('tok_live');
    expect(secret.reveal()).toBe('tok_live_123456');
  });
});
