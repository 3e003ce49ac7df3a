/**
 * Twilio's row of the capability table: what the unified model does with it (data). Mutation
 * testing: the prose (`wire`, `caveat`, the provider-client-only list) is what the capability matrix
 * prints; the tenantkit package's README test pins it word for word, and this package's own run
 * never loads that test, so those lines are marked "matrix prose (header)" and left out. Likewise
 * `paging`, `childAccounts` and `credentials` are read only by the tenantkit facade (its
 * paging refusals, which values it wraps as secrets), pinned by its tests: "read by the facade
 * only (header)". The rest (`fields`, `limits`, `extra`; `numbers.supported` and every `how`,
 * which `defineProvider` checks on import) is tested in this package (facade and loads tests).
 */
import { ALL_UNIFIED_OPERATIONS, type CapabilityRow, onCreateAndUpdate } from '@tenantkit/core';

export const twilioCapabilities: CapabilityRow = {
  operations: ALL_UNIFIED_OPERATIONS,
  fields: {
    name: /* @__PURE__ */ onCreateAndUpdate(
      // Stryker disable next-line StringLiteral: matrix prose (header)
      'FriendlyName (1–64 characters; Twilio names it after the time when left out)',
    ),
    enabled: {
      create: false,
      update: 'optional',
      // Stryker disable next-line StringLiteral: matrix prose (header)
      wire: 'Status: true → active, false → suspended (no calls or messages; numbers kept and billed)',
    },
  },
  // Stryker disable next-line ObjectLiteral: read by the facade only (header)
  paging: {
    // Stryker disable next-line BooleanLiteral: read by the facade only (header)
    supported: true,
    how: 'next_page_uri (PageSize ≤ 1000), followed on the client’s own base URL only',
  },
  // Stryker disable next-line ArrayDeclaration,StringLiteral: read by the facade only (header)
  credentials: ['authToken'],
  limits: {},
  numbers: {
    supported: false,
    how: 'not part of the Account resource',
  },
  // Stryker disable next-line ObjectLiteral: read by the facade only (header)
  childAccounts: {
    // Stryker disable next-line BooleanLiteral: read by the facade only (header)
    supported: false,
    how: 'sub-accounts are the only children (no nesting)',
  },
  // Stryker disable StringLiteral,ArrayDeclaration: matrix prose (header)
  providerClientOnly: [
    'the main account itself: get and rename it (twilio.subaccounts.get / update with its SID)',
    'list filters by exact FriendlyName and by Status (twilio.subaccounts.list / listAll)',
  ],
  // Stryker restore StringLiteral,ArrayDeclaration
  delete:
    // Stryker disable next-line StringLiteral: matrix prose (header)
    'close: IRREVERSIBLE, Twilio releases its phone numbers and deletes its data 30 days later (Twilio has no DELETE)',
};
