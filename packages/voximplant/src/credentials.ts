import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigurationError } from '@tenantkit/core';
import type { KeyInfo } from './generated/openapi.js';

/** The credentials file of a service-account key: exactly what `keys.create` returns. */
export type VoximplantCredentials = KeyInfo;

/** Environment variable holding the path of the credentials file (as in the official clients). */
export const CREDENTIALS_ENV = 'VOXIMPLANT_CREDENTIALS';

export interface LoadedCredentials {
  accountEmail: string;
  accountId: number;
  keyId: string;
  /** Parsed once; signing never touches the PEM text again. */
  privateKey: KeyObject;
  /** The PEM text, only so the redactor can scrub it. */
  privateKeyPem: string;
}

const fail = (message: string): never => {
  throw new ConfigurationError(`voximplant: ${message}`);
};

/**
 * Reads and checks the credentials synchronously, so a bad key fails at construction. Messages
 * name the field or the file and never echo a value, the key, or the file's contents (JSON parse
 * errors quote the text, so none is passed on, not even as `cause`).
 */
export function loadCredentials(
  source: VoximplantCredentials | string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): LoadedCredentials {
  let value: unknown = source;
  let origin = '`credentials`';
  if (value === undefined || value === null) {
    const fromEnv = env[CREDENTIALS_ENV];
    if (!fromEnv?.trim()) {
      fail(
        `\`credentials\` is required: pass the parsed credentials.json object or its path, or set ${CREDENTIALS_ENV} to the path.`,
      );
    }
    value = fromEnv;
    origin = `the file named by ${CREDENTIALS_ENV}`;
  }
  if (typeof value === 'string') {
    const path = value;
    if (path.trim() === '') fail('`credentials` must not be a blank path.');
    origin = origin === '`credentials`' ? `the credentials file ${path}` : `${origin} (${path})`;
    value = readCredentialsFile(path, origin);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(`${origin} must be an object with account_email, account_id, key_id and private_key.`);
  return checkFields(value as Record<string, unknown>, origin);
}

function readCredentialsFile(path: string, origin: string): unknown {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    fail(`cannot read ${origin}${typeof code === 'string' ? ` (${code})` : ''}.`);
  }
  try {
    return JSON.parse(text);
  } catch {
    return fail(`${origin} is not valid JSON.`);
  }
}

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
  const accountEmail = text('account_email');
  const keyId = text('key_id');
  const accountId = record.account_id;
  if (accountId === undefined || accountId === null) fail(`${field('account_id')} is missing.`);
  if (typeof accountId !== 'number' || !Number.isSafeInteger(accountId) || accountId < 1)
    fail(`${field('account_id')} must be a positive integer (a JSON number).`);
  const privateKeyPem = text('private_key');
  let privateKey: KeyObject | undefined;
  try {
    privateKey = createPrivateKey(privateKeyPem);
  } catch {
    // The crypto error is dropped: nothing derived from the key text goes into an error.
  }
  if (!privateKey)
    return fail(
      `${field('private_key')} is not a PEM private key that can be parsed (unencrypted PKCS#1 or PKCS#8).`,
    );
  if (privateKey.asymmetricKeyType !== 'rsa')
    fail(`${field('private_key')} must be an RSA key (tokens are signed with RS256).`);
  if ((privateKey.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)
    fail(`${field('private_key')} must be an RSA key of at least 2048 bits (RS256).`);
  return { accountEmail, accountId: accountId as number, keyId, privateKey, privateKeyPem };
}
