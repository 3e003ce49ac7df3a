import { describeErrorBody, type ErrorDescription, REDACTED, Redactor } from '@tenantkit/core';

/**
 * `key: value` or `key=value` where the key names a secret (`password: …`, `X-Auth-Token: …`).
 * Core now scrubs `key=value` and JSON fields; the `key: value` of prose and header dumps is ours.
 */
const SECRET_ASSIGNMENT =
  /\b([\w-]*(?:token|secret|passw(?:or)?d|api[-_]?key|credential)s?)(\s*["']?\s*[:=]\s*["']?)(?!\[REDACTED\])[^\s"'&,;)}\]]+/gi;

/** How many one-time secrets of recently created sub-accounts are remembered for scrubbing. */
const MAX_REMEMBERED = 100;

/**
 * Core's redactor, plus two things Vobiz needs: a secret written as `password: …` inside a
 * provider message is scrubbed even when its value is unknown, and the one-time tokens of the
 * sub-accounts this client created are scrubbed if a later answer echoes them.
 *
 * TODO(core): both belong in core's `Redactor` (the `key: value` form, and a bounded set of
 * "issued" secrets, which `addSecret` cannot offer without growing forever).
 */
export class VobizRedactor extends Redactor {
  readonly #issued: string[] = [];

  /** Remembers secrets the provider handed out (the create answer), newest last, bounded. */
  rememberIssued(...secrets: unknown[]): void {
    for (const secret of secrets) {
      // `<redacted>` is Vobiz's own mask, not a secret.
      if (typeof secret !== 'string' || secret.length < 6 || secret === '<redacted>') continue;
      if (this.#issued.includes(secret)) continue;
      this.#issued.push(secret);
      if (this.#issued.length > MAX_REMEMBERED) this.#issued.shift();
    }
  }

  override text(input: string): string {
    let out = super.text(input);
    for (const secret of this.#issued) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out.replace(SECRET_ASSIGNMENT, (_match, key: string, separator: string) => {
      return `${key}${separator}${REDACTED}`;
    });
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonBlankText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Vobiz documents `{status, error: {code, message, details}, timestamp, requestId}`, while its own
 * OpenAPI declares the Plivo-style `{api_id, error, message}`. Core reads the first; in the second,
 * `error` is a short sentence (not a code) and `api_id` identifies the request.
 */
export function describeVobizError(body: unknown): ErrorDescription {
  if (!isRecord(body) || typeof body.error !== 'string') return describeErrorBody(body);
  const sentence = nonBlankText(body.error);
  const message = nonBlankText(body.message);
  const parts =
    sentence && message && sentence !== message ? [sentence, message] : [message ?? sentence];
  const providerMessage = parts.filter((part) => part !== undefined).join(': ') || undefined;
  return {
    code: undefined,
    providerMessage,
    requestId: nonBlankText(body.api_id) ?? nonBlankText(body.requestId),
  };
}
