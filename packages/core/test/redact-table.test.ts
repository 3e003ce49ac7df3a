/**
 * Redaction as the user meets it: every shape of secret we promise to scrub, in every position a
 * provider's text can put it (alone, in prose, first or second of two, in a URL query with its key
 * encoded or not, in a JSON body, cut short, in a cause chain), checked on what comes out — no
 * piece of the secret, and the words around it intact.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from '../src/index.js';

/** True when any 8-character piece of `secret` survives in `output`. */
function leaks(output: string, secret: string): boolean {
  for (let start = 0; start + 8 <= secret.length; start++) {
    if (output.includes(secret.slice(start, start + 8))) return true;
  }
  return false;
}

function jwt(tag: string): string {
  const part = (text: string) => Buffer.from(text).toString('base64url');
  return `${part('{"alg":"RS256","typ":"JWT"}')}.${part(`{"iss":"${tag}","exp":1700000000}`)}.${part(`signature-of-${tag}-0123456789`)}`;
}

function pemBody(tag: string): string {
  return Buffer.from(`private-key-material-${tag}-`.repeat(6)).toString('base64');
}

function pem(tag: string, kind = ''): string {
  const body = pemBody(tag).replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${kind}PRIVATE KEY-----\n${body}\n-----END ${kind}PRIVATE KEY-----`;
}

/** A secret shape: how a secret value appears in text, and which part of it must never show. */
interface Shape {
  name: string;
  /** The text carrying secret number `tag`. */
  text: (tag: string) => string;
  /** The part of that text that is secret. */
  secret: (tag: string) => string;
  /** A JSON field itself (not text inside a JSON string): in a JSON body it is a member. */
  field?: true;
  /** Cut short: it runs to the end of the text, so nothing after it can be kept. */
  cut?: true;
}

const known = (tag: string) => `sk-live-known-${tag}-0123456789`;
const issued = (tag: string) => `issued-token-${tag}-9876543210`;
const value = (tag: string) => `v4lue-${tag}-hunter2-secret`;

const SHAPES: Shape[] = [
  { name: 'a known credential', text: known, secret: known },
  { name: 'a secret remembered from a call', text: issued, secret: issued },
  { name: 'a JWT', text: jwt, secret: jwt },
  { name: 'a PEM private key', text: (t) => pem(t), secret: pemBody },
  { name: 'an RSA PEM private key', text: (t) => pem(t, 'RSA '), secret: pemBody },
  { name: 'an encrypted PEM private key', text: (t) => pem(t, 'ENCRYPTED '), secret: pemBody },
  {
    name: 'a PEM private key cut short (a body limit)',
    text: (t) => pem(t).slice(0, 150),
    secret: (t) => pemBody(t).slice(0, 60),
    cut: true,
  },
  { name: 'a Bearer credential', text: (t) => `Bearer ${value(t)}`, secret: value },
  { name: 'a lower-case bearer credential', text: (t) => `bearer ${value(t)}`, secret: value },
  {
    name: 'a Basic credential',
    text: (t) => `Basic ${Buffer.from(`user:${value(t)}`).toString('base64')}`,
    secret: (t) => Buffer.from(`user:${value(t)}`).toString('base64'),
  },
  {
    name: 'a Bearer credential with ~+/= in it',
    text: (t) => `Bearer ab~cd+ef/${value(t)}==`,
    secret: (t) => `ab~cd+ef/${value(t)}==`,
  },
  {
    name: 'a JSON password field',
    text: (t) => `"password": "${value(t)}"`,
    secret: value,
    field: true,
  },
  {
    name: 'a JSON api_key field, no space',
    text: (t) => `"api_key":"${value(t)}"`,
    secret: value,
    field: true,
  },
  {
    name: 'an upper-case JSON field',
    text: (t) => `"X_AUTH_TOKEN" : "${value(t)}"`,
    secret: value,
    field: true,
  },
  {
    name: 'a JSON field whose value holds an escaped quote',
    text: (t) => `"auth_token": "ab\\"${value(t)}"`,
    secret: value,
    field: true,
  },
  {
    name: 'a JSON field cut before its closing quote',
    text: (t) => `"api_key": "${value(t)}`,
    secret: value,
    field: true,
    cut: true,
  },
  { name: 'a password=… parameter', text: (t) => `password=${value(t)}`, secret: value },
  { name: 'an upper-case API_KEY=… parameter', text: (t) => `API_KEY=${value(t)}`, secret: value },
  {
    name: 'a parameter holding quotes and brackets',
    text: (t) => `new_subuser_password='${value(t)})'`,
    secret: value,
  },
  { name: 'an X-Auth-Token: … label', text: (t) => `X-Auth-Token: ${value(t)}`, secret: value },
  { name: 'an upper-case SECRET: … label', text: (t) => `SECRET: ${value(t)}`, secret: value },
  {
    name: "a quoted 'client_secret': … label",
    text: (t) => `'client_secret': '${value(t)}'`,
    secret: value,
  },
];

function redactor(): Redactor {
  const redactor = new Redactor([known('A'), known('B'), undefined]);
  redactor.rememberSecret(issued('A'), issued('B'));
  return redactor;
}

/** A JSON member carrying the shape: the field itself, or the text as a string value. */
function member(shape: Shape, tag: string): string {
  return shape.field ? shape.text(tag) : `"message":${JSON.stringify(shape.text(tag))}`;
}

/**
 * Where a provider's text can put a secret. `before`/`after` are words around it that must stay
 * readable (what follows a secret cut short is gone with it: it runs to the end of the text).
 */
const POSITIONS: Array<{
  name: string;
  wrap: (shape: Shape) => string;
  secrets: Array<'A' | 'B'>;
  before: string[];
  after: string[];
}> = [
  { name: 'alone', wrap: (shape) => shape.text('A'), secrets: ['A'], before: [], after: [] },
  {
    name: 'in prose',
    wrap: (shape) => `the provider said: ${shape.text('A')} (request req_42)`,
    secrets: ['A'],
    before: ['the provider said:'],
    after: ['req_42'],
  },
  {
    name: 'first and second of two',
    wrap: (shape) => `first ${shape.text('A')} then, on its own line\n${shape.text('B')} last`,
    secrets: ['A', 'B'],
    before: ['first'],
    after: ['then, on its own line', 'last'],
  },
  {
    // Parsed bodies are redacted field by field; this is the raw text of one that was not.
    name: 'in the raw text of a JSON body',
    wrap: (shape) =>
      `{"error":{"code":400,${member(shape, 'A')}},${member(shape, 'B')},"request_id":"req_42"}`,
    secrets: ['A', 'B'],
    before: ['{"error":{"code":400,'],
    after: [],
  },
];

describe('Redactor.text: secret shapes × positions', () => {
  for (const shape of SHAPES) {
    for (const position of POSITIONS) {
      it(`${shape.name}, ${position.name}`, () => {
        const out = redactor().text(position.wrap(shape));
        for (const tag of position.secrets) {
          expect(leaks(out, shape.secret(tag)), `secret ${tag} leaks in: ${out}`).toBe(false);
        }
        expect(out).toContain(REDACTED);
        for (const words of position.before) expect(out).toContain(words);
        if (!shape.cut) for (const words of position.after) expect(out).toContain(words);
      });
    }
  }

  it('a field or label whose value is already redacted is left as it is', () => {
    const once = redactor().text(`password=${value('A')} "api_key": "${value('B')}"`);
    expect(redactor().text(once)).toBe(once);
  });

  it.each([
    ['a word that merely contains a key name', 'the tokenizer passed', 'the tokenizer passed'],
    ['a short known value (ordinary words survive)', 'use abc here', 'use abc here'],
    ['a Bearer with nothing after it', 'Bearer', 'Bearer'],
    ['a non-secret parameter', 'page=2&size=50', 'page=2&size=50'],
    [
      'a non-secret JSON field',
      '{"name": "Acme", "email": "a@b.co"}',
      '{"name": "Acme", "email": "a@b.co"}',
    ],
    [
      'a public key',
      '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----',
      '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----',
    ],
  ])('leaves alone %s', (_name, input, output) => {
    expect(redactor().text(input)).toBe(output);
  });

  it('keeps the text after a PEM block, and the text between two blocks', () => {
    const out = redactor().text(`one ${pem('A')} middle ${pem('B', 'EC ')} end`);
    expect(out).toBe(`one ${REDACTED} middle ${REDACTED} end`);
  });

  it('a label keeps its name and separator, a parameter its name', () => {
    const out = redactor().text(`Password: ${value('A')} and password=${value('B')}`);
    expect(out).toBe(`Password: ${REDACTED} and password=${REDACTED}`);
  });

  it('a Bearer or Basic credential keeps its scheme', () => {
    expect(redactor().text(`Authorization: Basic ${value('A')}`)).toBe(
      `Authorization: Basic ${REDACTED}`,
    );
    expect(redactor().text(`got Bearer  ${value('A')}`)).toBe(`got Bearer ${REDACTED}`);
  });
});

describe('Redactor: known values', () => {
  it('a secret that prefixes another leaves nothing of the longer one, whatever the order', () => {
    const short = 'abcdef-123';
    const long = 'abcdef-123-and-more-456';
    for (const secrets of [
      [short, long],
      [long, short],
    ]) {
      expect(new Redactor(secrets).text(`x ${long} y ${short} z`)).toBe(
        `x ${REDACTED} y ${REDACTED} z`,
      );
      const remembered = new Redactor();
      remembered.rememberSecret(...secrets);
      expect(remembered.text(`x ${long} y ${short} z`)).toBe(`x ${REDACTED} y ${REDACTED} z`);
    }
  });

  it('a known value and a remembered one are both scrubbed, longest first across the two', () => {
    const redactor = new Redactor(['shared-prefix']);
    redactor.rememberSecret('shared-prefix-and-tail');
    expect(redactor.text('shared-prefix-and-tail')).toBe(REDACTED);
  });

  it('values of 6 characters or more are scrubbed, shorter ones are not', () => {
    const redactor = new Redactor(['abcdef', 'vwxyz']);
    redactor.rememberSecret('ghijkl', 'mnopq');
    expect(redactor.text('abcdef ghijkl vwxyz mnopq')).toBe(`${REDACTED} ${REDACTED} vwxyz mnopq`);
  });

  it('remembers the newest 100 secrets: the 101st pushes out the oldest only', () => {
    const redactor = new Redactor();
    for (let index = 0; index <= 100; index++) redactor.rememberSecret(`issued-secret-${index}`);
    expect(redactor.text('issued-secret-0;')).toBe('issued-secret-0;');
    expect(redactor.text('issued-secret-1;')).toBe(`${REDACTED};`);
    expect(redactor.text('issued-secret-100;')).toBe(`${REDACTED};`);
  });

  it('remembering the same secret again takes no second place in the memory', () => {
    const redactor = new Redactor();
    redactor.rememberSecret('first-secret-kept');
    for (let index = 0; index < 150; index++) redactor.rememberSecret('password-sent-each-call');
    expect(redactor.text('first-secret-kept')).toBe(REDACTED);
  });

  it('removeSecret forgets that value only, and ignores undefined', () => {
    const redactor = new Redactor(['expired-token-1', 'current-token-2']);
    redactor.removeSecret(undefined);
    redactor.removeSecret('expired-token-1');
    expect(redactor.text('expired-token-1 current-token-2')).toBe(`expired-token-1 ${REDACTED}`);
  });
});

describe('Redactor.url: the query', () => {
  const cases: Array<[string, string, string[], string[]]> = [
    [
      'a plain secret key',
      'https://api.test/AddSubUser?name=bob&new_subuser_password=s3cr3t-pass&x=1',
      ['s3cr3t-pass'],
      ['https://api.test/AddSubUser?', 'name=bob', 'x=1', 'new_subuser_password='],
    ],
    [
      'a percent-encoded secret key',
      'https://api.test/p?auth%5Btoken%5D=s3cr3t-encoded&page=2',
      ['s3cr3t-encoded'],
      ['https://api.test/p?', 'page=2'],
    ],
    [
      'a secret key with a + for a space',
      'https://api.test/p?client+secret=s3cr3t-plus&page=2',
      ['s3cr3t-plus'],
      ['page=2'],
    ],
    [
      'two secret keys',
      'https://api.test/p?api_key=first-s3cr3t&password=second-s3cr3t',
      ['first-s3cr3t', 'second-s3cr3t'],
      ['https://api.test/p?'],
    ],
    [
      'a secret value under an innocent key',
      'https://api.test/p?note=sk-live-known-A-0123456789',
      ['sk-live-known-A-0123456789'],
      ['note='],
    ],
    [
      'no query at all, a known value in the path',
      'https://api.test/keys/sk-live-known-A-0123456789',
      ['sk-live-known-A-0123456789'],
      ['https://api.test/keys/'],
    ],
  ];

  it.each(cases)('%s', (_name, url, secrets, kept) => {
    const out = redactor().url(url);
    for (const secret of secrets) expect(leaks(out, secret), out).toBe(false);
    for (const words of kept) expect(out).toContain(words);
  });

  it('a URL without a query comes back as it is', () => {
    expect(redactor().url('https://api.test/v2/subaccounts/sub_1')).toBe(
      'https://api.test/v2/subaccounts/sub_1',
    );
  });

  it('keeps the path and the innocent parameters exactly', () => {
    expect(redactor().url('https://api.test/GetSubUsers?count=20&offset=40')).toBe(
      'https://api.test/GetSubUsers?count=20&offset=40',
    );
    expect(redactor().url('https://api.test/p?name=bob&password=x')).toMatch(
      /^https:\/\/api\.test\/p\?name=bob&password=[^x]+$/,
    );
  });
});

describe('Redactor.value and headers: secrets by field name', () => {
  it.each([
    'pass',
    'user_pass',
    'passphrase',
    'password',
    'PASSWORD',
    'apikey',
    'api-key',
    'api_key',
    'ApiKey',
    'privatekey',
    'private-key',
    'private_key',
    'client_secret',
    'access_token',
    'Authorization',
    'credentials',
    'Set-Cookie',
    'sign_in_link',
    'x-signature',
  ])('%s is a secret name', (name) => {
    expect(redactor().value({ [name]: 'v' })).toEqual({ [name]: REDACTED });
  });

  it.each(['name', 'email', 'api_id', 'apixkey', 'privatexkey', 'private.key'])(
    '%s is not',
    (name) => {
      expect(redactor().value({ [name]: 'v' })).toEqual({ [name]: 'v' });
    },
  );

  it('a secret field is redacted at any depth and in any case; null and undefined stay as they are', () => {
    const out = redactor().value({
      API_KEY: 'k-1',
      nested: [{ Password: 'p-1', detail: `see ${known('A')}` }],
      token: undefined,
      secret: null,
      count: 3,
      ok: true,
    });
    expect(out).toStrictEqual({
      API_KEY: REDACTED,
      nested: [{ Password: REDACTED, detail: `see ${REDACTED}` }],
      token: undefined,
      secret: null,
      count: 3,
      ok: true,
    });
  });

  it('keeps 13 levels of nested objects whole and truncates what is deeper', () => {
    const nest = (levels: number) => {
      let inner: unknown = 'leaf';
      for (let level = 0; level < levels; level++) inner = { down: inner };
      return inner;
    };
    expect(redactor().value(nest(13))).toStrictEqual(nest(13));
    expect(JSON.stringify(redactor().value(nest(14)))).toContain('[Truncated]');
    expect(JSON.stringify(redactor().value(nest(14)))).not.toContain('leaf');
    let list: unknown = 'leaf';
    for (let level = 0; level < 14; level++) list = [list];
    expect(JSON.stringify(redactor().value(list))).not.toContain('leaf');
  });

  it('headers given as a plain record: secret names redacted, other values scrubbed', () => {
    expect(
      redactor().headers({
        'X-Api-Key': 'k',
        Cookie: 'session=abc',
        'X-Trace': `id ${known('B')}`,
        Accept: 'application/json',
      }),
    ).toEqual({
      'X-Api-Key': REDACTED,
      Cookie: REDACTED,
      'X-Trace': `id ${REDACTED}`,
      Accept: 'application/json',
    });
  });
});

describe('Redactor.error: causes', () => {
  it('scrubs the message and the stack of every cause', () => {
    const inner = new Error(`inner password=${value('A')}`);
    const outer = new Error(`outer ${jwt('B')}`, { cause: inner });
    const copy = redactor().error(outer);
    const shown = inspect(copy, { depth: 20 });
    expect(leaks(shown, value('A'))).toBe(false);
    expect(leaks(shown, jwt('B'))).toBe(false);
    expect(copy.stack).toContain('outer [REDACTED]');
    expect((copy.cause as Error).stack).toContain('inner password=[REDACTED]');
  });

  it('an error without a cause gets a copy without one', () => {
    const copy = redactor().error(new Error('alone'));
    expect('cause' in copy).toBe(false);
    expect(inspect(copy)).not.toContain('[cause]');
  });

  it('an error without a stack gets a copy without one', () => {
    const bare = new Error('bare');
    bare.stack = undefined;
    const copy = redactor().error(bare);
    expect(copy.message).toBe('bare');
    expect(copy.stack).toBeUndefined();
  });

  it('a cyclic cause chain ends: the error and at most four causes are kept', () => {
    const a = new Error(`a ${known('A')}`);
    const b = new Error('b', { cause: a });
    a.cause = b;
    const copy = redactor().error(a);
    const messages: string[] = [];
    for (let current: unknown = copy; current instanceof Error; current = current.cause) {
      messages.push(current.message);
    }
    expect(messages).toEqual([`a ${REDACTED}`, 'b', `a ${REDACTED}`, 'b', `a ${REDACTED}`]);
    expect(inspect(copy, { depth: 50 })).not.toContain(known('A'));
  });

  it('keeps string and number codes, visible like a Node error’s, and drops other kinds', () => {
    const withCode = (code: unknown) =>
      redactor().error(Object.assign(new Error('failed'), { code }));
    expect(withCode('ECONNRESET')).toMatchObject({ code: 'ECONNRESET' });
    expect(Object.keys(withCode('ECONNRESET'))).toContain('code');
    expect(inspect(withCode('ECONNRESET'))).toContain("code: 'ECONNRESET'");
    expect(withCode(-54)).toMatchObject({ code: -54 });
    expect('code' in withCode({ secret: 'x' })).toBe(false);
  });

  it('the copy is an ordinary Error: its name and cause can be replaced like any error’s', () => {
    const copy = redactor().error(new RangeError('r', { cause: new Error('c') }));
    expect(copy).toBeInstanceOf(Error);
    expect(copy.name).toBe('RangeError');
    copy.name = 'Renamed';
    copy.cause = 'replaced';
    expect(copy.name).toBe('Renamed');
    expect(copy.cause).toBe('replaced');
    expect(delete (copy as { cause?: unknown }).cause).toBe(true);
    expect(delete (copy as { name?: string }).name).toBe(true);
    expect(copy.name).toBe('Error');
  });

  it('something thrown that is not an Error becomes one, scrubbed', () => {
    expect(redactor().error({ toString: () => `obj ${known('A')}` }).message).toBe(
      `obj ${REDACTED}`,
    );
    expect(redactor().error(undefined).message).toBe('undefined');
  });
});
