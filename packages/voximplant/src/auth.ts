import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';

/** The API rejects a token whose `exp` is more than an hour after its `iat` (error 454). */
export const MAX_TOKEN_TTL_SECONDS = 3600;
/** Shorter lifetimes leave too little time between signing and renewing. */
export const MIN_TOKEN_TTL_SECONDS = 30;
/** `iat` is backdated this much, so a server clock slightly behind ours does not answer 455. */
export const CLOCK_SKEW_SECONDS = 5;

export interface TokenSourceOptions {
  privateKey: KeyObject;
  keyId: string;
  /** `iss`: the credentials' account, or the child account being managed. */
  accountId: number;
  /** `exp - iat`, at most 3600. */
  ttlSeconds: number;
  /** Called with every new token (the client registers it with its redactor). */
  onToken?: (token: string) => void;
  /** Clock in ms; `Date.now` (tests fake it with `vi.useFakeTimers`). */
  now?: () => number;
}

type AuthHeaders = Readonly<Record<string, string>>;

/**
 * Signs one RS256 JWT and reuses it for every call until shortly before it expires (the official
 * client signs per call). Concurrent callers share one in-flight signature.
 */
export class TokenSource {
  readonly #options: TokenSourceOptions;
  readonly #renewBeforeMs: number;
  #cached: { headers: AuthHeaders; renewAtMs: number } | undefined;
  #signing: Promise<AuthHeaders> | undefined;

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

  async #sign(): Promise<AuthHeaders> {
    const { privateKey, keyId, accountId, ttlSeconds, onToken } = this.#options;
    const iat = Math.floor(this.#now() / 1000) - CLOCK_SKEW_SECONDS;
    const exp = iat + ttlSeconds;
    // `iss` must be a JSON number; jose's setIssuer() only takes strings, so the claims are
    // passed whole (jose's payload type has an index signature for exactly this).
    const claims: Record<string, unknown> = { iss: accountId, iat, exp };
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: keyId })
      .sign(privateKey);
    onToken?.(token);
    const headers: AuthHeaders = Object.freeze({ Authorization: `Bearer ${token}` });
    this.#cached = { headers, renewAtMs: exp * 1000 - this.#renewBeforeMs };
    return headers;
  }
}
