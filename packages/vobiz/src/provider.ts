/** Vobiz as the facade, the CLI and the tooling see it: one definition, read by the registry. */
import {
  ALL_UNIFIED_OPERATIONS,
  defineProvider,
  extraSupport,
  type FieldSupport,
  onCreateAndUpdate,
} from '@tenantkit/core';
import { createVobizClient } from './client.js';
import { specInfo } from './generated/spec-info.js';

/** Vobiz's update fields beyond name/enabled/kyc_mode (specs/vobiz.notes.md, "Update body"). */
const UPDATE_UNCONFIRMED =
  'on update confirmed only by the docs table and the official MCP server, not by the SDKs or skill';
const unconfirmed = (wire: string): FieldSupport => ({
  ...onCreateAndUpdate(wire),
  caveat: UPDATE_UNCONFIRMED,
});
const EXTRA_ON_CREATE = ['phone', 'kyc_mode', 'business_type'] as const;
const EXTRA_ON_UPDATE = ['phone', 'kyc_mode'] as const;

export const vobizProvider = /* @__PURE__ */ defineProvider({
  name: 'vobiz',
  createClient: createVobizClient,
  specInfo,
  capabilities: {
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
  },
  configuration: {
    facade: 'Pass `vobiz: { authId, authToken }` to createTenantkit()',
    cli: 'set VOBIZ_AUTH_ID and VOBIZ_AUTH_TOKEN, or pass --vobiz-auth-id and --vobiz-auth-token.',
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
