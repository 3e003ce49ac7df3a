/** GetAccountInfo: the sandbox's own account; `api_address` names the sandbox itself. */
import { type Handlers, json } from '../../definition.js';
import type { VoximplantState } from './state.js';

export const accountHandlers: Handlers<VoximplantState> = {
  GetAccountInfo(_request, { state, host }) {
    const { account } = state;
    return json(200, {
      result: {
        account_id: account.id,
        account_name: account.name,
        account_email: account.email,
        created: account.created,
        active: true,
        frozen: false,
        balance: account.balance,
        currency: account.currency,
        language_code: 'en',
        location: 'Etc/GMT',
      },
      // The preferred host for this account's calls: here, this sandbox as it is configured, never
      // the caller's Host header (a client that follows only voximplant.com hosts keeps its base URL).
      api_address: host,
    });
  },
};
