/**
 * What the account, child-account and authorized-IP methods accept as an answer. Anything else (a
 * `null` or a string body, `{result: "1"}` where a count belongs, `null` in a list) is an
 * InvalidResponseError from the runner, never a TypeError or a wrongly typed success.
 */
import { isRecord } from '@tenantkit/core';

type Envelope = Record<string, unknown> & { result: unknown };

function envelopeOf(data: unknown): Envelope | undefined {
  return isRecord(data) && 'result' in data ? (data as Envelope) : undefined;
}

/** An object whose `field` has the given type (a list item, or a profile with its id). */
function hasField(value: unknown, field: string, type: 'number' | 'string'): boolean {
  return isRecord(value) && typeof value[field] === type;
}

/** `{result: n}` → n: what the API answers to a change (1, or how many entries it removed). */
export function countOf(data: unknown): number | undefined {
  const result = envelopeOf(data)?.result;
  return typeof result === 'number' ? result : undefined;
}

/** `{result: {…, <field>}, …}` as it came (GetAccountInfo keeps `api_address` beside `result`). */
export function envelopeWithRecord<T>(field: string, type: 'number' | 'string') {
  return (data: unknown): T | undefined => {
    const envelope = envelopeOf(data);
    return envelope && hasField(envelope.result, field, type) ? (envelope as T) : undefined;
  };
}

/** `{result: [{…, <field>}, …], total_count, …}` as it came, every item an object with its id. */
export function envelopeWithList<T>(field: string, type: 'number' | 'string') {
  return (data: unknown): T | undefined => {
    const result = envelopeOf(data)?.result;
    return Array.isArray(result) && result.every((item) => hasField(item, field, type))
      ? (data as T)
      : undefined;
  };
}

/** `{result: true|false, …}` as it came. */
export function envelopeWithBoolean<T>(data: unknown): T | undefined {
  return typeof envelopeOf(data)?.result === 'boolean' ? (data as T) : undefined;
}
