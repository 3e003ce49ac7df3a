/** Synthflow in the tenants file: limits, permissions and the Twilio credentials it calls through. */

import {
  Comparer,
  changedUnder,
  described,
  nullableCountSchema,
  type SecretRef,
  secretRefSchema,
  type TenantRules,
  textSchema,
} from '@tenantkit/core';
import type {
  SynthflowCreateInput,
  SynthflowFacade,
  SynthflowLimits,
  SynthflowUpdateInput,
} from './facade-types.js';
import { permissionValues, type Permission as SynthflowPermission } from './generated/openapi.js';

export interface SynthflowTenant {
  /** Invited at creation; Synthflow cannot read it back, so it is never compared. */
  email?: string;
  limits?: SynthflowLimits;
  /** Each permission on or off; those not named are left as they are. */
  permissions?: Partial<Record<SynthflowPermission, boolean>>;
  extra?: { twilio_account_sid?: string; twilio_auth_token?: SecretRef };
  /**
   * Calls through this tenant's Twilio sub-account (its `twilio` entry, made first). Synthflow
   * cannot read the link back: once it was sent, the Twilio sub-account's name says so
   * (`<prefix><key> [synthflow]`), and until then every plan shows it still to send.
   */
  twilio?: boolean;
}

/** Permission switches as Synthflow's grant/revoke lists. */
function grantRevoke(permissions: Record<string, unknown>) {
  const grant = Object.keys(permissions).filter((name) => permissions[name] === true);
  const revoke = Object.keys(permissions).filter((name) => permissions[name] === false);
  return {
    ...(grant.length > 0 && { grant }),
    ...(revoke.length > 0 && { revoke }),
  } as NonNullable<SynthflowCreateInput['permissions']>;
}

export const synthflowTenantRules: TenantRules<SynthflowTenant, SynthflowFacade> = {
  // Permission names come from the Synthflow spec, so the schema cannot drift from the client.
  schema: {
    type: 'object',
    description: 'The Synthflow sub-account.',
    properties: {
      email: /* @__PURE__ */ described(
        textSchema,
        'Person invited at creation (Synthflow cannot read it back).',
      ),
      limits: {
        type: 'object',
        properties: {
          concurrency: { type: 'integer', minimum: 0 },
          maxAgents: nullableCountSchema,
          maxMinutes: nullableCountSchema,
          maxWorkflowRuns: nullableCountSchema,
        },
        additionalProperties: false,
      },
      permissions: {
        type: 'object',
        description:
          'Each permission on (true) or off (false); those not named are left as they are.',
        propertyNames: { enum: permissionValues },
        additionalProperties: { type: 'boolean' },
      },
      extra: {
        type: 'object',
        properties: { twilio_account_sid: textSchema, twilio_auth_token: secretRefSchema },
        additionalProperties: false,
      },
      twilio: {
        type: 'boolean',
        description:
          "true: calls through this tenant's Twilio sub-account (its twilio entry, created first). Synthflow cannot read it back: once sent, the Twilio sub-account is renamed <prefix><key> [synthflow]; until then each plan shows the link to send.",
      },
    },
    additionalProperties: false,
  },

  compare(want, have) {
    const c = new Comparer();
    c.blind('email', want.email);
    const { maxMinutes, ...unreadable } = want.limits ?? {};
    // Synthflow reads back max_minutes only (null: unlimited).
    c.field('limits.maxMinutes', have.limits?.maxMinutes, maxMinutes);
    for (const [name, value] of Object.entries(unreadable)) c.blind(`limits.${name}`, value);
    const held = (have.permissions ?? {}) as Record<string, boolean | undefined>;
    for (const [name, value] of Object.entries(want.permissions ?? {}))
      c.field(`permissions.${name}`, held[name], value);
    for (const [name, value] of Object.entries(want.extra ?? {})) c.blind(`extra.${name}`, value);
    // The link is read back from the Twilio sub-account's name instead (tenantkit's tenants/links.ts).
    return c.result();
  },

  linksTo: (want) => (want.twilio ? 'twilio' : undefined),
  linkable: 'twilio',
  // The facade refuses both in one request: caught in the file, before the Twilio create.
  linkRivals: (want) =>
    want.twilio ? Object.keys(want.extra ?? {}).map((field) => `extra.${field}`) : [],
  namesLinkable: (want) => want.extra?.twilio_account_sid,

  secretFields(want): Record<string, SecretRef> {
    const token = want.extra?.twilio_auth_token;
    return token ? { 'extra.twilio_auth_token': token } : {};
  },

  createInput(name, want, secrets) {
    const twilioToken = secrets['extra.twilio_auth_token'];
    const extra = {
      ...(want.extra?.twilio_account_sid !== undefined && {
        twilio_account_sid: want.extra.twilio_account_sid,
      }),
      ...(twilioToken !== undefined && { twilio_auth_token: twilioToken }),
    };
    return {
      name,
      ...(want.email !== undefined && { email: want.email }),
      ...(want.limits && { limits: want.limits }),
      ...(want.permissions && { permissions: grantRevoke(want.permissions) }),
      ...(Object.keys(extra).length > 0 && { extra }),
    };
  },

  updateInput(changes) {
    const limits = changedUnder(changes, 'limits.');
    const permissions = changedUnder(changes, 'permissions.');
    return {
      ...(Object.keys(limits).length > 0 && { limits }),
      ...(Object.keys(permissions).length > 0 && { permissions: grantRevoke(permissions) }),
    } as SynthflowUpdateInput;
  },
};
