/**
 * Leak probing: the forms a secret can take in text (as is, URL-encoded, base64, escaped, a
 * fragment left by a cut), the channels an error reaches a person through, and a probe that
 * looks for every form of every secret in every channel.
 */
import { inspect } from 'node:util';

/** Valid for every provider's password rule, and changed by every encoding below. */
export const PASSWORD = `Pw9<&'Canary"+/x7`;
/** Sent through the facade's `extra` (Synthflow `twilio_auth_token`). */
export const EXTRA_SECRET = 'extra-twilio-token-3c91f0a7d2';

export const encoders = {
  plain: (secret: string) => secret,
  'URL-encoded': (secret: string) => encodeURIComponent(secret),
  base64: (secret: string) => Buffer.from(secret).toString('base64'),
  'HTML-escaped': (secret: string) =>
    secret
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;'),
} as const;
export type Encoding = keyof typeof encoders;

/** The distinctive text of a secret: a PEM without its armor lines, anything else whole. */
function core(secret: string): string {
  if (!secret.includes('-----BEGIN')) return secret;
  return secret
    .split('\n')
    .filter((line) => line && !line.startsWith('-----'))
    .join('');
}

/** What must never show: every encoding of the secret, and every 16-character window of it. */
export function probesFor(secret: string): string[] {
  const distinctive = core(secret);
  const probes = new Set<string>([
    ...Object.values(encoders).map((encode) => encode(secret)),
    Buffer.from(secret).toString('base64url'),
    JSON.stringify(secret).slice(1, -1),
  ]);
  const width = 16;
  if (distinctive.length <= width) probes.add(distinctive);
  for (let at = 0; at + width <= distinctive.length; at += 8)
    probes.add(distinctive.slice(at, at + width));
  return [...probes].filter((probe) => probe.length >= 8);
}

export interface Sighting {
  secret: string;
  channel: string;
  probe: string;
}

/** Counts every probe run and reports every sighting. */
export class LeakCounter {
  probes = 0;
  readonly hits: Sighting[] = [];

  look(secrets: Record<string, string>, channels: Record<string, string>): Sighting[] {
    const found: Sighting[] = [];
    for (const [name, secret] of Object.entries(secrets)) {
      for (const probe of probesFor(secret)) {
        for (const [channel, text] of Object.entries(channels)) {
          this.probes++;
          if (text.includes(probe)) found.push({ secret: name, channel, probe });
        }
      }
    }
    this.hits.push(...found);
    return found;
  }
}

/** Every way an error reaches a person: its message, stack, causes, JSON and inspection. */
export function errorChannels(error: unknown): Record<string, string> {
  if (!(error instanceof Error)) return { value: inspect(error, { depth: 20 }) };
  const causes: string[] = [];
  for (let cause = error.cause, depth = 0; cause !== undefined && depth < 10; depth++) {
    causes.push(
      cause instanceof Error ? `${cause.message}\n${cause.stack}` : inspect(cause, { depth: 20 }),
    );
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return {
    message: error.message,
    stack: String(error.stack),
    'cause chain': causes.join('\n'),
    'JSON.stringify': JSON.stringify(error) ?? '',
    'util.inspect': inspect(error, { depth: 20 }),
  };
}

/** A logger that keeps what it is given, and the channels it stands for. */
export function recordingLogger() {
  const records: unknown[] = [];
  return {
    logger: { debug: (message: string, details?: unknown) => records.push({ message, details }) },
    channels: (): Record<string, string> => ({
      'logger (JSON)': JSON.stringify(records),
      'logger (inspect)': inspect(records, { depth: 20 }),
    }),
  };
}
