import { ConfigurationError } from '@tenantkit/core';

/** The API rejects a token whose `exp` is more than an hour after its `iat` (error 454). */
export const MAX_TOKEN_TTL_SECONDS = 3600;
/** Shorter lifetimes leave too little time between signing and renewing. */
export const MIN_TOKEN_TTL_SECONDS = 30;
/** `iat` is backdated this much, so a server clock slightly behind ours does not answer 455. */
export const CLOCK_SKEW_SECONDS = 5;

export interface TokenSourceOptions {
  /** The private key as PKCS#8 DER, already checked (`checkPrivateKey`). */
  pkcs8: Uint8Array<ArrayBuffer>;
  keyId: string;
  /** `iss`: the credentials' account, or the child account being managed. */
  accountId: number;
  /** `exp - iat`, at most 3600. */
  ttlSeconds: number;
  /** Called with every new token (the client registers it with its redactor). */
  onToken: (token: string) => void;
  /** Clock in ms; `Date.now` (tests fake it with `vi.useFakeTimers`). */
  now?: () => number;
}

type AuthHeaders = Readonly<{ Authorization: string }>;

const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const utf8 = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  // Stryker disable next-line Regex: btoa puts its = padding only at the end
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const jsonPart = (value: object) => base64url(utf8.encode(JSON.stringify(value)));

/**
 * A compact RS256 JWT (RFC 7515/7519), signed with WebCrypto: the same code in Node, Bun, Deno,
 * workerd and browsers, no Node built-in.
 */
export async function signJwt(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  key: CryptoKey,
): Promise<string> {
  const input = `${jsonPart(header)}.${jsonPart(claims)}`;
  const signature = await crypto.subtle.sign(RS256, key, utf8.encode(input));
  return `${input}.${base64url(new Uint8Array(signature))}`;
}

/**
 * Signs one RS256 JWT and reuses it for every call until shortly before it expires (the official
 * client signs per call). Concurrent callers share one in-flight signature.
 */
export class TokenSource {
  readonly #options: TokenSourceOptions;
  readonly #renewBeforeMs: number;
  #cached: { headers: AuthHeaders; renewAtMs: number } | undefined;
  #signing: Promise<AuthHeaders> | undefined;
  /** Imported once, on first use: WebCrypto's import is asynchronous. */
  #key: Promise<CryptoKey> | undefined;

  constructor(options: TokenSourceOptions) {
    this.#options = options;
    // Renew a minute early (a quarter of the lifetime for short ones) so no request leaves with
    // a token that expires in flight.
    this.#renewBeforeMs = Math.min(60, Math.floor(options.ttlSeconds / 4)) * 1000;
  }

  /** `{Authorization: 'Bearer …'}`: the cached token synchronously, else a shared signing. */
  authHeaders(): AuthHeaders | Promise<AuthHeaders> {
    const cached = this.#cached;
    if (cached && this.#now() < cached.renewAtMs) return cached.headers;
    this.#signing ??= this.#sign().finally(() => {
      this.#signing = undefined;
    });
    return this.#signing;
  }

  /** Drops the cached token, e.g. after the API refused it; the next call signs a new one. */
  invalidate(): void {
    this.#cached = undefined;
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  #importKey(): Promise<CryptoKey> {
    this.#key ??= crypto.subtle
      .importKey(
        'pkcs8',
        this.#options.pkcs8,
        RS256,
        // Stryker disable next-line BooleanLiteral: the CryptoKey never leaves this class, so whether it could be exported is not observable
        false,
        ['sign'],
      )
      .catch(() => {
        // The DER was checked at construction; a key WebCrypto still refuses (inconsistent
        // numbers) fails every call the same way. The platform's error is dropped: it is about the key.
        throw new ConfigurationError(
          'voximplant: credentials: `private_key` could not be imported for RS256 signing (the key is malformed).',
        );
      });
    return this.#key;
  }

  async #sign(): Promise<AuthHeaders> {
    const { keyId, accountId, ttlSeconds, onToken } = this.#options;
    const key = await this.#importKey();
    const iat = Math.floor(this.#now() / 1000) - CLOCK_SKEW_SECONDS;
    const exp = iat + ttlSeconds;
    // `iss` is the account id as a JSON number, as the API expects.
    const token = await signJwt(
      { alg: 'RS256', typ: 'JWT', kid: keyId },
      { iss: accountId, iat, exp },
      key,
    );
    onToken(token);
    const headers: AuthHeaders = Object.freeze({ Authorization: `Bearer ${token}` });
    this.#cached = { headers, renewAtMs: exp * 1000 - this.#renewBeforeMs };
    return headers;
  }
}
