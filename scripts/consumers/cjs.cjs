// A CommonJS consumer (Node, Bun): `require()` of every package, then the shared scenario.
const { scenario } = require('./scenario.cjs');

const load = {
  '@tenantkit/core': async () => require('@tenantkit/core'),
  '@tenantkit/synthflow': async () => require('@tenantkit/synthflow'),
  '@tenantkit/vobiz': async () => require('@tenantkit/vobiz'),
  '@tenantkit/voximplant': async () => require('@tenantkit/voximplant'),
  '@tenantkit/twilio': async () => require('@tenantkit/twilio'),
  tenantkit: async () => require('tenantkit'),
  'tenantkit/cli': async () => require('tenantkit/cli'),
};
// biome-ignore lint/suspicious/noUndeclaredEnvVars: set by scripts/test-consumers.ts for this process only
const config = JSON.parse(process.env.CONSUMER_CONFIG);
scenario(load, config, { cli: true }).then((verdicts) => {
  console.log(`VERDICTS ${JSON.stringify(verdicts)}`);
});
