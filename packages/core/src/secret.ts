import { REDACTED } from './redact.js';

const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

/**
 * A value handed out once by a provider (an API key, an auth token). It prints as redacted through
 * `toString`, `JSON.stringify` and `util.inspect`; `reveal()` is the one explicit way to read it.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspectCustom](): string {
    return `Secret(${REDACTED})`;
  }
}
