/**
 * The edges of redaction a provider's text can reach: which characters a secret name runs over,
 * the whitespace between a label and its value, escaped quotes, empty values, the encodings of
 * a known secret (HTML, base64 with and without padding, base64url), secrets met in links, the
 * nesting depth and size bounds. Each row says what the user sees.
 */
import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from '../src/index.js';

const VALUE = 's3cr3t-v4lue-9f8e7d';

describe('Redactor.text: how far a secret name reaches', () => {
  // Each character a name may hold, at both ends of its range, right after the secret word.
  it.each(['0', '9', 'A', 'Z', 'a', 'z', '_', '-', '.'])(
    'a name like token%sx=… is one name, so its value is redacted',
    (char) => {
      expect(new Redactor().text(`token${char}x=${VALUE}&page=2`)).toBe(
        `token${char}x=${REDACTED}&page=2`,
      );
    },
  );

  it.each([
    ['a space', `token: ${VALUE}`],
    ['a tab', `token:\t${VALUE}`],
    ['a line break', `token:\n${VALUE}`],
    ['CR LF', `token:\r\n${VALUE}`],
    ['spaces before the colon', `token \t:${VALUE}`],
  ])('a label and its value separated by %s', (_name, text) => {
    const out = new Redactor().text(text);
    expect(out).not.toContain(VALUE);
    expect(out.endsWith(REDACTED)).toBe(true);
  });

  it('a JSON field whose name only contains the secret word, with an escaped quote in its value', () => {
    expect(new Redactor().text(`{"x_api_key_2": "ab\\"${VALUE}", "n": 1}`)).toBe(
      `{"x_api_key_2": "${REDACTED}", "n": 1}`,
    );
  });

  it('a JSON field holding a number keeps the structure around it', () => {
    expect(new Redactor().text('{"token": 12345678, "name": "bob"}')).toBe(
      `{"token": ${REDACTED}, "name": "bob"}`,
    );
  });

  it.each([
    ['an empty parameter', 'token=&page=2'],
    ['a parameter at the very end', 'page=2&token='],
    ['a label with nothing after it', 'token: , next'],
    ['a name at the very end', 'the header was X-Auth-Token'],
  ])('%s is left as it is: nothing to hide', (_name, text) => {
    expect(new Redactor().text(text)).toBe(text);
  });

  it.each([
    ['holding "Basic" inside', `secret: xBasic tail`, `secret: ${REDACTED} tail`],
    ['holding a brace', 'token: ab{cdefgh', `token: ${REDACTED}`],
  ])('a label value %s is still a value', (_name, text, expected) => {
    expect(new Redactor().text(text)).toBe(expected);
  });
});

describe('Redactor: known secrets in every position and form', () => {
  const short = 'short-secret-1';
  const long = 'a-much-longer-secret-value-2';

  it('two secrets, the shorter one first in the text, both go', () => {
    const out = new Redactor([short, long]).text(`a ${short} b ${long} c`);
    expect(out).toBe(`a ${REDACTED} b ${REDACTED} c`);
  });

  it('adjacent and repeated secrets each go, the text between them stays', () => {
    const out = new Redactor([short, long]).known(`${long}${short}|${short}.${short}`);
    expect(out).toBe(`${REDACTED}${REDACTED}|${REDACTED}.${REDACTED}`);
  });

  it('a secret holding HTML special characters, echoed with any common entity', () => {
    const secret = `pa'ss"wo<rd>&-123`;
    const redactor = new Redactor([secret]);
    for (const echo of [
      'pa&#39;ss&quot;wo&lt;rd&gt;&amp;-123',
      'pa&#x27;ss&#34;wo&lt;rd&gt;&amp;-123',
    ]) {
      expect(redactor.known(`<p>${echo}</p>`)).toBe(`<p>${REDACTED}</p>`);
    }
  });

  it.each([
    ['a length that is a multiple of 3', 'abcdefghi'],
    ['one byte over', 'abcdefghij'],
    ['two bytes over', 'abcdefghijk'],
  ])('base64 of a secret (%s): padded, unpadded and base64url', (_name, secret) => {
    const redactor = new Redactor([secret]);
    const padded = Buffer.from(secret).toString('base64');
    for (const echo of [
      padded,
      padded.replace(/=+$/, ''),
      Buffer.from(secret).toString('base64url'),
    ])
      expect(redactor.known(`got ${echo}.`)).toBe(`got ${REDACTED}.`);
  });

  it('base64url of a secret whose base64 holds + and /', () => {
    const secret = 'ab>?c???d>?e';
    const standard = Buffer.from(secret).toString('base64');
    expect(standard).toMatch(/\+/);
    expect(standard).toMatch(/\//);
    const urlSafe = Buffer.from(secret).toString('base64url');
    expect(new Redactor([secret]).known(`[${urlSafe}]`)).toBe(`[${REDACTED}]`);
  });

  it('a secret of six characters is caught in base64 too (an eight-character form)', () => {
    const secret = 'x9Q!z4';
    const encoded = Buffer.from(secret).toString('base64');
    expect(encoded).toHaveLength(8);
    expect(new Redactor([secret]).known(`b64 ${encoded} end`)).toBe(`b64 ${REDACTED} end`);
  });

  it('secrets up to 8,192 characters are remembered; longer ones only by pattern', () => {
    const atLimit = `${'k'.repeat(8_191)}1`;
    const over = `${'k'.repeat(8_192)}2`;
    expect(new Redactor([atLimit]).known(atLimit)).toBe(REDACTED);
    expect(new Redactor([over]).known(over)).toBe(over);
  });
});

describe('Redactor.rememberSecret: links bring their tokens', () => {
  const token12 = 'abcdefghijkl';

  it.each([
    ['https', `https://app.test/login/${token12}`],
    ['http', `http://app.test/login/${token12}`],
    ['upper-case scheme', `HTTPS://app.test/login/${token12}`],
    ['a query value', `https://app.test/login?t=${token12}`],
  ])('a %s link: its path segments and query values of 12+ characters', (_name, link) => {
    const redactor = new Redactor();
    redactor.rememberSecret(link);
    expect(redactor.known(`token ${token12} seen`)).toBe(`token ${REDACTED} seen`);
  });

  it('a segment of 11 characters is an ordinary word, not a token', () => {
    const redactor = new Redactor();
    redactor.rememberSecret('https://app.test/login/abcdefghijk');
    expect(redactor.known('see abcdefghijk')).toBe('see abcdefghijk');
  });

  it('text that only contains a link is not a link: its parts are not remembered', () => {
    const redactor = new Redactor();
    redactor.rememberSecret(`see https://app.test/login/${token12}`);
    expect(redactor.known(`word ${token12}`)).toBe(`word ${token12}`);
  });

  it('a link URL cannot parse is still remembered whole', () => {
    const redactor = new Redactor();
    const link = `http://[bad/${token12}`;
    expect(() => redactor.rememberSecret(link)).not.toThrow();
    expect(redactor.known(`at ${link} !`)).toBe(`at ${REDACTED} !`);
    expect(redactor.known(token12)).toBe(token12);
  });
});

describe('Redactor.rememberSecretsIn: what it walks', () => {
  const nest = (depth: number, inner: unknown, wrap: (x: unknown) => unknown) => {
    let value = inner;
    for (let i = 0; i < depth; i++) value = wrap(value);
    return value;
  };

  it('secret fields inside lists and nulls beside them', () => {
    const redactor = new Redactor();
    redactor.rememberSecretsIn({ users: [{ password: 'pw-in-a-list-1', note: null }], n: null });
    expect(redactor.known('pw-in-a-list-1')).toBe(REDACTED);
  });

  it('objects twelve levels down are walked; deeper ones are not (hostile nesting is bounded)', () => {
    const at12 = new Redactor();
    at12.rememberSecretsIn(nest(12, { password: 'deep-pw-12' }, (x) => ({ a: x })));
    expect(at12.known('deep-pw-12')).toBe(REDACTED);
    const at13 = new Redactor();
    at13.rememberSecretsIn(nest(13, { password: 'deep-pw-13' }, (x) => ({ a: x })));
    expect(at13.known('deep-pw-13')).toBe('deep-pw-13');
  });

  it('lists count toward the depth bound as objects do', () => {
    const redactor = new Redactor();
    redactor.rememberSecretsIn(nest(13, { password: 'list-pw-13' }, (x) => [x]));
    expect(redactor.known('list-pw-13')).toBe('list-pw-13');
  });
});

describe('Redactor.value and bounded: copies', () => {
  it('a list is copied as a list of the same length', () => {
    expect(new Redactor().value(['a', 'b'])).toEqual(['a', 'b']);
    expect(new Redactor().value({ list: [] })).toEqual({ list: [] });
  });

  it('bounded keeps 500 values; the 501st and later become one [Truncated] marker', () => {
    const list = Array.from({ length: 501 }, (_, i) => i);
    expect(new Redactor().bounded(list.slice(0, 500))).toEqual(list.slice(0, 500));
    expect(new Redactor().bounded(list)).toEqual([...list.slice(0, 500), '[Truncated]']);
    const object = Object.fromEntries(list.map((i) => [`k${i}`, i]));
    const kept = new Redactor().bounded(object) as Record<string, unknown>;
    expect(Object.keys(kept)).toHaveLength(501);
    expect(kept['…']).toBe('[Truncated]');
    expect(kept.k499).toBe(499);
    expect(kept.k500).toBeUndefined();
  });
});
