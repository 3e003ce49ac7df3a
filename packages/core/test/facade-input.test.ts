/** The helpers every facade adapter shares: limits renamed, extra merged, results built. */
import { describe, expect, it } from 'vitest';
import {
  createResult,
  defined,
  deleteResult,
  InputChecker,
  limitsToWire,
  mergeExtra,
  REDACTED,
  Secret,
  secretOf,
  type UnifiedSubAccount,
  unifiedRecord,
} from '../src/index.js';

const checker = () => new InputChecker('acme', 'subaccounts.create');

describe('limitsToWire', () => {
  it('renames each limit to its wire name and drops undefined ones', () => {
    const names = { maxMinutes: 'max_minutes', concurrency: 'concurrency' };
    expect(limitsToWire(checker(), { maxMinutes: null, concurrency: undefined }, names)).toEqual({
      max_minutes: null,
    });
  });

  it('refuses a limit the provider does not have, and a limits value that is not an object', () => {
    expect(() => limitsToWire(checker(), { rateLimit: 1 }, { maxMinutes: 'm' })).toThrow(
      expect.objectContaining({ field: 'limits.rateLimit' }),
    );
    expect(() => limitsToWire(checker(), 5, { maxMinutes: 'm' })).toThrow(
      expect.objectContaining({ field: 'limits' }),
    );
    const sent = limitsToWire(
      checker(),
      { maxMinutes: 1, concurrency: undefined },
      {
        maxMinutes: 'max_minutes',
        concurrency: 'concurrency',
      },
    );
    expect(Object.keys(sent)).toEqual(['max_minutes']);
  });
});

describe('mergeExtra', () => {
  it('adds the allowed provider fields to the mapped ones; no extra leaves them as they are', () => {
    const mapped = { name: 'a' };
    expect(mergeExtra(checker(), mapped, { phone: '+1' }, ['phone'])).toEqual({
      name: 'a',
      phone: '+1',
    });
    expect(mergeExtra(checker(), mapped, undefined, ['phone'])).toBe(mapped);
  });

  it('refuses a field outside the allow-list, naming it', () => {
    expect(() => mergeExtra(checker(), {}, { kyc: 1 }, ['phone'])).toThrow(
      expect.objectContaining({ field: 'extra.kyc' }),
    );
    expect(() => mergeExtra(checker(), {}, 'phone', ['phone'])).toThrow(
      expect.objectContaining({ field: 'extra' }),
    );
  });
});

describe('results', () => {
  it('createResult: handed-out values as secrets, undefined ones dropped, the answer redacted', () => {
    const answer = { id: 'x', auth_token: 'tok-canary-123' };
    const credentials = { authToken: secretOf('tok-canary-123'), apiKey: secretOf(undefined) };
    const result = createResult('acme', { id: 'x', name: 'A', credentials }, answer);
    expect(result.provider).toBe('acme');
    expect(Object.keys(result.credentials)).toEqual(['authToken']);
    expect(result.credentials.authToken).toBeInstanceOf(Secret);
    expect(result.raw).toEqual({ id: 'x', auth_token: REDACTED });
    expect(answer.auth_token).toBe('tok-canary-123');
  });

  it('deleteResult: deleted, with the answer redacted', () => {
    expect(deleteResult('acme', 'x', { api_key: 'k-canary' })).toEqual({
      provider: 'acme',
      id: 'x',
      deleted: true,
      raw: { api_key: REDACTED },
    });
  });

  it('unifiedRecord: the provider, the mapped fields without undefined ones, the record redacted', () => {
    const record = { sid: 'AC1', name: 'A', auth_token: 'tok-canary-456' };
    type Acme = UnifiedSubAccount<'acme', typeof record>;
    const unified = unifiedRecord<Acme>('acme', record, {
      id: record.sid,
      name: record.name,
      email: undefined,
    });
    expect(unified).toEqual({
      provider: 'acme',
      id: 'AC1',
      name: 'A',
      raw: { sid: 'AC1', name: 'A', auth_token: REDACTED },
    });
    expect(Object.keys(unified)).not.toContain('email');
    expect(record.auth_token).toBe('tok-canary-456');
  });

  it('secretOf: no secret for an empty or missing value; defined keeps falsy values', () => {
    expect(secretOf('')).toBeUndefined();
    expect(secretOf(null)).toBeUndefined();
    expect(defined({ a: 0, b: false, c: undefined, d: null })).toEqual({ a: 0, b: false, d: null });
  });
});
