/** Voximplant's row of the capability table: what the unified model does with it (data). */
import { ALL_UNIFIED_OPERATIONS, type CapabilityRow, onCreateAndUpdate } from '@tenantkit/core';

export const voximplantCapabilities: CapabilityRow = {
  operations: ALL_UNIFIED_OPERATIONS,
  fields: {
    name: { create: 'required', update: false, wire: 'new_subuser_name (cannot be renamed)' },
    description: /* @__PURE__ */ onCreateAndUpdate('description'),
    roles: /* @__PURE__ */ onCreateAndUpdate(
      'role_id / role_name (create: {grant}; update: grant → SetSubUserRoles, revoke → RemoveSubUserRoles)',
    ),
    password: /* @__PURE__ */ onCreateAndUpdate('new_subuser_password', 'required'),
    currentPassword: { create: false, update: 'optional', wire: 'old_subuser_password' },
  },
  paging: { supported: true, how: 'offset / count' },
  credentials: [],
  limits: {},
  numbers: { supported: false, how: 'numbers are not held by subusers' },
  childAccounts: {
    supported: true,
    how: 'list, update, suspend, activate (voximplant.childAccounts; Owner role): separate accounts, not the subusers above',
  },
  providerClientOnly: [
    'authorizedIps: add, list, delete, check the IPv4 allow-list (voximplant.authorizedIps)',
    'account.info: the profile and api_address (voximplant.account)',
    'keys and roles: service-account keys, role catalogue (voximplant.keys, voximplant.roles)',
  ],
};
