/**
 * Vobiz's row of the capability table: what the unified model does with it (data). Mutation
 * testing: the prose (`wire`, `caveat`, the provider-client-only list) is what the capability matrix
 * prints; the tenantkit package's README test pins it word for word, and this package's own run
 * never loads that test, so those lines are marked "matrix prose (header)" and left out. Likewise
 * `paging`, `childAccounts` and `credentials` are read only by the tenantkit facade (its
 * paging refusals, which values it wraps as secrets), pinned by its tests: "read by the facade
 * only (header)". The rest (`fields`, `limits`, `extra`; `numbers.supported` and every `how`,
 * which `defineProvider` checks on import) is tested in this package (facade and loads tests).
 */
import {
  ALL_UNIFIED_OPERATIONS,
  type CapabilityRow,
  extraSupport,
  type FieldSupport,
  onCreateAndUpdate,
} from '@tenantkit/core';

/** Vobiz's update fields beyond name/enabled/kyc_mode (specs/vobiz.notes.md, "Update body"). */
const UPDATE_UNCONFIRMED =
  // Stryker disable next-line StringLiteral: matrix prose (header)
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
    // Stryker disable next-line StringLiteral: matrix prose (header)
    email: /* @__PURE__ */ unconfirmed('email'),
    // Stryker disable next-line StringLiteral: matrix prose (header)
    description: /* @__PURE__ */ unconfirmed('description'),
    // Stryker disable next-line StringLiteral: matrix prose (header)
    enabled: /* @__PURE__ */ onCreateAndUpdate('enabled'),
    // Stryker disable next-line StringLiteral: matrix prose (header)
    limits: /* @__PURE__ */ unconfirmed('rate_limit'),
    permissions: /* @__PURE__ */ unconfirmed(
      // Stryker disable next-line StringLiteral: matrix prose (header)
      'permissions (an object of booleans, e.g. {calls, cdr})',
    ),
    password: {
      create: 'optional',
      update: false,
      // Stryker disable next-line StringLiteral: matrix prose (header)
      wire: 'password (web-console sign-in)',
    },
    extra: /* @__PURE__ */ extraSupport(
      EXTRA_ON_CREATE,
      EXTRA_ON_UPDATE,
      // A plain literal, not a template: bundlers can then drop an unused definition whole.
      // Stryker disable next-line StringLiteral: matrix prose (header)
      'kyc_mode is confirmed by every source; phone is on update confirmed only by the docs table and the official MCP server, not by the SDKs or skill',
    ),
  },
  // Stryker disable next-line ObjectLiteral: read by the facade only (header)
  paging: {
    // Stryker disable next-line BooleanLiteral: read by the facade only (header)
    supported: true,
    how: 'page / size (pageSize ≤ 100)',
  },
  // Stryker disable next-line ArrayDeclaration,StringLiteral: read by the facade only (header)
  credentials: ['authId', 'authToken'],
  limits: { rateLimit: 'rate_limit' },
  numbers: {
    supported: true,
    how: 'assign / unassign (a CoolOffError within 15 days of the last call) / list per sub-account (the parent list filtered on account_id)',
  },
  // Stryker disable next-line ObjectLiteral: read by the facade only (header)
  childAccounts: {
    // Stryker disable next-line BooleanLiteral: read by the facade only (header)
    supported: false,
    how: 'sub-accounts are the only children',
  },
  // Stryker disable StringLiteral,ArrayDeclaration: matrix prose (header)
  providerClientOnly: [
    'kyc: PAN, GST, CIN, DigiLocker checks and hosted sessions (vobiz.kyc)',
    'numbers.list / listAll of the whole account (vobiz.numbers)',
  ],
  // Stryker restore StringLiteral,ArrayDeclaration
};
