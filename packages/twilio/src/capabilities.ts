/** Twilio's row of the capability table: what the unified model does with it (data). */
import { ALL_UNIFIED_OPERATIONS, type CapabilityRow, onCreateAndUpdate } from '@tenantkit/core';

export const twilioCapabilities: CapabilityRow = {
  operations: ALL_UNIFIED_OPERATIONS,
  fields: {
    name: /* @__PURE__ */ onCreateAndUpdate(
      'FriendlyName (1–64 characters; Twilio names it after the time when left out)',
    ),
    enabled: {
      create: false,
      update: 'optional',
      wire: 'Status: true → active, false → suspended (no calls or messages; numbers kept and billed)',
    },
  },
  paging: {
    supported: true,
    how: 'next_page_uri (PageSize ≤ 1000), followed on the client’s own base URL only',
  },
  credentials: ['authToken'],
  limits: {},
  numbers: { supported: false, how: 'not part of the Account resource' },
  childAccounts: { supported: false, how: 'sub-accounts are the only children (no nesting)' },
  providerClientOnly: [
    'the main account itself: get and rename it (twilio.subaccounts.get / update with its SID)',
    'list filters by exact FriendlyName and by Status (twilio.subaccounts.list / listAll)',
  ],
  delete:
    'close: IRREVERSIBLE, Twilio releases its phone numbers and deletes its data 30 days later (Twilio has no DELETE)',
};
