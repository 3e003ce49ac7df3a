/** Vobiz's row of the capability table: what the unified model does with it (data). */
import {
  ALL_UNIFIED_OPERATIONS,
  type CapabilityRow,
  extraSupport,
  type FieldSupport,
  onCreateAndUpdate,
} from '@tenantkit/core';

/** Vobiz's update fields beyond name/enabled/kyc_mode (specs/vobiz.notes.md, "Update body"). */
const UPDATE_UNCONFIRMED =
  'on update confirmed only by the docs table and the official MCP server, not by the SDKs or skill';
const unconfirmed = (wire: string): FieldSupport => ({
  ...onCreateAndUpdate(wire),
  caveat: UPDATE_UNCONFIRMED,
});
const EXTRA_ON_CREATE = ['phone', 'kyc_mode', 'business_type'] as const;
const EXTRA_ON_UPDATE = ['phone', 'kyc_mode'] as const;

export const vobizCapabilities: CapabilityRow = {
  operations: ALL_UNIFIED_OPERATIONS,
  fields: {
    name: /* @__PURE__ */ onCreateAndUpdate('name', 'required'),
    email: /* @__PURE__ */ unconfirmed('email'),
    description: /* @__PURE__ */ unconfirmed('description'),
    enabled: /* @__PURE__ */ onCreateAndUpdate('enabled'),
    limits: /* @__PURE__ */ unconfirmed('rate_limit'),
    permissions: /* @__PURE__ */ unconfirmed(
      'permissions (an object of booleans, e.g. {calls, cdr})',
    ),
    password: { create: 'optional', update: false, wire: 'password (web-console sign-in)' },
    extra: /* @__PURE__ */ extraSupport(
      EXTRA_ON_CREATE,
      EXTRA_ON_UPDATE,
      // A plain literal, not a template: bundlers can then drop an unused definition whole.
      'kyc_mode is confirmed by every source; phone is on update confirmed only by the docs table and the official MCP server, not by the SDKs or skill',
    ),
  },
  extra: { create: EXTRA_ON_CREATE, update: EXTRA_ON_UPDATE },
  paging: { supported: true, how: 'page / size (pageSize ≤ 100)' },
  credentials: ['authId', 'authToken'],
  limits: { rateLimit: 'rate_limit' },
  numbers: {
    supported: true,
    how: 'assign / unassign (a CoolOffError within 15 days of the last call) / list per sub-account (the parent list filtered on account_id)',
  },
  childAccounts: { supported: false, how: 'sub-accounts are the only children' },
  providerClientOnly: [
    'kyc: PAN, GST, CIN, DigiLocker checks and hosted sessions (vobiz.kyc)',
    'numbers.list / listAll of the whole account (vobiz.numbers)',
  ],
};
