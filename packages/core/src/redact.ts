/**
 * The redactor: knows one client's secrets and scrubs them, with the pattern rules, from text,
 * values, errors, headers and URLs. Name rules live in `redact/names.ts`, a secret's encoded forms
 * in `redact/forms.ts`.
 */
import { formsOf, rememberable, tokensInLink } from './redact/forms.js';
import { isSecretKey, REDACTED, scrubNamedValues } from './redact/names.js';

export { isSecretKey, REDACTED } from './redact/names.js';

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
/** A bounded copy (`bounded`) keeps at most this many values and strings this long. */
const MAX_KEPT_NODES = 500;
const MAX_KEPT_CHARS = 2_000;
const MAX_DEPTH = 12;
const TRUNCATED = '[Truncated]';

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

/** A redactor with no known secret values: still catches JWTs, PEM keys and secret field names. */
export const baseRedactor = new Redactor();
