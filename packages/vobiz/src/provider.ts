/** Vobiz as the facade, the CLI and the tooling see it: one definition, read by the registry. */
import { defineProvider } from '@tenantkit/core';
import { vobizCapabilities } from './capabilities.js';
import { createVobizClient } from './client.js';
import { checkVobizId, vobizFacade } from './facade.js';
import { vobizNumbers } from './facade-numbers.js';
import { specInfo } from './generated/spec-info.js';

export const vobizProvider = /* @__PURE__ */ defineProvider({
  name: 'vobiz',
  createClient: createVobizClient,
  specInfo,
  capabilities: vobizCapabilities,
  facade: vobizFacade,
  checkId: checkVobizId,
  numbers: vobizNumbers,
  configuration: {
    facade: 'Pass `vobiz: { authId, authToken }` to createTenantkit()',
    cli: 'set VOBIZ_AUTH_ID and VOBIZ_AUTH_TOKEN, or pass --vobiz-auth-id and --vobiz-auth-token.',
    subAccountId: 'SA_ auth id',
    settings: [
      {
        option: 'authId',
        flag: '--vobiz-auth-id',
        placeholder: '<id>',
        env: 'VOBIZ_AUTH_ID',
        description: 'Vobiz parent auth id, MA_…',
        required: true,
        secret: false,
        mock: () => 'MA_MOCK0000',
      },
      {
        option: 'authToken',
        flag: '--vobiz-auth-token',
        placeholder: '<token>',
        env: 'VOBIZ_AUTH_TOKEN',
        description: 'Vobiz auth token',
        required: true,
        secret: true,
        mock: () => 'mock-auth-token',
      },
    ],
  },
});
