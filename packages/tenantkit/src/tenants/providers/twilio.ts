/**
 * Twilio in the tenants file: the sub-account itself, named `<prefix><tenant key>` (its
 * FriendlyName, at most 64 characters: the definition's naming rule). The file sets no field of
 * it yet, so a managed record is either there (unchanged) or created.
 */
import { Comparer, type TenantRules } from '../rules.js';

export type TwilioTenant = Record<string, never>;

export const twilioTenantRules: TenantRules<'twilio', TwilioTenant> = {
  schema: {
    type: 'object',
    description:
      'The Twilio sub-account. Pruning an orphan closes it, which Twilio cannot undo (its numbers are released).',
    properties: {},
    additionalProperties: false,
  },
  compare: () => new Comparer().result(),
  secretFields: () => ({}),
  createInput: (name) => ({ name }),
  updateInput: () => ({}),
};
