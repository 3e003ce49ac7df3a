/** Synthflow as the facade, the CLI and the tooling see it: one definition, read by the registry. */
import {
  ALL_UNIFIED_OPERATIONS,
  defineProvider,
  extraSupport,
  onCreateAndUpdate,
} from '@tenantkit/core';
import { createSynthflowClient } from './client.js';
import { specInfo } from './generated/spec-info.js';

const EXTRA_ON_CREATE = ['twilio_account_sid', 'twilio_auth_token'] as const;
const EXTRA_ON_UPDATE = [
  ...EXTRA_ON_CREATE,
  'pricing_tiers_attach',
  'pricing_tiers_detach',
  'import_subscription',
  'operation_type',
  'products',
] as const;

export const synthflowProvider = /* @__PURE__ */ defineProvider({
  name: 'synthflow',
  createClient: createSynthflowClient,
  specInfo,
  capabilities: {
    operations: ALL_UNIFIED_OPERATIONS,
    fields: {
      name: /* @__PURE__ */ onCreateAndUpdate('subaccount_name', 'required'),
      email: /* @__PURE__ */ onCreateAndUpdate(
        'user_email (create) / invite_user_email (update): invites that person',
      ),
      limits: /* @__PURE__ */ onCreateAndUpdate(
        'concurrency, max_agents, max_minutes, max_workflow_runs',
      ),
      permissions: /* @__PURE__ */ onCreateAndUpdate(
        'grant_permissions / revoke_permissions (write: {grant, revoke}; read: the permissions object)',
      ),
      extra: /* @__PURE__ */ extraSupport(EXTRA_ON_CREATE, EXTRA_ON_UPDATE),
      twilio: /* @__PURE__ */ onCreateAndUpdate(
        'twilio_account_sid + twilio_auth_token, from a Twilio sub-account (a tk create result, a tk sub-account, or SID + Secret token)',
      ),
    },
    extra: { create: EXTRA_ON_CREATE, update: EXTRA_ON_UPDATE },
    paging: { supported: false, how: 'one answer holds every sub-account' },
    credentials: ['apiKey', 'signInLink'],
    limits: {
      concurrency: 'concurrency',
      maxAgents: 'max_agents',
      maxMinutes: 'max_minutes',
      maxWorkflowRuns: 'max_workflow_runs',
    },
    numbers: { supported: false, how: 'not part of the sub-account API' },
    childAccounts: { supported: false, how: 'no separate child accounts' },
    providerClientOnly: [],
  },
  configuration: {
    facade: 'Pass `synthflow: { apiKey }` to createTenantkit()',
    cli: 'set SYNTHFLOW_API_KEY (and SYNTHFLOW_REGION if not global), or pass --synthflow-api-key.',
    settings: [
      {
        option: 'apiKey',
        flag: '--synthflow-api-key',
        placeholder: '<key>',
        env: 'SYNTHFLOW_API_KEY',
        description: 'Synthflow API key',
        required: true,
        secret: true,
        mock: () => 'mock-api-key',
      },
      {
        option: 'region',
        flag: '--synthflow-region',
        placeholder: '<region>',
        env: 'SYNTHFLOW_REGION',
        description: 'global | us | eu',
        required: false,
        secret: false,
      },
    ],
  },
});
