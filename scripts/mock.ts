/**
 * `pnpm mock`: serves every spec in specs/ with Prism in the foreground until Ctrl-C.
 * Ports: MOCK_PORT_SYNTHFLOW, MOCK_PORT_VOBIZ, MOCK_PORT_VOXIMPLANT (default 4010, 4011, 4012; 0 = any free port).
 */
import { join } from 'node:path';
import { type MockProvider, PROVIDERS, startMockServers } from '../packages/mock/src/index.js';
import { specsDir } from './lib/specs.js';

const defaults: Record<MockProvider, number> = { synthflow: 4010, vobiz: 4011, voximplant: 4012 };
const ports = Object.fromEntries(
  PROVIDERS.map((provider) => [
    provider,
    Number(process.env[`MOCK_PORT_${provider.toUpperCase()}`] ?? defaults[provider]),
  ]),
);
const specs = Object.fromEntries(
  PROVIDERS.map((provider) => [provider, join(specsDir, `${provider}.yaml`)]),
);

try {
  const mocks = await startMockServers({ specs, ports });
  for (const [provider, url] of Object.entries(mocks.urls))
    console.log(`${provider.padEnd(11)} ${url}   (specs/${provider}.yaml)`);
  console.log('Prism mocks running; Ctrl-C stops them.');
  const stop = async () => {
    await mocks.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
