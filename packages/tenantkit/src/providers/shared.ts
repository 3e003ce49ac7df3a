import {
  baseRedactor,
  type CallOptions,
  type InputChecker,
  NotFoundError,
  type OperationInfo,
  type ProviderName,
  Secret,
} from '@tenantkit/core';
import type { CreateResult, DeleteResult, ListOptions, Provider, SubAccount } from '../model.js';

/** What the facade needs from each provider: the unified operations, mapped both ways. */
export interface Adapter<P extends Provider> {
  create(input: unknown, call?: CallOptions): Promise<CreateResult<P>>;
  get(id: string, call?: CallOptions): Promise<SubAccount<P>>;
  list(options: ListOptions, call?: CallOptions): AsyncIterable<SubAccount<P>>;
  update(id: string, patch: unknown, call?: CallOptions): Promise<SubAccount<P>>;
  delete(id: string, call?: CallOptions): Promise<DeleteResult<P>>;
}

/** The provider's answer as `raw`: a deep copy with every secret field replaced by `[REDACTED]`. */
export function redacted<T>(value: T): T {
  return baseRedactor.value(value) as T;
}

/** A value handed out once, wrapped so it cannot be printed by accident. */
export function secretOf(value: string | undefined): Secret | undefined {
  return value ? new Secret(value) : undefined;
}

/** Drops undefined values so a mapped object only holds what the provider said. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

/** Renames the keys of a `limits` object (unified name → wire name); unknown keys are refused. */
export function limitsToWire(
  check: InputChecker,
  value: unknown,
  names: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const limits = check.record('limits', value);
  check.knownFields('limits', limits, Object.keys(names));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(limits)) if (item !== undefined) out[names[key]!] = item;
  return out;
}

/** `extra` holds provider fields without a unified name; one of them may not repeat a mapped one. */
export function mergeExtra(
  check: InputChecker,
  mapped: Record<string, unknown>,
  extra: unknown,
  allowed: readonly string[],
): Record<string, unknown> {
  if (extra === undefined) return mapped;
  const fields = check.record('extra', extra);
  check.knownFields('extra', fields, allowed);
  return { ...mapped, ...fields };
}

/**
 * A read that found nothing although the provider answered 200 (Synthflow's empty one-item list,
 * Voximplant's empty filtered list) is reported like a 404, so callers handle one error class.
 */
export function notFound(
  provider: ProviderName,
  operation: OperationInfo,
  id: string,
  body: unknown,
): NotFoundError {
  return new NotFoundError(
    {
      provider,
      operation: operation.id,
      method: operation.method.toUpperCase(),
      path: operation.path,
      kind: operation.kind,
      attempts: 1,
    },
    {
      status: 404,
      body: redacted(body),
      providerMessage: `no sub-account with id ${id} in the answer (HTTP 200 with an empty result)`,
    },
  );
}
