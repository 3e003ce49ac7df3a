/**
 * Synthflow's row of the capability table: what the unified model does with it (data). Mutation
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
  onCreateAndUpdate,
} from '@tenantkit/core';

const EXTRA_ON_CREATE = ['twilio_account_sid', 'twilio_auth_token'] as const;
const EXTRA_ON_UPDATE = [
  ...EXTRA_ON_CREATE,
  'pricing_tiers_attach',
  'pricing_tiers_detach',
  'import_subscription',
  'operation_type',
  'products',
] as const;

export const synthflowCapabilities: CapabilityRow = {
  operations: ALL_UNIFIED_OPERATIONS,
  fields: {
    name: /* @__PURE__ */ onCreateAndUpdate('subaccount_name', 'required'),
    email: /* @__PURE__ */ onCreateAndUpdate(
      // Stryker disable next-line StringLiteral: matrix prose (header)
      'user_email (create) / invite_user_email (update): invites that person',
    ),
    limits: /* @__PURE__ */ onCreateAndUpdate(
      // Stryker disable next-line StringLiteral: matrix prose (header)
      'concurrency, max_agents, max_minutes, max_workflow_runs',
    ),
    permissions: /* @__PURE__ */ onCreateAndUpdate(
      // Stryker disable next-line StringLiteral: matrix prose (header)
      'grant_permissions / revoke_permissions (write: {grant, revoke}; read: the permissions object)',
    ),
    extra: /* @__PURE__ */ extraSupport(EXTRA_ON_CREATE, EXTRA_ON_UPDATE),
    twilio: /* @__PURE__ */ onCreateAndUpdate(
      // Stryker disable next-line StringLiteral: matrix prose (header)
      'twilio_account_sid + twilio_auth_token, from a Twilio sub-account (a tk create result, a tk sub-account, or SID + Secret token)',
    ),
  },
  // Stryker disable next-line ObjectLiteral: read by the facade only (header)
  paging: {
    // Stryker disable next-line BooleanLiteral: read by the facade only (header)
    supported: false,
    how: 'one answer holds every sub-account',
  },
  // Stryker disable next-line ArrayDeclaration,StringLiteral: read by the facade only (header)
  credentials: ['apiKey', 'signInLink'],
  limits: {
    concurrency: 'concurrency',
    maxAgents: 'max_agents',
    maxMinutes: 'max_minutes',
    maxWorkflowRuns: 'max_workflow_runs',
  },
  numbers: {
    supported: false,
    how: 'not part of the sub-account API',
  },
  // Stryker disable next-line ObjectLiteral: read by the facade only (header)
  childAccounts: {
    // Stryker disable next-line BooleanLiteral: read by the facade only (header)
    supported: false,
    how: 'no separate child accounts',
  },
  // Stryker disable next-line ArrayDeclaration: matrix prose (header)
  providerClientOnly: [],
};
