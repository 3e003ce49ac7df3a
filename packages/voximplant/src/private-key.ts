/**
 * Reads a PEM private key far enough to say, synchronously and at construction, whether it can
 * sign RS256: an unencrypted RSA key of at least 2048 bits, PKCS#8 or PKCS#1. WebCrypto, which does
 * the signing on every runtime, imports keys only asynchronously and only as PKCS#8, so the checks
 * are made here on the DER structure, and a PKCS#1 key is wrapped into PKCS#8. No message ever
 * holds any part of the key.
 */

export type PrivateKeyCheck =
  | { ok: true; pkcs8: Uint8Array<ArrayBuffer> }
  | { ok: false; problem: 'unparseable' | 'encrypted' | 'not-rsa' | 'too-short' };

/** The smallest RSA modulus RS256 may use (RFC 7518 §3.3). */
export const MIN_RSA_BITS = 2048;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;
/** rsaEncryption, 1.2.840.113549.1.1.1. */
const RSA_OID = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const SEQUENCE = 0x30;
const INTEGER = 0x02;
const OCTET_STRING = 0x04;
const OBJECT_IDENTIFIER = 0x06;

interface Element {
  tag: number;
  /** Offsets of the content in the buffer. */
  start: number;
  end: number;
}

/** One DER element at `offset`, or undefined when the bytes are not one. */
function readElement(bytes: Uint8Array, offset: number, limit = bytes.length): Element | undefined {
  if (offset + 2 > limit) return undefined;
  const tag = bytes[offset] as number;
  let length = bytes[offset + 1] as number;
  let start = offset + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets === 0 || octets > 4 || start + octets > limit) return undefined;
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + (bytes[start + i] as number);
    start += octets;
  }
  const end = start + length;
  return end <= limit ? { tag, start, end } : undefined;
}

/** The elements directly inside a SEQUENCE, or undefined when they do not fill it exactly. */
function children(bytes: Uint8Array, sequence: Element | undefined): Element[] | undefined {
  if (sequence?.tag !== SEQUENCE) return undefined;
  const out: Element[] = [];
  for (let offset = sequence.start; offset < sequence.end; ) {
    const element = readElement(bytes, offset, sequence.end);
    if (!element) return undefined;
    out.push(element);
    offset = element.end;
  }
  return out;
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact))
    return undefined;
  const binary = atob(compact);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Checks an RSAPrivateKey (PKCS#1) structure; its modulus decides the key size. */
function rsaKeyProblem(
  bytes: Uint8Array,
  element: Element | undefined,
): PrivateKeyCheck | undefined {
  const fields = children(bytes, element);
  // version, n, e, d, p, q, dp, dq, qi (a multi-prime key adds more).
  if (!fields || fields.length < 9 || fields.some((field) => field.tag !== INTEGER))
    return { ok: false, problem: 'unparseable' };
  const modulus = fields[1] as Element;
  let first = modulus.start;
  while (first < modulus.end && bytes[first] === 0) first++;
  const leading = bytes[first] ?? 0;
  const bits = first < modulus.end ? (modulus.end - first - 1) * 8 + (32 - Math.clz32(leading)) : 0;
  return bits < MIN_RSA_BITS ? { ok: false, problem: 'too-short' } : undefined;
}

/** A DER length in long form: every length written here is over 127 (2048 bits are 256 bytes). */
function derLength(length: number): number[] {
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return [0x80 | octets.length, ...octets];
}

/** PKCS#1 → PKCS#8: `SEQUENCE { 0, SEQUENCE { rsaEncryption, NULL }, OCTET STRING pkcs1 }`. */
function wrapPkcs1(pkcs1: Uint8Array): Uint8Array<ArrayBuffer> {
  const algorithm = [SEQUENCE, 13, OBJECT_IDENTIFIER, 9, ...RSA_OID, 0x05, 0x00];
  const key = [OCTET_STRING, ...derLength(pkcs1.length)];
  const contentLength = 3 + algorithm.length + key.length + pkcs1.length;
  const prefix = [SEQUENCE, ...derLength(contentLength), INTEGER, 1, 0, ...algorithm, ...key];
  const out = new Uint8Array(prefix.length + pkcs1.length);
  out.set(prefix);
  out.set(pkcs1, prefix.length);
  return out;
}

/** Whether `pem` holds an RSA private key RS256 can use, and its PKCS#8 bytes if so. */
export function checkPrivateKey(pem: string): PrivateKeyCheck {
  const block = PEM_BLOCK.exec(pem);
  if (!block) return { ok: false, problem: 'unparseable' };
  // Stryker disable next-line StringLiteral: both groups take part in every match
  const [, label = '', body = ''] = block;
  if (label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,\s*ENCRYPTED/.test(body))
    return { ok: false, problem: 'encrypted' };
  if (label !== 'PRIVATE KEY' && label !== 'RSA PRIVATE KEY') {
    // An EC or DSA private key is a private key of the wrong kind; anything else is no private key.
    return { ok: false, problem: label.endsWith(' PRIVATE KEY') ? 'not-rsa' : 'unparseable' };
  }
  const der = decodeBase64(body);
  const outer = der && readElement(der, 0);
  if (!der || !outer || outer.end !== der.length) return { ok: false, problem: 'unparseable' };
  if (label === 'RSA PRIVATE KEY')
    return rsaKeyProblem(der, outer) ?? { ok: true, pkcs8: wrapPkcs1(der) };

  // PrivateKeyInfo: version, AlgorithmIdentifier { algorithm, parameters }, OCTET STRING key, …
  // Stryker disable next-line ArrayDeclaration: whatever stands in for no children, a version that is no INTEGER is refused below
  const [version, algorithm, key] = children(der, outer) ?? [];
  const oid = children(der, algorithm)?.[0];
  if (version?.tag !== INTEGER || oid?.tag !== OBJECT_IDENTIFIER || key?.tag !== OCTET_STRING)
    return { ok: false, problem: 'unparseable' };
  const isRsa =
    oid.end - oid.start === RSA_OID.length &&
    RSA_OID.every((byte, i) => der[oid.start + i] === byte);
  if (!isRsa) return { ok: false, problem: 'not-rsa' };
  const rsaKey = readElement(der, key.start, key.end);
  if (rsaKey?.end !== key.end) return { ok: false, problem: 'unparseable' };
  return rsaKeyProblem(der, rsaKey) ?? { ok: true, pkcs8: der };
}
