/** Replaces every secret the SDK knows of, so no error, log line or inspection can leak one. */
export const REDACTED = '[REDACTED]';

/** Field names whose values are secrets wherever they appear (headers, bodies, query strings). */
const SECRET_KEY =
  /pass(word)?|secret|token|api[-_]?key|authorization|private[-_]?key|credential|cookie|sign_in_link|signature/i;

// Non-capturing, so the groups of the patterns built from it keep their numbers.
const SECRET_NAME = `[\\w.-]*(?:${SECRET_KEY.source.replace(/\((?!\?)/g, '(?:')})[\\w.-]*`;
/**
 * `password=…` of a URL or form body quoted inside free text (an error message, a log line). The
 * value runs to the next `&`, space or `#`: a password may hold `'` or `)`, which a URL leaves as is.
 */
const SECRET_PARAM = new RegExp(`(${SECRET_NAME})=(?!\\[REDACTED\\])[^&\\s#]+`, 'gi');
/** `X-Auth-Token: …` in prose or a header dump. Runs after the JSON rule, which handles quoted values. */
const SECRET_LABEL = new RegExp(
  `(${SECRET_NAME})(\\s*["']?\\s*:\\s*["']?)(?!\\[REDACTED\\]|(?:Bearer|Basic)\\s)[^\\s"'&#,;)}\\]]+`,
  'gi',
);
/** How many secrets met in single calls are remembered for scrubbing. */
const MAX_ISSUED = 100;
/** `"password": "…"` in JSON quoted inside free text (a parser error echoing the body). */
const SECRET_JSON_FIELD = new RegExp(`("${SECRET_NAME}"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"?`, 'gi');
const JWT = /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
const PEM_BLOCK = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g;
const BEARER = /\b(Bearer|Basic)\s+[\w\-.~+/=]+/gi;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/**
 * Knows the secret values of one client (API keys, tokens, the JWT it signed) and scrubs them,
 * plus anything shaped like a JWT, a PEM private key or a bearer credential.
 */
export class Redactor {
  readonly #secrets = new Set<string>();
  /** Secrets met in single calls (see `rememberSecret`), newest last, bounded. */
  readonly #issued: string[] = [];

  constructor(secrets: Iterable<string | undefined> = []) {
    for (const secret of secrets) this.addSecret(secret);
  }

  addSecret(secret: string | undefined): void {
    // Very short values would scrub ordinary words; they are covered by key-based redaction.
    if (secret && secret.length >= 6) this.#secrets.add(secret);
  }

  /** Forgets a secret that can no longer be used (an expired token), so the set stays bounded. */
  removeSecret(secret: string | undefined): void {
    if (secret) this.#secrets.delete(secret);
  }

  /**
   * Remembers a secret met in one call — the credentials of a sub-account just created, a password
   * sent in a query — so an answer or error that echoes it is scrubbed. Bounded: the oldest go.
   */
  rememberSecret(...secrets: unknown[]): void {
    for (const secret of secrets) {
      if (typeof secret !== 'string' || secret.length < 6 || this.#issued.includes(secret))
        continue;
      this.#issued.push(secret);
      if (this.#issued.length > MAX_ISSUED) this.#issued.shift();
    }
  }

  text(input: string): string {
    let out = input;
    // Longest first: a secret that is a prefix of another must not leave the other's tail behind.
    const known = [...this.#secrets, ...this.#issued].sort((a, b) => b.length - a.length);
    for (const secret of known) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out
      .replace(PEM_BLOCK, REDACTED)
      .replace(JWT, REDACTED)
      .replace(BEARER, `$1 ${REDACTED}`)
      .replace(SECRET_JSON_FIELD, `$1"${REDACTED}"`)
      .replace(SECRET_PARAM, `$1=${REDACTED}`)
      .replace(SECRET_LABEL, `$1$2${REDACTED}`);
  }

  /**
   * A scrubbed copy of an error we did not create (a fetch failure, a parser error), fit to be a
   * `cause`: same name, `code` and cause chain, message and stack redacted. The original may quote
   * a URL with secrets in its query or a body, and `util.inspect` prints causes in full.
   */
  error(error: unknown, depth = 0): Error {
    if (!(error instanceof Error)) return new Error(this.text(String(error)));
    const copy = new Error(this.text(error.message));
    Object.defineProperty(copy, 'name', { value: error.name, configurable: true, writable: true });
    copy.stack = error.stack === undefined ? undefined : this.text(error.stack);
    const { code } = error as { code?: unknown };
    if (typeof code === 'string' || typeof code === 'number') {
      Object.defineProperty(copy, 'code', { value: code, enumerable: true });
    }
    if (error.cause !== undefined && depth < 4) {
      Object.defineProperty(copy, 'cause', {
        value: this.error(error.cause, depth + 1),
        configurable: true,
        writable: true,
      });
    }
    return copy;
  }

  /** Deep copy of `value` with secret fields replaced and secret values scrubbed from strings. */
  value(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object') return value;
    if (depth > 12) return '[Truncated]';
    if (Array.isArray(value)) return value.map((item) => this.value(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] =
        isSecretKey(key) && item !== null && item !== undefined
          ? REDACTED
          : this.value(item, depth + 1);
    }
    return out;
  }

  headers(headers: Headers | Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
    for (const [key, item] of entries) out[key] = isSecretKey(key) ? REDACTED : this.text(item);
    return out;
  }

  url(url: string): string {
    const queryStart = url.indexOf('?');
    if (queryStart === -1) return this.text(url);
    const params = new URLSearchParams(url.slice(queryStart + 1));
    for (const key of [...params.keys()]) if (isSecretKey(key)) params.set(key, REDACTED);
    return this.text(`${url.slice(0, queryStart)}?${params.toString()}`);
  }
}

/** A redactor with no known secret values: still catches JWTs, PEM keys and secret field names. */
export const baseRedactor = new Redactor();
