import { ConfigurationError } from '@tenantkit/core';
import type { KeyInfo } from './generated/openapi.js';
import { checkPrivateKey, MIN_RSA_BITS } from './private-key.js';

/** The credentials file of a service-account key: exactly what `keys.create` returns. */
export type VoximplantCredentials = KeyInfo;

/**
 * Environment variable holding the credentials: the JSON text of credentials.json, or (in Node)
 * the path of the file, as in the official clients.
 */
export const CREDENTIALS_ENV = 'VOXIMPLANT_CREDENTIALS';

export interface LoadedCredentials {
  /** Informational only (signing does not use it); KeyInfo marks it optional, so it may be absent. */
  accountEmail: string | undefined;
  accountId: number;
  keyId: string;
  /** The key as PKCS#8 DER, checked; WebCrypto imports it on first use. */
  pkcs8: Uint8Array<ArrayBuffer>;
  /** The PEM text, only so the redactor can scrub it. */
  privateKeyPem: string;
}

/**
 * Reads a credentials file by path; only the Node entry has one (`src/node.ts`). It returns the
 * file's text, or throws an error whose `code` (ENOENT, EACCES…) may be shown.
 */
export type CredentialsFileReader = (path: string) => string;

const fail = (message: string): never => {
  throw new ConfigurationError(`voximplant: ${message}`);
};

// account_email is optional: the KeyInfo page marks it so and signing does not use it.
const REQUIRED_FIELDS = 'account_id, key_id and private_key';

/**
 * Turns `credentials` (or the environment variable) into checked credentials, synchronously, so a
 * bad key fails at construction. Accepted: the parsed credentials.json object, its JSON text (what a
 * secret manager hands out, and the only form where there is no file system), or in Node a path.
 *
 * No message ever quotes a value given for the credentials — not the text, not a path, not a field
 * — and JSON parse errors (which quote the text they choke on) are dropped, not passed as `cause`.
 */
export function loadCredentials(
  source: VoximplantCredentials | string | undefined,
  options: { env?: Record<string, string | undefined>; readFile?: CredentialsFileReader } = {},
): LoadedCredentials {
  let value: unknown = source;
  let origin = '`credentials`';
  if (value === undefined || value === null) {
    const env = options.env ?? processEnv();
    const fromEnv = env?.[CREDENTIALS_ENV];
    if (!fromEnv?.trim()) {
      fail(
        `\`credentials\` is required: pass the parsed credentials.json object or its JSON text${
          options.readFile ? ' or its path' : ''
        }, or set ${CREDENTIALS_ENV}.`,
      );
    }
    value = fromEnv;
    origin = CREDENTIALS_ENV;
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') fail(`${origin} must not be blank.`);
    if (!/^[[{]/.test(text)) {
      rejectBarePem(text, origin);
      if (!options.readFile)
        fail(
          `${origin} is not the JSON text of credentials.json, and a file path cannot be read here (no file system outside Node): pass the parsed credentials.json object or its JSON text.`,
        );
      origin = `the file named by ${origin}`;
      const fileText = readFileText(options.readFile as CredentialsFileReader, text, origin);
      rejectBarePem(fileText.trim(), origin);
      value = parseJson(fileText, `${origin} is not valid JSON.`);
    } else {
      origin = `the JSON text in ${origin}`;
      value = parseJson(text, `${origin} is not valid JSON.`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(`${origin} must be an object with ${REQUIRED_FIELDS}.`);
  return checkFields(value as Record<string, unknown>, origin);
}

/** `process.env` where there is one (Node, Bun, Deno); edge runtimes and browsers have none. */
function processEnv(): Record<string, string | undefined> | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
}

function rejectBarePem(text: string, origin: string): void {
  if (text.startsWith('-----BEGIN'))
    fail(
      `${origin} holds a PEM key alone; it must be the whole credentials.json (${REQUIRED_FIELDS}), as an object or its JSON text: the token also needs the key id and the account id.`,
    );
}

function readFileText(readFile: CredentialsFileReader, path: string, origin: string): string {
  try {
    return readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // Stryker disable next-line ConditionalExpression,StringLiteral: the one reader (the Node entry's readFileSync) always throws with a string code
    return fail(`cannot read ${origin}${typeof code === 'string' ? ` (${code})` : ''}.`);
  }
}

function parseJson(text: string, message: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fail(message);
  }
}

const KEY_PROBLEMS = {
  unparseable: 'is not a PEM private key that can be parsed (unencrypted PKCS#8 or PKCS#1).',
  encrypted: 'is an encrypted private key; pass it unencrypted (PKCS#8 or PKCS#1 PEM).',
  'not-rsa': 'must be an RSA key (tokens are signed with RS256).',
  'too-short': `must be an RSA key of at least ${MIN_RSA_BITS} bits (RS256).`,
} as const;

function checkFields(record: Record<string, unknown>, origin: string): LoadedCredentials {
  const field = (name: string) =>
    `${origin === '`credentials`' ? 'credentials' : origin}: \`${name}\``;
  const text = (name: 'account_email' | 'key_id' | 'private_key'): string => {
    const item = record[name];
    if (item === undefined || item === null) fail(`${field(name)} is missing.`);
    if (typeof item !== 'string') fail(`${field(name)} must be a string.`);
    if ((item as string).trim() === '') fail(`${field(name)} must not be blank.`);
    return item as string;
  };
  // Signing needs key_id, account_id and private_key; the email is only informational.
  const accountEmail = record.account_email === undefined ? undefined : text('account_email');
  const keyId = text('key_id');
  const accountId = record.account_id;
  if (accountId === undefined || accountId === null) fail(`${field('account_id')} is missing.`);
  if (typeof accountId !== 'number' || !Number.isSafeInteger(accountId) || accountId < 1)
    fail(`${field('account_id')} must be a positive integer (a JSON number).`);
  const privateKeyPem = text('private_key');
  const key = checkPrivateKey(privateKeyPem);
  if (!key.ok) return fail(`${field('private_key')} ${KEY_PROBLEMS[key.problem]}`);
  return { accountEmail, accountId: accountId as number, keyId, pkcs8: key.pkcs8, privateKeyPem };
}
