/**
 * What the runtime costs per call: a bare openapi-fetch GET against the same GET through the
 * Synthflow client (retries, timeout and redaction on), both over a stub fetch that answers a
 * canned Response at once, so only client-side work is measured. Target: ≥ 0.8× bare ops/s.
 */
import { createSynthflowClient, type paths } from '@tenantkit/synthflow';
import createClient from 'openapi-fetch';
import { bench, describe } from 'vitest';

const ID = '1726005822670x239735712159542050';
const BASE_URL = 'https://api.synthflow.test/v2';
const API_KEY = 'sk-bench-0123456789abcdef';
const PAYLOAD = JSON.stringify({
  status: 'ok',
  response: { subaccounts: [{ subaccount_id: ID, name: 'Acme Dental', max_minutes: 1000 }] },
});
const HEADERS = { 'content-type': 'application/json', 'content-length': String(PAYLOAD.length) };
const cannedFetch = async (_request: Request) =>
  new Response(PAYLOAD, { status: 200, headers: HEADERS });

const bare = createClient<paths>({
  baseUrl: BASE_URL,
  fetch: cannedFetch,
  headers: { Authorization: `Bearer ${API_KEY}` },
});
const synthflow = createSynthflowClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch: cannedFetch });

/** Long runs: the machine is shared, and short ones are mostly noise. */
const options = { time: 4_000, warmupTime: 1_000 };

describe('GET one sub-account over a canned Response', () => {
  bench(
    'bare openapi-fetch',
    async () => {
      const { data } = await bare.GET('/subaccounts/{subaccount_id}', {
        params: { path: { subaccount_id: ID } },
      });
      if (!data?.response) throw new Error('unexpected answer');
    },
    options,
  );

  bench(
    'synthflow client (retries, 30 s timeout, redaction)',
    async () => {
      const answer = await synthflow.subaccounts.get(ID);
      if (!answer.subaccounts) throw new Error('unexpected answer');
    },
    options,
  );
});
