/**
 * Twilio in the tenants file: the sub-account, named `<prefix><tenant key>` (its FriendlyName, at
 * most 64 characters: the definition's naming rule), active or suspended. Twilio's create takes
 * the name only, so a sub-account declared suspended is suspended right after its create. A closed
 * sub-account stays in Twilio's list (for 30 days) but is gone for good: it is not managed, and the
 * tenant gets a new one. Pruning an orphan closes it — Twilio cannot undo that.
 */

import { Comparer, changedTo, type TenantRules } from '@tenantkit/core';
import type { TwilioFacade, TwilioUnifiedSubAccount } from './facade-types.js';

export interface TwilioTenant {
  /** Active (true) or suspended (false: no calls or messages; numbers kept and billed). */
  enabled?: boolean;
}

const isClosed = (have: TwilioUnifiedSubAccount) => have.raw?.status === 'closed';

export const twilioTenantRules: TenantRules<TwilioTenant, TwilioFacade> = {
  schema: {
    type: 'object',
    description:
      'The Twilio sub-account. Pruning an orphan closes it, which Twilio cannot undo (its numbers are released).',
    properties: {
      enabled: {
        type: 'boolean',
        description:
          'Active (true) or suspended (false: no calls or messages; numbers kept and billed).',
      },
    },
    additionalProperties: false,
  },
  compare(want, have) {
    const c = new Comparer();
    c.field('enabled', have.enabled, want.enabled);
    return c.result();
  },
  secretFields: () => ({}),
  createInput: (name) => ({ name }),
  afterCreate: (want) => (want.enabled === false ? { enabled: false } : undefined),
  updateInput(changes) {
    const enabled = changedTo(changes, 'enabled');
    return typeof enabled === 'boolean' ? { enabled } : {};
  },
  isGone: isClosed,
};
