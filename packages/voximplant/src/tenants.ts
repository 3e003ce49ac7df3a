/** Voximplant in the tenants file: a subuser's description, its roles, a password at creation. */

import {
  Comparer,
  changedTo,
  described,
  type SecretRef,
  secretRefSchema,
  type TenantRules,
  textSchema,
} from '@tenantkit/core';
import type { VoximplantFacade, VoximplantUpdateInput } from './facade-types.js';

export interface VoximplantTenant {
  description?: string;
  /** The role names the subuser holds, exactly: missing ones are granted, others removed. */
  roles?: string[];
  /** Set at creation only. Default: generated. */
  password?: SecretRef;
}

export const voximplantTenantRules: TenantRules<VoximplantTenant, VoximplantFacade> = {
  schema: {
    type: 'object',
    description: 'The Voximplant subuser.',
    properties: {
      description: { type: 'string' },
      roles: {
        type: 'array',
        description: 'Role names the subuser holds, exactly (others are taken away).',
        items: textSchema,
        uniqueItems: true,
      },
      password: /* @__PURE__ */ described(
        secretRefSchema,
        'Default `{ generate: true }`: Voximplant requires one at creation.',
      ),
    },
    additionalProperties: false,
  },

  compare(want, have) {
    const c = new Comparer();
    c.field('description', have.description, want.description);
    if (want.roles !== undefined) {
      const held = (have.roles ?? []).map((role) => role.role_name).sort();
      c.field('roles', held, [...want.roles].sort());
    }
    c.blind('password', want.password ?? { generate: true });
    return c.result();
  },

  secretFields(want) {
    return { password: want.password ?? { generate: true } };
  },

  createInput(name, want, secrets) {
    return {
      name,
      password: secrets.password ?? '',
      ...(want.description !== undefined && { description: want.description }),
      ...(want.roles && want.roles.length > 0 && { roles: { grant: want.roles } }),
    };
  },

  updateInput(changes) {
    const update: VoximplantUpdateInput = {};
    const description = changedTo(changes, 'description');
    if (description !== undefined) update.description = description as string;
    const roles = changes.find((change) => change.field === 'roles');
    if (roles) {
      const held = roles.current as string[];
      const desired = roles.desired as string[];
      const grant = desired.filter((name) => !held.includes(name));
      const revoke = held.filter((name) => !desired.includes(name));
      update.roles = {
        ...(grant.length > 0 && { grant }),
        ...(revoke.length > 0 && { revoke }),
      };
    }
    return update;
  },
};
