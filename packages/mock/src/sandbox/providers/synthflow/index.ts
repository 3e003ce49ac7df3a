/** Synthflow: one agency workspace, bearer-key auth, `{status, response}` envelopes. */
import { json, type ProviderDefinition } from '../../definition.js';
import type { SynthflowState } from './state.js';
import { subaccountHandlers, synthflowId } from './subaccounts.js';

export interface SynthflowSandboxCredentials {
  apiKey: string;
}

export const synthflow: ProviderDefinition<SynthflowState, SynthflowSandboxCredentials> = {
  provider: 'synthflow',
  createState(random, now) {
    return {
      agencyId: synthflowId(random, now),
      apiKey: `sandbox-synthflow-${random.hex(24)}`,
      subaccounts: [],
    };
  },
  credentials: (state) => ({ apiKey: state.apiKey }),
  authenticate(request, { state }) {
    if (request.headers.authorization === `Bearer ${state.apiKey}`) return undefined;
    return json(401, { error: 'unauthorized', message: 'The API key is missing or invalid.' });
  },
  faults: {
    rateLimited: (seconds) =>
      json(
        429,
        { error: 'rate_limited', message: 'Too many requests, slow down and retry later.' },
        { 'retry-after': String(seconds) },
      ),
    serverError: () =>
      json(500, { error: 'internal_error', message: 'Something went wrong on our side.' }),
  },
  handlers: subaccountHandlers,
};
