/** The errors `apply` throws before sending anything: a stale saved plan, missing secrets. */
import type { MissingSecret } from './secrets.js';

/** A saved plan no longer matches the providers: plan again. Nothing was sent. */
export class StalePlanError extends Error {
  override readonly name = 'StalePlanError';
  readonly differences: readonly string[];
  constructor(differences: string[]) {
    super(
      `the providers changed since the plan was made (${differences.slice(0, 5).join('; ')}${differences.length > 5 ? '; …' : ''}); plan again`,
    );
    this.differences = differences;
  }
}

/** Secrets the file references are missing from the environment. Nothing was sent. */
export class MissingSecretsError extends Error {
  override readonly name = 'MissingSecretsError';
  readonly missing: readonly MissingSecret[];
  constructor(missing: MissingSecret[]) {
    super(
      `environment variables the file references are not set: ${missing
        .map((item) => `${item.variable} (tenant ${item.tenant}, ${item.provider}, ${item.field})`)
        .join('; ')}`,
    );
    this.missing = missing;
  }
}
