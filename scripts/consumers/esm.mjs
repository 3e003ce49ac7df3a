// An ESM consumer (Node, Bun, Deno): `import` of every package, then the shared scenario.
import scenarioModule from './scenario.cjs';

const load = {
  '@tenantkit/core': () => import('@tenantkit/core'),
  '@tenantkit/synthflow': () => import('@tenantkit/synthflow'),
  '@tenantkit/vobiz': () => import('@tenantkit/vobiz'),
  '@tenantkit/voximplant': () => import('@tenantkit/voximplant'),
  '@tenantkit/twilio': () => import('@tenantkit/twilio'),
  tenantkit: () => import('tenantkit'),
  'tenantkit/cli': () => import('tenantkit/cli'),
};
// biome-ignore lint/suspicious/noUndeclaredEnvVars: set by scripts/test-consumers.ts for this process only
const config = JSON.parse(process.env.CONSUMER_CONFIG);
const verdicts = await scenarioModule.scenario(load, config, { cli: true });
console.log(`VERDICTS ${JSON.stringify(verdicts)}`);
