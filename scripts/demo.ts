/** `pnpm demo`: the Synthflow client against the embedded Prism mock, each call and its result. */
import { join } from 'node:path';
import { startMockServers } from '@tenantkit/mock';
import { createSynthflowClient } from '@tenantkit/synthflow';
import { specsDir } from './lib/specs.js';

const mocks = await startMockServers({
  providers: ['synthflow'],
  specs: { synthflow: join(specsDir, 'synthflow.yaml') },
});
try {
  const synthflow = createSynthflowClient({ apiKey: 'demo-key', baseUrl: mocks.urls.synthflow! });
  const show = async (label: string, call: Promise<unknown>) => {
    console.log(`\n▶ ${label}`);
    console.log(JSON.stringify(await call, null, 2));
  };
  console.log(`Synthflow sub-accounts against Prism at ${mocks.urls.synthflow}`);
  await show(
    'subaccounts.create({ subaccount_name: "Acme Dental", max_minutes: 1000 })',
    synthflow.subaccounts.create({
      subaccount_name: 'Acme Dental',
      max_minutes: 1000,
      grant_permissions: ['inbound', 'logs'],
    }),
  );
  await show('subaccounts.list()', synthflow.subaccounts.list());
  await show('subaccounts.get(id)', synthflow.subaccounts.get('1726005822670x239735712159542050'));
  await show(
    'subaccounts.update(id, { max_minutes: null })',
    synthflow.subaccounts.update('1726005822670x239735712159542050', { max_minutes: null }),
  );
  await show(
    'subaccounts.delete(id)',
    synthflow.subaccounts.delete('1726005822670x239735712159542050'),
  );
  try {
    await synthflow.subaccounts.create({ subaccount_name: '  ' });
  } catch (error) {
    console.log(`\n▶ bad input is refused before sending:\n${(error as Error).message}`);
  }
} finally {
  await mocks.stop();
}
