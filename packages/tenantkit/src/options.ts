/**
 * The facade's own options objects (`list`'s and `tk.numbers`'), checked before anything is
 * sent: a key it does not know is refused, `null` is none.
 */
import { type CallOptions, InputChecker } from '@tenantkit/core';
import { capabilities } from './capabilities.js';
import type { ListNumbersOptions, ListOptions } from './model.js';
import type { Provider } from './registry.js';

export function checkListOptions(provider: Provider, options: ListOptions): void {
  const check = new InputChecker(provider, 'subaccounts.list');
  check.integer('limit', options.limit, { optional: true, min: 1 });
  if (options.pageSize !== undefined && !capabilities(provider).paging.supported) {
    check.fail(
      'pageSize',
      'unsupported-field',
      `is not supported by ${provider}: ${capabilities(provider).paging.how}`,
    );
  }
  check.integer('pageSize', options.pageSize, { optional: true, min: 1 });
}

/** Every key of CallOptions (a Record, so a key added to CallOptions must be added here). */
const CALL_OPTION_KEYS: Record<keyof CallOptions, true> = {
  signal: true,
  headers: true,
  timeoutMs: true,
  maxRetries: true,
};

/**
 * A `tk.numbers` options object: `null` is none, and a key it does not know is refused. Silently
 * dropped, a misspelled `subAccountId` would list every sub-account's numbers instead of one's.
 */
export function numberOptions<T extends object>(
  provider: Provider,
  operation: 'list' | 'unassign',
  options: (T & CallOptions) | null | undefined,
  own: ReadonlyArray<keyof T & string>,
): T & CallOptions {
  const check = new InputChecker(provider, `numbers.${operation}`);
  const given = check.record('options', options ?? {});
  check.knownFields('options', given, [...own, ...Object.keys(CALL_OPTION_KEYS)]);
  return given as T & CallOptions;
}

export function checkNumberListOptions(provider: Provider, options: ListNumbersOptions): void {
  const check = new InputChecker(provider, 'numbers.list');
  check.integer('limit', options.limit, { optional: true, min: 1 });
  check.nonBlank('subAccountId', options.subAccountId, { optional: true });
}
