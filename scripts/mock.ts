/**
 * `pnpm mock`: serves every spec in specs/ in the foreground until Ctrl-C.
 *
 *   pnpm mock              Prism mocks: each call answered with the spec's examples (no state),
 *                          CORS on (a page on another local origin may call them in development).
 *                          Ports MOCK_PORT_<PROVIDER>, e.g. MOCK_PORT_SYNTHFLOW (default: the port
 *                          in the provider package's package.json, 4010, 4011, 4012 …; 0 = any
 *                          free port).
 *   pnpm mock --sandbox    The stateful sandbox (@tenantkit/mock): what one call creates, the next
 *                          sees; Prism checks every request and answer. Ports SANDBOX_PORT_<PROVIDER>
 *                          (default 4020, 4021, 4022). Options: --seed N, --state FILE (share state
 *                          between runs), and faults for every provider: --rate-limit N (req/s),
 *                          --latency MS or MIN-MAX, --error-rate R, --reset-rate R (R from 0 to 1).
 */
import { parseArgs } from 'node:util';
import { startMockServers } from '../packages/mock/src/index.js';
import { runSandbox } from './lib/sandbox-foreground.js';
import { localPorts, providerSpecs } from './lib/specs.js';

const { values } = parseArgs({
  options: {
    sandbox: { type: 'boolean', default: false },
    seed: { type: 'string' },
    state: { type: 'string' },
    'rate-limit': { type: 'string' },
    latency: { type: 'string' },
    'error-rate': { type: 'string' },
    'reset-rate': { type: 'string' },
  },
});

/** Each provider's port: its variable (`<prefix>_<PROVIDER>`), else the registry's fixed one. */
function ports(prefix: string, kind: 'mock' | 'sandbox', first: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(localPorts(kind, first)).map(([provider, port]) => [
      provider,
      Number(process.env[`${prefix}_${provider.toUpperCase()}`] ?? port),
    ]),
  );
}

const specs = Object.fromEntries(providerSpecs().map(({ provider, file }) => [provider, file]));

async function runMocks() {
  const mocks = await startMockServers({
    providers: Object.keys(specs),
    specs,
    ports: ports('MOCK_PORT', 'mock', 4010),
    cors: true,
  });
  for (const [provider, url] of Object.entries(mocks.urls))
    console.log(`${provider.padEnd(11)} ${url}   (specs/${provider}.yaml)`);
  console.log('Prism mocks running; Ctrl-C stops them.');
  return () => mocks.stop();
}

try {
  const stop = values.sandbox
    ? await runSandbox({ ...values, specs, ports: ports('SANDBOX_PORT', 'sandbox', 4020) })
    : await runMocks();
  const exit = async () => {
    await stop();
    process.exit(0);
  };
  process.once('SIGINT', exit);
  process.once('SIGTERM', exit);
} catch (error) {
  console.error(`mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
