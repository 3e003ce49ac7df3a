/** Vobiz in the tenants file: profile, status, rate limit, permissions, password at creation. */

import {
  Comparer,
  changedTo,
  changedUnder,
  type SecretRef,
  secretRefSchema,
  type TenantRules,
  textSchema,
} from '@tenantkit/core';
import type {
  VobizCreateInput,
  VobizFacade,
  VobizLimits,
  VobizUpdateInput,
} from './facade-types.js';

export interface VobizTenant {
  email?: string;
  description?: string;
  enabled?: boolean;
  limits?: VobizLimits;
  permissions?: Record<string, boolean>;
  /** Web-console password, set at creation only. */
  password?: SecretRef;
  extra?: { phone?: string; kyc_mode?: 'personal_use' | 'customer_use'; business_type?: string };
}

export const vobizTenantRules: TenantRules<VobizTenant, VobizFacade> = {
  schema: {
    type: 'object',
    description: 'The Vobiz sub-account.',
    properties: {
      email: textSchema,
      description: { type: 'string' },
      enabled: { type: 'boolean' },
      limits: {
        type: 'object',
        properties: { rateLimit: { type: 'integer', minimum: 1 } },
        additionalProperties: false,
      },
      permissions: { type: 'object', additionalProperties: { type: 'boolean' } },
      password: secretRefSchema,
      extra: {
        type: 'object',
        properties: {
          phone: textSchema,
          kyc_mode: { enum: ['personal_use', 'customer_use'] },
          business_type: textSchema,
        },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  },

  compare(want, have) {
    const c = new Comparer();
    c.field('email', have.email, want.email);
    c.field('description', have.description, want.description);
    c.field('enabled', have.enabled, want.enabled);
    c.field('limits.rateLimit', have.limits?.rateLimit, want.limits?.rateLimit);
    const held = (have.permissions ?? {}) as Record<string, boolean | undefined>;
    for (const [name, value] of Object.entries(want.permissions ?? {}))
      c.field(`permissions.${name}`, held[name], value);
    c.blind('password', want.password);
    const raw = have.raw as unknown as Record<string, unknown>;
    const { business_type: businessType, ...updatable } = want.extra ?? {};
    for (const [name, value] of Object.entries(updatable))
      if (name in raw) c.field(`extra.${name}`, raw[name], value);
      else c.blind(`extra.${name}`, value);
    // Vobiz takes the business type at creation only.
    c.blind('extra.business_type', businessType);
    return c.result();
  },

  secretFields(want): Record<string, SecretRef> {
    return want.password ? { password: want.password } : {};
  },

  createInput(name, want, secrets) {
    const { password: _ref, ...spec } = want;
    return {
      name,
      ...spec,
      ...(secrets.password !== undefined && { password: secrets.password }),
    } as VobizCreateInput;
  },

  updateInput(changes, have) {
    const limits = changedUnder(changes, 'limits.');
    const permissions = changedUnder(changes, 'permissions.');
    const extra = changedUnder(changes, 'extra.');
    const update: Record<string, unknown> = {};
    for (const field of ['email', 'description', 'enabled'])
      if (changedTo(changes, field) !== undefined) update[field] = changedTo(changes, field);
    if (Object.keys(limits).length > 0) update.limits = limits;
    // The whole object is sent, what is held now with the changes on top, so nothing is dropped.
    if (Object.keys(permissions).length > 0)
      update.permissions = { ...(have.permissions as object | undefined), ...permissions };
    if (Object.keys(extra).length > 0) update.extra = extra;
    return update as VobizUpdateInput;
  },
};
