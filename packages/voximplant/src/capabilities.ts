/**
 * Voximplant's row of the capability table: what the unified model does with it (data). Mutation
 * testing: the prose (`wire`, `caveat`, the provider-client-only list) is what the capability matrix
 * prints; the tenantkit package's README test pins it word for word, and this package's own run
 * never loads that test, so those lines are marked "matrix prose (header)" and left out. Likewise
 * `paging`, `childAccounts` and `credentials` are read only by the tenantkit facade (its
 * paging refusals, which values it wraps as secrets), pinned by its tests: "read by the facade
 * only (header)". The rest (`fields`, `limits`, `extra`; `numbers.supported` and every `how`,
 * which `defineProvider` checks on import) is tested in this package (facade and loads tests).
 */
import { ALL_UNIFIED_OPERATIONS, type CapabilityRow, onCreateAndUpdate } from '@tenantkit/core';

export const voximplantCapabilities: CapabilityRow = {
  operations: ALL_UNIFIED_OPERATIONS,
  fields: {
    name: {
      create: 'required',
      update: false,
      // Stryker disable next-line StringLiteral: matrix prose (header)
      wire: 'new_subuser_name (cannot be renamed)',
    },
    // Stryker disable next-line StringLiteral: matrix prose (header)
    description: /* @__PURE__ */ onCreateAndUpdate('description'),
    roles: /* @__PURE__ */ onCreateAndUpdate(
      // Stryker disable next-line StringLiteral: matrix prose (header)
      'role_id / role_name (create: {grant}; update: grant → SetSubUserRoles, revoke → RemoveSubUserRoles)',
    ),
    password: /* @__PURE__ */ onCreateAndUpdate(
      // Stryker disable next-line StringLiteral: matrix prose (header)
      'new_subuser_password',
      'required',
    ),
    currentPassword: {
      create: false,
      update: 'optional',
      // Stryker disable next-line StringLiteral: matrix prose (header)
      wire: 'old_subuser_password',
    },
  },
  // Stryker disable next-line ObjectLiteral: read by the facade only (header)
  paging: {
    // Stryker disable next-line BooleanLiteral: read by the facade only (header)
    supported: true,
    how: 'offset / count',
  },
  // Stryker disable next-line ArrayDeclaration,StringLiteral: read by the facade only (header)
  credentials: [],
  limits: {},
  numbers: {
    supported: false,
    how: 'numbers are not held by subusers',
  },
  // Stryker disable next-line ObjectLiteral: read by the facade only (header)
  childAccounts: {
    // Stryker disable next-line BooleanLiteral: read by the facade only (header)
    supported: true,
    how: 'list, update, suspend, activate (voximplant.childAccounts; Owner role): separate accounts, not the subusers above',
  },
  // Stryker disable StringLiteral,ArrayDeclaration: matrix prose (header)
  providerClientOnly: [
    'authorizedIps: add, list, delete, check the IPv4 allow-list (voximplant.authorizedIps)',
    'account.info: the profile and api_address (voximplant.account)',
    'keys and roles: service-account keys, role catalogue (voximplant.keys, voximplant.roles)',
  ],
  // Stryker restore StringLiteral,ArrayDeclaration
};
