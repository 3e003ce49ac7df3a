/**
 * Each provider client behind one small interface, so the fault matrix, the canary tests and the
 * fuzzers run the same rows against every client: the `client` cell of each provider's module in
 * `test/cells/`, in the registry's order.
 */
import type { Provider } from 'tenantkit';
import type { ClientCell } from './cell-kit.js';
import { CELLS } from './cells.js';

export {
  CANARY,
  TWILIO_SID,
  twilioAccount,
  twilioBasicPair,
  voximplantCredentials,
} from './canaries.js';
export type { ClientUnderTest } from './cell-kit.js';

export interface ClientAdapter extends ClientCell {
  readonly provider: Provider;
}

/** Every client the matrix, the canaries and the fuzzers run against: the registry's, in order. */
export const adapters: ClientAdapter[] = CELLS.map((cells) => ({
  provider: cells.provider,
  ...cells.client,
}));
