/** Synthflow as the facade, the CLI and the tooling see it: one definition, read by the registry. */
import { defineProvider } from '@tenantkit/core';
import { synthflowCapabilities } from './capabilities.js';
import { createSynthflowClient } from './client.js';
import { synthflowFacade } from './facade.js';
import { specInfo } from './generated/spec-info.js';

export const synthflowProvider = /* @__PURE__ */ defineProvider({
  name: 'synthflow',
  createClient: createSynthflowClient,
  specInfo,
  capabilities: synthflowCapabilities,
  facade: synthflowFacade,
  configuration: {
    facade: 'Pass `synthflow: { apiKey }` to createTenantkit()',
    cli: 'set SYNTHFLOW_API_KEY (and SYNTHFLOW_REGION if not global), or pass --synthflow-api-key.',
    subAccountId: 'subaccount_id',
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
