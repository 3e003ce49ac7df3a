/** Replaces every secret the SDK knows of, so no error, log line or inspection can leak one. */
export const REDACTED = '[REDACTED]';

/** Field names whose values are secrets wherever they appear (headers, bodies, query strings). */
const SECRET_KEY =
  /pass(?:word)?|secret|token|api[-_]?key|authorization|private[-_]?key|credential|cookie|sign_in_link|signature/i;
/** The same names, searched for in free text (global: one pass, left to right). */
const SECRET_NAME_IN_TEXT = new RegExp(SECRET_KEY.source, 'gi');

/*
 * Shapes found by pattern. Each runs in time linear in its input (a provider controls the text, so
 * no pattern may backtrack over a long run more than a constant number of times):
 * - a PEM block starts only at `-----BEGIN `, and its lazy body tries one fixed literal per step;
 * - a JWT starts only where no `[\w-]` precedes it, so each run of such characters begins at most
 *   one attempt (the old `\b` let every `-eyJ` inside one run start a new scan to its end);
 * - a bearer value follows whitespace that the value's own characters cannot match.
 */
const PEM_BLOCK =
  /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]{0,40}PRIVATE KEY-----|$)/g;
const JWT = /(?<![\w-])eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
const BEARER = /\b(Bearer|Basic)\s+[\w\-.~+/=]+/gi;

/** How many secrets met in single calls are remembered for scrubbing. */
const MAX_ISSUED = 100;
/** Shorter values would scrub ordinary words; they are covered by name-based redaction. */
const MIN_SECRET_CHARS = 6;
/** Encoded forms shorter than this would match too much by chance. */
const MIN_FORM_CHARS = 8;
/** Longer values are not remembered (the memory stays bounded); patterns still apply. */
const MAX_SECRET_CHARS = 8_192;
/** A bounded copy (`bounded`) keeps at most this many values and strings this long. */
const MAX_KEPT_NODES = 500;
const MAX_KEPT_CHARS = 2_000;
const MAX_DEPTH = 12;
const TRUNCATED = '[Truncated]';

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** Cuts an already scrubbed text to `max` characters, marking the cut. */
export function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Knows the secret values of one client (API keys, tokens, the JWT it signed, and everything it
 * sent or received under a secret name) and scrubs them, in plain, URL-encoded, base64, JSON- and
 * HTML-escaped form, plus anything shaped like a JWT, a PEM private key, a bearer credential or a
 * `name=value` / `name: value` / `"name": "value"` pair with a secret name.
 */
export class Redactor {
  /** The client's own secrets, with the forms to look for. */
  readonly #secrets = new Map<string, readonly string[]>();
  /** Secrets met in single calls (see `rememberSecret`), oldest first, bounded. */
  readonly #issued = new Map<string, readonly string[]>();
  /** Every form of every secret, longest first; rebuilt after a change. */
  #needles: string[] | undefined;

  // Stryker disable next-line ArrayDeclaration: a mutant's filler string is no secret any text holds
  constructor(secrets: Iterable<string | undefined> = []) {
    for (const secret of secrets) this.addSecret(secret);
  }

  addSecret(secret: string | undefined): void {
    if (!rememberable(secret) || this.#secrets.has(secret)) return;
    this.#secrets.set(secret, formsOf(secret));
    this.#needles = undefined;
  }

  /** Forgets a secret that can no longer be used (an expired token), so the set stays bounded. */
  removeSecret(secret: string | undefined): void {
    if (secret && this.#secrets.delete(secret)) this.#needles = undefined;
  }

  /**
   * Remembers a secret met in one call — the credentials of a sub-account just created, a password
   * sent — so an answer or error that echoes it is scrubbed. Bounded: the oldest go. A link (a
   * sign-in link) also brings its long path segments and query values: the token inside it.
   */
  rememberSecret(...secrets: unknown[]): void {
    for (const secret of secrets) {
      if (!rememberable(secret)) continue;
      for (const part of [secret, ...tokensInLink(secret)]) {
        // Stryker disable next-line ConditionalExpression: setting a key again keeps its place and the size (a Map)
        if (this.#issued.has(part)) continue;
        this.#issued.set(part, formsOf(part));
        this.#needles = undefined;
        if (this.#issued.size > MAX_ISSUED) this.#issued.delete(this.#issued.keys().next().value!);
      }
    }
  }

  /** Remembers every string found under a secret field name in `value` (a request or an answer). */
  rememberSecretsIn(value: unknown, depth = 0): void {
    if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return;
    // Stryker disable next-line ConditionalExpression,BlockStatement: walked as an object, a list gives the same (index keys name no secret)
    if (Array.isArray(value)) {
      for (const item of value) this.rememberSecretsIn(item, depth + 1);
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string') {
        if (isSecretKey(key)) this.rememberSecret(item);
      } else this.rememberSecretsIn(item, depth + 1);
    }
  }

  text(input: string): string {
    return scrubNamedValues(this.tokens(input).replace(PEM_BLOCK, REDACTED));
  }

  /**
   * The known secrets, every JWT and every bearer credential, but no name rule and no PEM rule
   * (an unterminated block runs to the end of the text), for text whose structure must survive
   * (JSON printed by the CLI): each replacement stays inside the value it replaces. A JWT is a
   * secret wherever it appears: one the client signed may come back in any field of an answer.
   */
  tokens(input: string): string {
    return this.known(input).replace(JWT, REDACTED).replace(BEARER, `$1 ${REDACTED}`);
  }

  /**
   * Only the known secrets, in every form (no pattern rules). Every character inside any occurrence
   * is redacted, overlaps included.
   */
  known(input: string): string {
    // Stryker disable next-line MethodExpression,ArrowFunction,ArithmeticOperator: every occurrence of every form becomes a span, so the order of the needles changes nothing
    this.#needles ??= [...this.#secrets.values(), ...this.#issued.values()]
      .flat()
      // Stryker disable next-line ArrowFunction,ArithmeticOperator: as above
      .sort((a, b) => b.length - a.length);
    const spans: Array<[number, number]> = [];
    for (const needle of this.#needles) {
      for (let at = input.indexOf(needle); at !== -1; at = input.indexOf(needle, at + 1))
        spans.push([at, at + needle.length]);
    }
    // Stryker disable next-line ConditionalExpression: a shortcut; the loop below returns the input unchanged too
    if (spans.length === 0) return input;
    spans.sort((a, b) => a[0] - b[0]);
    let out = '';
    let copied = 0;
    for (const [start, end] of spans) {
      // Stryker disable next-line EqualityOperator: a span ending where the copy ends adds nothing either way
      if (end <= copied) continue;
      if (start >= copied) out += input.slice(copied, start) + REDACTED;
      copied = end;
    }
    return out + input.slice(copied);
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
  value(value: unknown): unknown {
    return this.#copy(value, Infinity, Infinity);
  }

  /**
   * `value`, small enough to keep in an error or a log record: strings scrubbed whole, then cut to
   * 2,000 characters; at most 500 values in all (the rest replaced by `[Truncated]`).
   */
  bounded(value: unknown): unknown {
    return this.#copy(value, MAX_KEPT_NODES, MAX_KEPT_CHARS);
  }

  #copy(value: unknown, maxNodes: number, maxChars: number): unknown {
    let budget = maxNodes;
    const copy = (item: unknown, depth: number): unknown => {
      if (typeof item === 'string') return cut(this.text(item), maxChars);
      if (item === null || typeof item !== 'object') return item;
      if (depth > MAX_DEPTH) return TRUNCATED;
      const entries = Array.isArray(item) ? item.entries() : Object.entries(item);
      const out: Record<string, unknown> | unknown[] = Array.isArray(item) ? [] : {};
      for (const [key, field] of entries) {
        if (--budget < 0) {
          if (Array.isArray(out)) out.push(TRUNCATED);
          else out['…'] = TRUNCATED;
          break;
        }
        (out as Record<string, unknown>)[key] =
          // Stryker disable next-line ConditionalExpression: a list index is a number, whose text names no secret
          typeof key === 'string' && isSecretKey(key) && field !== null && field !== undefined
            ? REDACTED
            : copy(field, depth + 1);
      }
      return out;
    };
    return copy(value, 0);
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

function rememberable(secret: unknown): secret is string {
  return (
    typeof secret === 'string' &&
    secret.length >= MIN_SECRET_CHARS &&
    secret.length <= MAX_SECRET_CHARS
  );
}

/** The long path segments and query values of a link: the tokens a sign-in link carries. */
function tokensInLink(secret: string): string[] {
  if (!/^https?:\/\//i.test(secret)) return [];
  try {
    const url = new URL(secret);
    return [...url.pathname.split('/'), ...url.searchParams.values()].filter(
      (part) => part.length >= 12 && part.length <= MAX_SECRET_CHARS,
    );
  } catch {
    return [];
  }
}

/**
 * The ways a secret shows up in text a provider echoes: as is, URL- or form-encoded, escaped in
 * JSON or HTML, and in base64 (standalone, and the parts fixed whatever bytes precede it).
 */
function formsOf(secret: string): string[] {
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams([['', secret]]).toString().slice(1),
    JSON.stringify(secret).slice(1, -1),
    escapeHtml(secret),
    escapeHtml(secret)
      .replace(/&#39;/g, '&#x27;')
      .replace(/&quot;/g, '&#34;'),
  ]);
  const bytes = new TextEncoder().encode(secret);
  // Stryker disable next-line EqualityOperator: offset 3 is offset 0 shifted by one whole 4-character group
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const encoded = base64(padded);
    // Only whole 3-byte groups made of the secret's own bytes encode the same in any context.
    const core = encoded.slice(offset === 0 ? 0 : 4, Math.floor(padded.length / 3) * 4);
    for (const form of offset === 0 ? [encoded, encoded.replace(/=+$/, ''), core] : [core]) {
      forms.add(form);
      forms.add(form.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...forms].filter((form) => form === secret || form.length >= MIN_FORM_CHARS);
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]!);

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

// --- `name=value`, `name: value` and `"name": "value"` with a secret name, in one linear scan ---

const isNameChar = (code: number) =>
  (code >= 48 && code <= 57) || // 0-9
  (code >= 65 && code <= 90) || // A-Z
  (code >= 97 && code <= 122) || // a-z
  code === 95 || // _
  code === 45 || // -
  code === 46; // .
const isSpace = (char: string | undefined) =>
  char === ' ' || char === '\t' || char === '\n' || char === '\r';
const QUOTES = `"'`;
/** Where a `name=value` value ends (a password may hold `'` or `)`, which URLs leave as is). */
const PARAM_END = '&# \t\n\r';
/** Where a `name: value` value ends. */
const LABEL_END = `${PARAM_END}"',;)}]`;

/**
 * Finds each secret name in `text` (one regex pass), widens it to its whole name (`X-Auth-Token`,
 * `new_subuser_password`), and redacts the value that follows it. Every character is looked at a
 * bounded number of times: the search resumes after the name or value just handled.
 */
function scrubNamedValues(text: string): string {
  let out = '';
  let copied = 0;
  let searchedTo = 0;
  SECRET_NAME_IN_TEXT.lastIndex = 0;
  for (let hit = SECRET_NAME_IN_TEXT.exec(text); hit; hit = SECRET_NAME_IN_TEXT.exec(text)) {
    let start = hit.index;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the character at searchedTo never is a name character (names and values end at a stop), so this only bounds the work
    while (start > searchedTo && isNameChar(text.charCodeAt(start - 1))) start--;
    let end = SECRET_NAME_IN_TEXT.lastIndex;
    while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
    const value = valueAfterName(text, start, end);
    searchedTo = value ? value[1] : end;
    SECRET_NAME_IN_TEXT.lastIndex = searchedTo;
    if (!value) continue;
    out += text.slice(copied, value[0]) + value[2];
    copied = value[1];
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** The value after a secret name at [start, end): where it starts, ends, and what replaces it. */
function valueAfterName(
  text: string,
  start: number,
  end: number,
): [number, number, string] | undefined {
  // `"name": "value"`: JSON quoted in free text (a parser error echoing the body).
  if (text[start - 1] === '"' && text[end] === '"') {
    let at = skipSpaces(text, end + 1);
    if (text[at] === ':') {
      at = skipSpaces(text, at + 1);
      if (text[at] === '"') {
        let close = at + 1;
        // Stryker disable next-line EqualityOperator: one step past the end is clamped by Math.min below
        while (close < text.length && text[close] !== '"') close += text[close] === '\\' ? 2 : 1;
        return [at, Math.min(close + 1, text.length), `"${REDACTED}"`];
      }
    }
  }
  // `name=value` of a URL or form body.
  if (text[end] === '=') {
    // Stryker disable next-line ArithmeticOperator: text[end - 1] and text[end] are a name character and '=', never stops
    const valueEnd = runUntil(text, end + 1, PARAM_END);
    if (valueEnd === end + 1 || text.startsWith(REDACTED, end + 1)) return undefined;
    return [end + 1, valueEnd, REDACTED];
  }
  // `X-Auth-Token: value` in prose or a header dump, optionally quoted.
  let at = end;
  // Stryker disable next-line StringLiteral: past the end of the text no ':' can follow either way
  if (QUOTES.includes(text[at] ?? '-')) at++;
  at = skipSpaces(text, at);
  if (text[at] !== ':') return undefined;
  at = skipSpaces(text, at + 1);
  // Stryker disable next-line StringLiteral: past the end of the text the value is empty either way
  if (QUOTES.includes(text[at] ?? '-')) at++;
  // `[REDACTED]` already; a bearer value (its own rule); an array or object opening, not a value.
  if (text.startsWith(REDACTED, at) || /^(?:Bearer|Basic)\s|^[[{]/i.test(text.slice(at, at + 7)))
    return undefined;
  const valueEnd = runUntil(text, at, LABEL_END);
  return valueEnd === at ? undefined : [at, valueEnd, REDACTED];
}

function skipSpaces(text: string, at: number): number {
  while (isSpace(text[at])) at++;
  return at;
}

function runUntil(text: string, at: number, stops: string): number {
  // Stryker disable next-line EqualityOperator: one step past the end changes no slice
  while (at < text.length && !stops.includes(text[at]!)) at++;
  return at;
}

/** A redactor with no known secret values: still catches JWTs, PEM keys and secret field names. */
export const baseRedactor = new Redactor();
