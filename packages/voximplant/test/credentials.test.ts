import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { ConfigurationError } from '@tenantkit/core';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createVoximplantClient as createNeutralClient } from '../src/index.js';
// The Node entry (export condition `node`): the neutral client plus reading a file by path.
import { CREDENTIALS_ENV, createVoximplantClient } from '../src/node.js';
import { removeTempFiles, tempFile, testKey } from './fixtures.js';

const good = testKey.credentials;
/** A line of the key's body: if any message held part of the key, it would hold this. */
const KEY_FRAGMENT = good.private_key.split('\n')[5]!;

afterEach(() => {
  vi.unstubAllEnvs();
});
afterAll(removeTempFiles);

/** The ConfigurationError thrown while building a client; fails the test if none is thrown. */
function configurationError(build: () => unknown): ConfigurationError {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    const shown = [(error as Error).message, inspect(error, { depth: 8 }), JSON.stringify(error)];
    for (const text of shown) {
      expect(text).not.toContain(KEY_FRAGMENT);
      expect(text).not.toContain('PRIVATE KEY');
      expect(text).not.toContain(good.key_id);
    }
    return error as ConfigurationError;
  }
  throw new Error('expected a ConfigurationError, nothing was thrown');
}

describe('voximplant credentials: accepted sources', () => {
  it('the parsed credentials.json object', () => {
    expect(createVoximplantClient({ credentials: good }).accountId).toBe(good.account_id);
  });

  it('a path to credentials.json', () => {
    const path = tempFile('credentials.json', JSON.stringify(good));
    expect(createVoximplantClient({ credentials: path }).accountId).toBe(good.account_id);
  });

  it(`the path in ${CREDENTIALS_ENV} when no credentials are passed`, () => {
    const path = tempFile('credentials.json', JSON.stringify({ ...good, account_id: 31337 }));
    vi.stubEnv(CREDENTIALS_ENV, path);
    expect(createVoximplantClient().accountId).toBe(31337);
  });

  it('the credentials option wins over the environment variable', () => {
    vi.stubEnv(CREDENTIALS_ENV, '/nonexistent/credentials.json');
    expect(createVoximplantClient({ credentials: good }).accountId).toBe(good.account_id);
  });

  it('the JSON text of credentials.json (what a secret manager hands out)', () => {
    const text = `  ${JSON.stringify({ ...good, account_id: 777 }, null, 2)}\n`;
    expect(createVoximplantClient({ credentials: text }).accountId).toBe(777);
    expect(createNeutralClient({ credentials: text }).accountId).toBe(777);
  });

  it(`the JSON text in ${CREDENTIALS_ENV}, on the neutral entry too`, () => {
    vi.stubEnv(CREDENTIALS_ENV, JSON.stringify({ ...good, account_id: 778 }));
    expect(createVoximplantClient().accountId).toBe(778);
    expect(createNeutralClient().accountId).toBe(778);
  });

  it('a PKCS#1 ("BEGIN RSA PRIVATE KEY") key, as older credentials files hold', () => {
    const pkcs1 = createPrivateKey(testKey.credentials.private_key)
      .export({ type: 'pkcs1', format: 'pem' })
      .toString();
    expect(() =>
      createVoximplantClient({ credentials: { ...good, private_key: pkcs1 } }),
    ).not.toThrow();
  });
});

describe('voximplant credentials: KeyInfo fields are optional in the spec', () => {
  it('a credentials object without account_email is accepted (signing does not need it)', () => {
    const { account_email: _e, ...noEmail } = good;
    expect(() => createVoximplantClient({ credentials: noEmail })).not.toThrow();
  });
});

describe('voximplant credentials: malformed ones fail at construction', () => {
  const { account_id: _a, ...noAccount } = good;
  const { key_id: _k, ...noKeyId } = good;
  const { private_key: _p, ...noKey } = good;
  const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const smallRsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const publicPem = testKey.publicKey.export({ type: 'spki', format: 'pem' }).toString();

  const cases: Array<[string, unknown, RegExp]> = [
    ['account_id missing', noAccount, /`account_id` is missing/],
    ['key_id missing', noKeyId, /`key_id` is missing/],
    ['private_key missing', noKey, /`private_key` is missing/],
    [
      'account_id as a string',
      { ...good, account_id: '4242' },
      /`account_id` must be a positive integer/,
    ],
    [
      'account_id fractional',
      { ...good, account_id: 1.5 },
      /`account_id` must be a positive integer/,
    ],
    ['key_id a number', { ...good, key_id: 12 }, /`key_id` must be a string/],
    ['account_email blank', { ...good, account_email: '  ' }, /`account_email` must not be blank/],
    ['account_email null', { ...good, account_email: null }, /`account_email` is missing/],
    [
      'private_key not a key (a corrupted PEM body)',
      { ...good, private_key: good.private_key.replace(KEY_FRAGMENT, 'AAAA') },
      /`private_key` is not a PEM private key that can be parsed/,
    ],
    [
      'private_key a public key',
      { ...good, private_key: publicPem },
      /`private_key` is not a PEM private key/,
    ],
    ['private_key an EC key', { ...good, private_key: ecKey }, /must be an RSA key/],
    ['private_key RSA under 2048 bits', { ...good, private_key: smallRsa }, /at least 2048 bits/],
    ['an array', [good], /must be an object/],
  ];

  it.each(cases)('%s', (_name, credentials, message) => {
    const error = configurationError(() =>
      createVoximplantClient({ credentials: credentials as typeof good }),
    );
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/^voximplant: /);
  });

  it('no credentials and no environment variable', () => {
    vi.stubEnv(CREDENTIALS_ENV, '');
    const error = configurationError(() => createVoximplantClient());
    expect(error.message).toMatch(new RegExp(`\`credentials\` is required.*${CREDENTIALS_ENV}`));
  });

  it('an unreadable file gives the reason, never the value given (it may not be a path at all)', () => {
    const error = configurationError(() =>
      createVoximplantClient({ credentials: '/nonexistent/dir/credentials.json' }),
    );
    expect(error.message).toBe('voximplant: cannot read the file named by `credentials` (ENOENT).');
  });

  it('the environment variable naming an unreadable file says so', () => {
    vi.stubEnv(CREDENTIALS_ENV, '/nonexistent/env/credentials.json');
    const error = configurationError(() => createVoximplantClient());
    expect(error.message).toContain(CREDENTIALS_ENV);
    expect(error.message).not.toContain('/nonexistent');
  });

  it('a file that is not JSON never has its contents quoted (the key is in it)', () => {
    const path = tempFile('credentials.json', `{"private_key": "${good.private_key}" oops`);
    const error = configurationError(() => createVoximplantClient({ credentials: path }));
    expect(error.message).toMatch(/is not valid JSON/);
    expect(error.cause).toBeUndefined();
    expect(error.message).not.toContain('oops');
  });

  it('a file with a bad field names where it came from and the field', () => {
    const path = tempFile('credentials.json', JSON.stringify({ ...good, account_id: 'x' }));
    const error = configurationError(() => createVoximplantClient({ credentials: path }));
    expect(error.message).toBe(
      'voximplant: the file named by `credentials`: `account_id` must be a positive integer (a JSON number).',
    );
  });

  it('a file holding a PEM key alone says the whole credentials.json is needed', () => {
    const path = tempFile('key.pem', good.private_key);
    const error = configurationError(() => createVoximplantClient({ credentials: path }));
    expect(error.message).toMatch(/the file named by `credentials` holds a PEM key alone/);
  });

  it('an encrypted key is named as such', () => {
    const encrypted = createPrivateKey(testKey.credentials.private_key)
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' })
      .toString();
    const error = configurationError(() =>
      createVoximplantClient({ credentials: { ...good, private_key: encrypted } }),
    );
    expect(error.message).toMatch(/`private_key` is an encrypted private key/);
  });

  it.each([
    [{ accountId: 0 }, /`accountId` must be an integer, 1 or more/],
    [{ accountId: '5' }, /`accountId`/],
    [{ tokenTtlSeconds: 3601 }, /`tokenTtlSeconds` must be an integer, 30 to 3600/],
    [{ tokenTtlSeconds: 10 }, /`tokenTtlSeconds`/],
  ])('option %j is rejected', (option, message) => {
    const error = configurationError(() =>
      createVoximplantClient({ credentials: good, ...option } as never),
    );
    expect(error.message).toMatch(message);
  });
});

/**
 * Issue 10: credentials given as text were taken for a path and quoted whole in the error (the
 * private key with them), and the CLI printed it. Every message is checked against every part of
 * the value given.
 */
describe('voximplant credentials given as text: never quoted, a clear message', () => {
  const json = JSON.stringify(good);
  const cases: Array<[string, string, RegExp]> = [
    [
      'a bare PEM key',
      good.private_key,
      /^voximplant: `credentials` holds a PEM key alone; it must be the whole credentials\.json/,
    ],
    [
      'JSON text that is not valid JSON',
      `${json.slice(0, -1)}, oops`,
      /^voximplant: the JSON text in `credentials` is not valid JSON\.$/,
    ],
    [
      'JSON text with a broken field',
      JSON.stringify({ ...good, account_id: -1 }),
      /^voximplant: the JSON text in `credentials`: `account_id` must be a positive integer/,
    ],
    [
      'JSON text of an array',
      `[${json}]`,
      /^voximplant: the JSON text in `credentials` must be an object with account_id, key_id and private_key/,
    ],
  ];

  it.each(cases)('%s (Node entry)', (_name, credentials, message) => {
    const error = configurationError(() => createVoximplantClient({ credentials }));
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(credentials.slice(0, 40));
  });

  it.each(cases)('%s (neutral entry)', (_name, credentials) => {
    const error = configurationError(() => createNeutralClient({ credentials }));
    expect(error.message).not.toContain(credentials.slice(0, 40));
  });

  it.each(cases)(`%s in ${CREDENTIALS_ENV}`, (_name, credentials) => {
    vi.stubEnv(CREDENTIALS_ENV, credentials);
    const error = configurationError(() => createVoximplantClient());
    expect(error.message).toContain(CREDENTIALS_ENV);
    expect(error.message).not.toContain(credentials.slice(0, 40));
  });

  it('a path on the neutral entry (no file system) says what to pass instead', () => {
    const error = configurationError(() =>
      createNeutralClient({ credentials: '/etc/voximplant/credentials.json' }),
    );
    expect(error.message).toBe(
      'voximplant: `credentials` is not the JSON text of credentials.json, and a file path cannot be read here (no file system outside Node): pass the parsed credentials.json object or its JSON text.',
    );
  });

  it('a long text that is no path is not quoted either (it used to come back in ENAMETOOLONG)', () => {
    const secretish = 'x'.repeat(5000);
    const error = configurationError(() => createVoximplantClient({ credentials: secretish }));
    expect(error.message).toBe(
      'voximplant: cannot read the file named by `credentials` (ENAMETOOLONG).',
    );
  });
});
