/**
 * The bench's sandbox, in its own process so its work does not stall the client's event loop
 * (a stalled throttle then bursts and meets 429s that measure the machine, not the sync). Prints
 * one JSON line with its URLs and credentials; each `counts` line on stdin is answered with the
 * requests served per provider (and the 429s); it stops when stdin closes, so it never outlives
 * the bench.
 */
import { createInterface } from 'node:readline';
import { type FaultOptions, SANDBOX_PROVIDERS, startSandbox } from '@tenantkit/mock';

const options = JSON.parse(process.argv[2] ?? '{}') as { rate?: number; state?: string };
const faults: FaultOptions = options.rate ? { rateLimitPerSecond: options.rate } : {};
const sandbox = await startSandbox({
  faults: Object.fromEntries(SANDBOX_PROVIDERS.map((provider) => [provider, faults])),
  ...(options.state && { state: options.state }),
});
const served: Record<string, number> = Object.fromEntries(
  [...SANDBOX_PROVIDERS, 'limited'].map((name) => [name, 0]),
);
// `exchanges` keeps the last 10,000 only: count as they happen instead.
const counting = setInterval(() => {
  for (const exchange of sandbox.exchanges.splice(0)) {
    if (exchange.fault === 'rate-limited') served.limited = (served.limited ?? 0) + 1;
    else served[exchange.provider] = (served[exchange.provider] ?? 0) + 1;
  }
}, 50);
const { urls, credentials } = sandbox;
process.stdout.write(`${JSON.stringify({ urls, credentials })}\n`);
const lines = createInterface({ input: process.stdin });
lines.on('line', () => {
  for (const exchange of sandbox.exchanges.splice(0)) {
    if (exchange.fault === 'rate-limited') served.limited = (served.limited ?? 0) + 1;
    else served[exchange.provider] = (served[exchange.provider] ?? 0) + 1;
  }
  process.stdout.write(`${JSON.stringify(served)}\n`);
});
lines.on('close', async () => {
  clearInterval(counting);
  await sandbox.stop();
  process.exit(0);
});
