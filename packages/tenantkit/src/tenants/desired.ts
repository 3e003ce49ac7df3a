/** What a tenant wants at one provider: the file's defaults for that provider, then its own values. */
import type { TenantProvider, TenantSpec, TenantsFile } from './types.js';

type Spec<P extends TenantProvider> = NonNullable<TenantSpec[P]>;

/** Objects (limits, permissions, extra) merge key by key; any other value replaces the default. */
export function desiredSpec<P extends TenantProvider>(
  file: TenantsFile,
  key: string,
  provider: P,
): Spec<P> | undefined {
  const own = file.tenants[key]?.[provider];
  if (own === undefined) return undefined;
  const defaults = file.defaults?.[provider];
  if (defaults === undefined) return own as Spec<P>;
  const merged: Record<string, unknown> = { ...defaults };
  for (const [field, value] of Object.entries(own)) {
    const base = merged[field];
    merged[field] =
      isPlainObject(base) && isPlainObject(value) && !isSecretRef(value)
        ? { ...base, ...value }
        : value;
  }
  return merged as Spec<P>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSecretRef(value: Record<string, unknown>): boolean {
  return 'env' in value || 'generate' in value;
}
