/**
 * Secrets found by their name: field names whose values are secrets wherever they appear, and in
 * free text the value after such a name (`name=value`, `name: value`, `"name": "value"`), found in
 * one linear scan.
 */

/** Replaces every secret the SDK knows of, so no error, log line or inspection can leak one. */
export const REDACTED = '[REDACTED]';

/** Field names whose values are secrets wherever they appear (headers, bodies, query strings). */
const SECRET_KEY =
  /pass(?:word)?|secret|token|api[-_]?key|authorization|private[-_]?key|credential|cookie|sign_in_link|signature/i;
/** The same names, searched for in free text (global: one pass, left to right). */
const SECRET_NAME_IN_TEXT = new RegExp(SECRET_KEY.source, 'gi');

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

const isNameChar = (code: number) =>
  (code >= 48 && code <= 57) || // 0-9
  (code >= 65 && code <= 90) || // A-Z
  (code >= 97 && code <= 122) || // a-z
  code === 95 || // _
  code === 45 || // -
  code === 46; // .
/**
 * How many characters of a key start at `at`: a name character or a bracket of a form key
 * (`auth[token]`, `auth%5Btoken%5D`: the secret word inside brackets still names the value after
 * them) is 1, an encoded bracket 3, anything else 0 (the key ends there).
 */
function keyCharsAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (isNameChar(code) || code === 91 || code === 93) return 1; // [ ]
  return /^%5[bd]/i.test(text.slice(at, at + 3)) ? 3 : 0;
}
const isSpace = (char: string | undefined) =>
  char === ' ' || char === '\t' || char === '\n' || char === '\r';
const QUOTES = `"'`;
/** Where a `name=value` value ends (a password may hold `'` or `)`, which URLs leave as is). */
const PARAM_END = '&# \t\n\r';
/** Where a `name: value` value ends. */
const LABEL_END = `${PARAM_END}"',;)}]`;

/**
 * Finds each secret name in `text` (one regex pass), widens it to its whole name (`X-Auth-Token`,
 * `new_subuser_password`, `auth[token]`), and redacts the value that follows it. Every character is looked at a
 * bounded number of times: the search resumes after the name or value just handled.
 */
export function scrubNamedValues(text: string): string {
  let out = '';
  let copied = 0;
  let searchedTo = 0;
  SECRET_NAME_IN_TEXT.lastIndex = 0;
  for (let hit = SECRET_NAME_IN_TEXT.exec(text); hit; hit = SECRET_NAME_IN_TEXT.exec(text)) {
    let start = hit.index;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the character at searchedTo never is a name character (names and values end at a stop), so this only bounds the work
    while (start > searchedTo && keyCharsAt(text, start - 1) === 1) start--;
    let end = SECRET_NAME_IN_TEXT.lastIndex;
    for (let step = keyCharsAt(text, end); step > 0; step = keyCharsAt(text, end)) end += step;
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
