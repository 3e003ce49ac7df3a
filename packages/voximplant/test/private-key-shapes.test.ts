/**
 * Private keys a credentials file may really hold, and broken ones, taken apart and put back
 * together at the DER level: which the client takes at construction, and which it refuses with
 * which reason (never a crash, never a key that fails only at the first call).
 */
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { ConfigurationError } from '@tenantkit/core';
import { describe, expect, it } from 'vitest';
import { createVoximplantClient } from '../src/index.js';
import { testKey } from './fixtures.js';

const good = testKey.credentials;
const key = createPrivateKey(good.private_key);
const PKCS1 = key.export({ type: 'pkcs1', format: 'der' });
const RSA_OID = Buffer.from([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]);
const [SEQUENCE, INTEGER, OCTET_STRING, NULL, OID] = [0x30, 0x02, 0x04, 0x05, 0x06];

/** A DER element: `tag`, its length (long form in `octets` octets when given), the content. */
function tlv(tag: number, content: Uint8Array, octets?: number): Buffer {
  const size = octets ?? (content.length < 0x80 ? 0 : content.length < 0x100 ? 1 : 2);
  const length =
    size === 0
      ? [content.length]
      : [
          0x80 | size,
          ...Array.from(
            { length: size },
            (_, i) => Math.floor(content.length / 256 ** (size - 1 - i)) % 256,
          ),
        ];
  return Buffer.concat([Buffer.from([tag, ...length]), content]);
}

/** The whole elements directly inside the SEQUENCE `der`. */
function children(der: Buffer): Buffer[] {
  const out: Buffer[] = [];
  const lengthOctets = der[1]! & 0x80 ? der[1]! & 0x7f : 0;
  for (let at = 2 + lengthOctets; at < der.length; ) {
    const first = der[at + 1]!;
    const octets = first & 0x80 ? first & 0x7f : 0;
    const length = octets ? der.readUIntBE(at + 2, octets) : first;
    const end = at + 2 + octets + length;
    out.push(der.subarray(at, end));
    at = end;
  }
  return out;
}

const sequence = (parts: Buffer[], octets?: number) => tlv(SEQUENCE, Buffer.concat(parts), octets);
/** PrivateKeyInfo around a PKCS#1 key: `SEQUENCE { 0, SEQUENCE { rsaEncryption, NULL }, OCTET STRING key }`. */
function pkcs8(inner: Uint8Array, parts: { oid?: Buffer; version?: Buffer; octets?: number } = {}) {
  return sequence(
    [
      parts.version ?? tlv(INTEGER, Buffer.from([0])),
      sequence([parts.oid ?? tlv(OID, RSA_OID), tlv(NULL, Buffer.alloc(0))]),
      tlv(OCTET_STRING, inner),
    ],
    parts.octets,
  );
}

function pem(label: string, der: Uint8Array, eol = '\n'): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----${eol}${lines.join(eol)}${eol}-----END ${label}-----${eol}`;
}

const REASONS = {
  'is not a PEM private key that can be parsed (unencrypted PKCS#8 or PKCS#1).': 'unparseable',
  'is an encrypted private key; pass it unencrypted (PKCS#8 or PKCS#1 PEM).': 'encrypted',
  'must be an RSA key (tokens are signed with RS256).': 'not-rsa',
  'must be an RSA key of at least 2048 bits (RS256).': 'too-short',
} as Record<string, string>;

/** `accepted`, or the reason the client gave for refusing `privateKey` at construction. */
function verdict(privateKey: string): string {
  try {
    createVoximplantClient({ credentials: { ...good, private_key: privateKey } });
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    const said = (error as Error).message.replace('voximplant: credentials: `private_key` ', '');
    return REASONS[said] ?? said;
  }
}

const fields = children(PKCS1);
const shortKey = createPrivateKey(
  generateKeyPairSync('rsa', { modulusLength: 1024 })
    .privateKey.export({ type: 'pkcs1', format: 'pem' })
    .toString(),
).export({ type: 'pkcs1', format: 'der' });
const shortFields = children(shortKey);
/** The short key's modulus behind 160 zero bytes: as many octets as a 2048-bit one, or more. */
const paddedModulus = tlv(INTEGER, Buffer.concat([Buffer.alloc(160), shortFields[1]!.subarray(3)]));
/** 8 bits short of RS256's minimum. */
const key2040 = generateKeyPairSync('rsa', { modulusLength: 2040 })
  .privateKey.export({ type: 'pkcs1', format: 'pem' })
  .toString();
/** A PrivateKeyInfo whose base64 ends in `=` padding (lengths L, L+1, L+2: one is no multiple of 3). */
const paddedBase64 = [pkcs8(PKCS1), pkcs8(PKCS1, { octets: 3 }), pkcs8(PKCS1, { octets: 4 })].find(
  (der) => der.length % 3 !== 0,
) as Buffer;
const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
const pssKey = generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).privateKey;
const legacyEncrypted = key
  .export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' })
  .toString();

describe('voximplant private keys taken apart', () => {
  it.each<[string, string, () => string]>([
    ['PKCS#8 with CRLF line ends', 'accepted', () => pem('PRIVATE KEY', pkcs8(PKCS1), '\r\n')],
    ['PKCS#1 rebuilt as it came', 'accepted', () => pem('RSA PRIVATE KEY', sequence(fields))],
    [
      'an outer length in 4 octets',
      'accepted',
      () => pem('PRIVATE KEY', pkcs8(PKCS1, { octets: 4 })),
    ],
    [
      'an outer length in 5 octets',
      'unparseable',
      () => pem('PRIVATE KEY', pkcs8(PKCS1, { octets: 5 })),
    ],
    [
      'an indefinite outer length',
      'unparseable',
      () => pem('PRIVATE KEY', pkcs8(PKCS1, { octets: 0x80 })),
    ],
    [
      'bytes after the key',
      'unparseable',
      () => pem('PRIVATE KEY', Buffer.concat([pkcs8(PKCS1), Buffer.from([0, 0])])),
    ],
    ['the key cut short', 'unparseable', () => pem('PRIVATE KEY', pkcs8(PKCS1).subarray(0, -40))],
    [
      'the RSA key cut inside its octet string',
      'unparseable',
      () => pem('PRIVATE KEY', pkcs8(PKCS1.subarray(0, -40))),
    ],
    [
      'bytes after the RSA key in its octet string',
      'unparseable',
      () => pem('PRIVATE KEY', pkcs8(Buffer.concat([PKCS1, Buffer.from([5, 0])]))),
    ],
    [
      'a version that is not an INTEGER',
      'unparseable',
      () => pem('PRIVATE KEY', pkcs8(PKCS1, { version: tlv(OCTET_STRING, Buffer.from([0])) })),
    ],
    [
      'an algorithm OID that is not an OID',
      'unparseable',
      () => pem('PRIVATE KEY', pkcs8(PKCS1, { oid: tlv(OCTET_STRING, RSA_OID) })),
    ],
    ['an empty PrivateKeyInfo', 'unparseable', () => pem('PRIVATE KEY', sequence([]))],
    [
      'a PrivateKeyInfo holding only its version',
      'unparseable',
      () => pem('PRIVATE KEY', sequence([tlv(INTEGER, Buffer.from([0]))])),
    ],
    [
      'a PrivateKeyInfo without its key',
      'unparseable',
      () => pem('PRIVATE KEY', sequence(children(pkcs8(PKCS1)).slice(0, 2))),
    ],
    [
      'the key in a SEQUENCE instead of an OCTET STRING',
      'unparseable',
      () =>
        pem('PRIVATE KEY', sequence([...children(pkcs8(PKCS1)).slice(0, 2), tlv(SEQUENCE, PKCS1)])),
    ],
    [
      'an empty algorithm identifier',
      'unparseable',
      () =>
        pem(
          'PRIVATE KEY',
          sequence([tlv(INTEGER, Buffer.from([0])), sequence([]), tlv(OCTET_STRING, PKCS1)]),
        ),
    ],
    [
      'the algorithm in a SET instead of a SEQUENCE',
      'unparseable',
      () =>
        pem(
          'PRIVATE KEY',
          sequence([
            tlv(INTEGER, Buffer.from([0])),
            tlv(0x31, Buffer.concat([tlv(OID, RSA_OID), tlv(NULL, Buffer.alloc(0))])),
            tlv(OCTET_STRING, PKCS1),
          ]),
        ),
    ],
    ['a single byte', 'unparseable', () => pem('PRIVATE KEY', Buffer.from([SEQUENCE]))],
    [
      'a SEQUENCE whose last element is cut',
      'unparseable',
      () => pem('RSA PRIVATE KEY', sequence([...fields, Buffer.from([INTEGER, 0x81])])),
    ],
    [
      'base64 without its = padding',
      'unparseable',
      () => pem('PRIVATE KEY', paddedBase64).replace(/=+\n/, '\n'),
    ],
    [
      'base64 with a stray character inside',
      'unparseable',
      () => pem('PRIVATE KEY', paddedBase64).replace(/^(M.{20})./m, '$1*'),
    ],
    [
      'an OID that only starts like rsaEncryption',
      'not-rsa',
      () =>
        pem(
          'PRIVATE KEY',
          pkcs8(PKCS1, { oid: tlv(OID, Buffer.concat([RSA_OID, Buffer.from([5])])) }),
        ),
    ],
    ['a 2040-bit RSA key (8 bits short)', 'too-short', () => key2040],
    [
      'PKCS#1 with one field missing',
      'unparseable',
      () => pem('RSA PRIVATE KEY', sequence(fields.slice(0, 8))),
    ],
    [
      'PKCS#1 with a field that is no INTEGER',
      'unparseable',
      () =>
        pem(
          'RSA PRIVATE KEY',
          sequence([...fields.slice(0, 8), tlv(OCTET_STRING, Buffer.from([1]))]),
        ),
    ],
    [
      'a 1024-bit modulus padded to 2048 bits with zero bytes',
      'too-short',
      () =>
        pem('RSA PRIVATE KEY', sequence([shortFields[0]!, paddedModulus, ...shortFields.slice(2)])),
    ],
    [
      'an RSA-PSS key (another OID of the same length)',
      'not-rsa',
      () => pssKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    ],
    [
      'an EC key in SEC1 form',
      'not-rsa',
      () => ecKey.export({ type: 'sec1', format: 'pem' }).toString(),
    ],
    ['a certificate', 'unparseable', () => pem('CERTIFICATE', pkcs8(PKCS1))],
    [
      'BEGIN and END of different labels',
      'unparseable',
      () => pem('PRIVATE KEY', pkcs8(PKCS1)).replace('END PRIVATE', 'END RSA PRIVATE'),
    ],
    [
      'a body that is not base64',
      'unparseable',
      () => pem('PRIVATE KEY', pkcs8(PKCS1)).replace(/^M/m, '*'),
    ],
    [
      'an empty body',
      'unparseable',
      () => '-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n',
    ],
    ['a legacy encrypted PKCS#1 (Proc-Type header)', 'encrypted', () => legacyEncrypted],
    [
      'the Proc-Type header without spaces',
      'encrypted',
      () => legacyEncrypted.replace('Proc-Type: 4,ENCRYPTED', 'Proc-Type:4,ENCRYPTED'),
    ],
    [
      'the Proc-Type header with two spaces',
      'encrypted',
      () => legacyEncrypted.replace('Proc-Type: 4,ENCRYPTED', 'Proc-Type:  4,  ENCRYPTED'),
    ],
  ])('%s: %s', (_what, expected, privateKey) => {
    expect(verdict(privateKey())).toBe(expected);
  });
});
