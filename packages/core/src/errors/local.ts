/**
 * Errors raised on our side, without a request: a wrongly configured client, input rejected before
 * anything was sent, a list walk stopped.
 */
import { type ProviderName, TenantkitError } from './tenantkit-error.js';

/** The client was configured wrongly (missing credentials, unparseable key, bad option). */
export class ConfigurationError extends TenantkitError {
  static override readonly brand: string = 'ConfigurationError';
}

/** Input rejected on our side before anything was sent. */
export class ValidationError extends TenantkitError {
  static override readonly brand: string = 'ValidationError';
  readonly provider: ProviderName;
  readonly operation: string;
  /** Path of the offending field, e.g. `products.phone_numbers[0].number`. */
  readonly field: string;
  /** Short rule name, e.g. `non-blank`, `e164`, `unique-items`. */
  readonly rule: string;

  constructor(details: {
    provider: ProviderName;
    operation: string;
    field: string;
    rule: string;
    message: string;
  }) {
    super(
      `${details.provider}.${details.operation}: ${details.field} ${details.message} (rule: ${details.rule})`,
    );
    this.provider = details.provider;
    this.operation = details.operation;
    this.field = details.field;
    this.rule = details.rule;
  }
}

/**
 * A list walk stopped: the provider repeated itself, the page cap (`maxPages`) was reached, or its
 * link to the next page pointed away from the client's base URL (another origin or resource).
 */
export class PagingError extends TenantkitError {
  static override readonly brand: string = 'PagingError';
  readonly provider: ProviderName;
  readonly operation: string;
  /** Pages fetched before the walk stopped. */
  readonly pages: number;
  readonly reason: 'repeated-page' | 'cursor-not-advancing' | 'page-cap' | 'cursor-elsewhere';

  constructor(details: {
    provider: ProviderName;
    operation: string;
    pages: number;
    reason: PagingError['reason'];
    message: string;
  }) {
    super(`${details.provider}.${details.operation}: ${details.message}`);
    this.provider = details.provider;
    this.operation = details.operation;
    this.pages = details.pages;
    this.reason = details.reason;
  }
}
