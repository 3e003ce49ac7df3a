/** `tk.numbers` over a Vobiz client: numbers moved between the parent and its sub-accounts. */
import {
  defined,
  type NumbersAdapter,
  type UnifiedNumber,
  type UnifiedNumberAssignment,
} from '@tenantkit/core';
import type { VobizClient } from './api.js';
import type { PhoneNumber } from './generated/openapi.js';

/** A Vobiz phone number in the unified model. */
export type VobizNumberEntry = UnifiedNumber<'vobiz', PhoneNumber>;
export type VobizNumberAssignment = UnifiedNumberAssignment<'vobiz'>;

export function fromVobizNumber(raw: PhoneNumber): VobizNumberEntry {
  return defined({
    provider: 'vobiz' as const,
    number: raw.e164,
    holder: raw.account_id ?? raw.auth_id,
    status: raw.status,
    country: raw.country,
    raw,
  });
}

export function vobizNumbers(
  client: VobizClient,
): NumbersAdapter<VobizNumberEntry, VobizNumberAssignment> {
  return {
    async assign(number, subAccountId, call) {
      await client.numbers.assign(number, subAccountId, call);
      return { provider: 'vobiz', number, subAccountId, assigned: true };
    },
    async unassign(number, force, call) {
      await client.numbers.unassign(number, defined({ force }), call);
      return { provider: 'vobiz', number, assigned: false };
    },
    async *list(options, call) {
      const { subAccountId, limit } = options;
      const numbers =
        subAccountId === undefined
          ? client.numbers.listAll(defined({ limit }), call)
          : client.numbers.listForSubAccount(subAccountId, defined({ limit }), call);
      for await (const item of numbers) yield fromVobizNumber(item);
    },
  };
}
