import { REDACTED } from './redact.js';

const inspectCustom = Symbol.for('nodejs.util.inspect.custom');
// A registered symbol, so a Secret made by another copy of core (the CJS build beside the ESM one,
// a bundled copy) is still `instanceof Secret` here, as the error classes are.
const SECRET_BRAND = Symbol.for('tenantkit.Secret');

/**
 * A value handed out once by a provider (an API key, an auth token). It prints as redacted through
 * `toString`, `JSON.stringify` and `util.inspect`; `reveal()` is the one explicit way to read it.
 */
export class Secret {
  readonly #value: string;
  // On the prototype, so a spread `{ ...secret }` (a plain object without `reveal`) is no Secret.
  // Stryker disable next-line BlockStatement: only the brand's presence is checked (`in`), never its value
  get [SECRET_BRAND](): true {
    // Stryker disable next-line BooleanLiteral: only the brand's presence is checked (`in`), never its value
    return true;
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && SECRET_BRAND in value;
  }

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
