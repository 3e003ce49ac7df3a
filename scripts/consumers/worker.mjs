// A Cloudflare worker (workerd), bundled by esbuild as wrangler would: no Node built-ins, no
// nodejs_compat flag. The test POSTs the config (mock URLs, credentials as JSON text); the worker
// runs the shared scenario inside the request, where workerd allows outbound fetch.
import scenarioModule from './scenario.cjs';

const load = {
  '@tenantkit/core': () => import('@tenantkit/core'),
  '@tenantkit/synthflow': () => import('@tenantkit/synthflow'),
  '@tenantkit/vobiz': () => import('@tenantkit/vobiz'),
  '@tenantkit/voximplant': () => import('@tenantkit/voximplant'),
  '@tenantkit/twilio': () => import('@tenantkit/twilio'),
  tenantkit: () => import('tenantkit'),
};

export default {
  async fetch(request) {
    const config = await request.json();
    return Response.json(await scenarioModule.scenario(load, config));
  },
};
