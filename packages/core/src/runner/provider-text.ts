/**
 * Provider text fit for an error message: a provider's message, code, request id or header, and
 * what a thrown error said. Scrubbed whole first (a secret may straddle any cut), then cut.
 */
import { cut, type Redactor } from '../redact.js';
import type { ErrorDescription } from './protocol.js';

/** A provider's message is scrubbed whole, then cut to this length; codes and ids to the shorter one. */
const MAX_MESSAGE_CHARS = 200;
const MAX_ID_CHARS = 100;

export class ProviderText {
  readonly #redactor: Redactor;

  constructor(redactor: Redactor) {
    this.#redactor = redactor;
  }

  /** A provider's own words (its message), at most 200 characters. */
  message<T extends string | undefined>(text: T): T {
    return this.#said(text, MAX_MESSAGE_CHARS);
  }

  /** A code, a request id, a header value or an origin, at most 100 characters. */
  short<T extends string | undefined>(text: T): T {
    return this.#said(text, MAX_ID_CHARS);
  }

  /** What a thrown value said, as a message. */
  reason(error: unknown): string {
    return this.message(error instanceof Error ? error.message : String(error));
  }

  /** The provider's own words end up in the message: its text, a string code and a request id alike. */
  description(described: ErrorDescription): ErrorDescription {
    const { code } = described;
    return {
      code: typeof code === 'string' ? this.short(code) : code,
      codeName: described.codeName,
      providerMessage: this.message(described.providerMessage),
      requestId: this.short(described.requestId),
    };
  }

  #said<T extends string | undefined>(text: T, max: number): T {
    return (text === undefined ? text : cut(this.#redactor.text(text), max)) as T;
  }
}
