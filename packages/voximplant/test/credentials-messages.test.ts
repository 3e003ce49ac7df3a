/**
 * The whole message a caller reads when credentials are missing or unusable, on each entry and
 * runtime: the Node entry (which may read a path), the neutral one, and a runtime with no
 * `process` at all (edge workers). Built inside each test; nothing here reaches the network.
 */
import { ConfigurationError } from '@tenantkit/core';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createVoximplantClient as createNeutralClient } from '../src/index.js';
import { CREDENTIALS_ENV, createVoximplantClient } from '../src/node.js';
import { removeTempFiles, tempFile, testKey } from './fixtures.js';

const good = testKey.credentials;

afterEach(() => {
  vi.unstubAllEnvs();
});
afterAll(removeTempFiles);

function messageOf(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError, nothing was thrown');
}

/** Runs `build` as on a runtime without `process` (edge workers, browsers), synchronously. */
function withoutProcess<T>(build: () => T): T {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'process');
  if (!descriptor) throw new Error('this test needs a runtime that has process');
  Object.defineProperty(globalThis, 'process', { value: undefined, configurable: true });
  try {
    return build();
  } finally {
    Object.defineProperty(globalThis, 'process', descriptor);
  }
}

const REQUIRED = `voximplant: \`credentials\` is required: pass the parsed credentials.json object or its JSON text, or set ${CREDENTIALS_ENV}.`;
const REQUIRED_NODE = `voximplant: \`credentials\` is required: pass the parsed credentials.json object or its JSON text or its path, or set ${CREDENTIALS_ENV}.`;

describe('voximplant credentials: none given', () => {
  it('on a runtime without process (edge), the neutral entry says what to pass', () => {
    expect(messageOf(() => withoutProcess(() => createNeutralClient()))).toBe(REQUIRED);
  });

  it(`the Node entry, ${CREDENTIALS_ENV} unset, also offers a path`, () => {
    vi.stubEnv(CREDENTIALS_ENV, undefined);
    expect(process.env[CREDENTIALS_ENV]).toBeUndefined();
    expect(messageOf(() => createVoximplantClient())).toBe(REQUIRED_NODE);
  });

  it('credentials: null is none given (the environment variable is read)', () => {
    vi.stubEnv(CREDENTIALS_ENV, undefined);
    expect(messageOf(() => createVoximplantClient({ credentials: null as never }))).toBe(
      REQUIRED_NODE,
    );
    vi.stubEnv(CREDENTIALS_ENV, JSON.stringify(good));
    expect(createNeutralClient({ credentials: null as never }).accountId).toBe(good.account_id);
  });

  it('account_id 1 is an account id', () => {
    expect(createNeutralClient({ credentials: { ...good, account_id: 1 } }).accountId).toBe(1);
  });

  it(`${CREDENTIALS_ENV} holding only spaces counts as unset`, () => {
    vi.stubEnv(CREDENTIALS_ENV, ' \n ');
    expect(messageOf(() => createNeutralClient())).toBe(REQUIRED);
  });
});

describe('voximplant credentials: the whole message', () => {
  const { key_id: _k, ...noKeyId } = good;
  it.each<[string, () => unknown, string]>([
    [
      'blank text',
      () => createVoximplantClient({ credentials: '  \n' }),
      'voximplant: `credentials` must not be blank.',
    ],
    [
      `blank text in ${CREDENTIALS_ENV} is unset, not blank`,
      () => {
        vi.stubEnv(CREDENTIALS_ENV, '');
        return createVoximplantClient();
      },
      REQUIRED_NODE,
    ],
    [
      'text that holds a brace but does not start with one (neutral entry)',
      () => createNeutralClient({ credentials: 'credentials={"account_id":1}' }),
      'voximplant: `credentials` is not the JSON text of credentials.json, and a file path cannot be read here (no file system outside Node): pass the parsed credentials.json object or its JSON text.',
    ],
    [
      'an object without key_id',
      () => createVoximplantClient({ credentials: noKeyId as typeof good }),
      'voximplant: credentials: `key_id` is missing.',
    ],
    [
      'an object with account_id 0',
      () => createVoximplantClient({ credentials: { ...good, account_id: 0 } }),
      'voximplant: credentials: `account_id` must be a positive integer (a JSON number).',
    ],
    [
      `JSON text in ${CREDENTIALS_ENV} without key_id`,
      () => {
        vi.stubEnv(CREDENTIALS_ENV, JSON.stringify(noKeyId));
        return createNeutralClient();
      },
      `voximplant: the JSON text in ${CREDENTIALS_ENV}: \`key_id\` is missing.`,
    ],
    [
      'a file holding a PEM key alone after a blank line',
      () => createVoximplantClient({ credentials: tempFile('key.pem', `\n\n${good.private_key}`) }),
      'voximplant: the file named by `credentials` holds a PEM key alone; it must be the whole credentials.json (account_id, key_id and private_key), as an object or its JSON text: the token also needs the key id and the account id.',
    ],
    [
      'a file holding a number',
      () => createVoximplantClient({ credentials: tempFile('credentials.json', '42') }),
      'voximplant: the file named by `credentials` must be an object with account_id, key_id and private_key.',
    ],
    [
      'an object with account_id null',
      () => createVoximplantClient({ credentials: { ...good, account_id: null as never } }),
      'voximplant: credentials: `account_id` is missing.',
    ],
    [
      'a file holding JSON null',
      () => createVoximplantClient({ credentials: tempFile('credentials.json', 'null') }),
      'voximplant: the file named by `credentials` must be an object with account_id, key_id and private_key.',
    ],
  ])('%s', (_name, build, message) => {
    expect(messageOf(build)).toBe(message);
  });
});
