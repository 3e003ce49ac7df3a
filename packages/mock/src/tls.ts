/**
 * A throwaway self-signed TLS certificate for 127.0.0.1, built in Node (no openssl needed), for
 * loopback HTTPS servers in tests and benchmarks. Valid for one day; nothing is written to disk.
 */
import {
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  X509Certificate,
} from 'node:crypto';

export interface ThrowawayTlsCertificate {
  /** PKCS#8 PEM private key, for `https.createServer({ key, cert })`. */
  key: string;
  /** PEM certificate; it is its own trust anchor (pass it as `ca` to trust it). */
  cert: string;
}

export function throwawayTlsCertificate(): ThrowawayTlsCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = buildCertificate(privateKey, publicKey);
  new X509Certificate(cert); // throws if the DER below is malformed
  return { key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), cert };
}

function der(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  let length: Buffer;
  if (body.length < 0x80) length = Buffer.from([body.length]);
  else {
    const hex = body.length.toString(16);
    const bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
    length = Buffer.concat([Buffer.from([0x80 | bytes.length]), bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), length, body]);
}

function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * first + second];
  for (const value of rest) {
    const chunk: number[] = [];
    let remaining = value;
    do {
      chunk.unshift(remaining & 0x7f);
      remaining >>= 7;
    } while (remaining > 0);
    bytes.push(...chunk.map((byte, index) => (index < chunk.length - 1 ? byte | 0x80 : byte)));
  }
  return der(0x06, Buffer.from(bytes));
}

function buildCertificate(privateKey: KeyObject, publicKey: KeyObject): string {
  const sequence = (...parts: Buffer[]) => der(0x30, ...parts);
  const integer = (bytes: Buffer) =>
    der(0x02, (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
  const time = (date: Date) =>
    der(0x17, Buffer.from(`${date.toISOString().replace(/[-:T]/g, '').slice(2, 14)}Z`));
  const name = sequence(der(0x31, sequence(oid('2.5.4.3'), der(0x0c, Buffer.from('127.0.0.1')))));
  const sha256WithRsa = sequence(oid('1.2.840.113549.1.1.11'), der(0x05));
  const now = Date.now();
  const extensions = der(
    0xa3,
    sequence(
      // subjectAltName: IP 127.0.0.1
      sequence(oid('2.5.29.17'), der(0x04, sequence(der(0x87, Buffer.from([127, 0, 0, 1]))))),
      // basicConstraints: critical, CA (it is its own trust anchor)
      sequence(
        oid('2.5.29.19'),
        der(0x01, Buffer.from([0xff])),
        der(0x04, sequence(der(0x01, Buffer.from([0xff])))),
      ),
    ),
  );
  const tbs = sequence(
    der(0xa0, integer(Buffer.from([2]))),
    integer(randomBytes(8)),
    sha256WithRsa,
    name,
    sequence(time(new Date(now - 60_000)), time(new Date(now + 86_400_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    extensions,
  );
  const signature = sign('sha256', tbs, privateKey);
  const certificate = sequence(tbs, sha256WithRsa, der(0x03, Buffer.from([0]), signature));
  const base64 = certificate
    .toString('base64')
    .match(/.{1,64}/g)
    ?.join('\n');
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`;
}
