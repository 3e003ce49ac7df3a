/**
 * `pnpm bench` (not a test: the figures depend on the machine). Tenant sync against the sandbox:
 *
 * 1. apply: N tenants (default 1,000) × every provider, from empty, with the sandbox's rate limit
 *    on each provider (default 10 requests/s: the sandbox shares one thread with the client, and on a loaded 2-core machine it serves ~30 creates/s of all providers together, so higher limits would measure the sandbox, not the sync). The bound the rate limits set is
 *    max over providers of (requests that provider accepted ÷ its rate); apply's wall time is
 *    reported against it (issue 14's target: ≤ 1.05 × the bound). Then the plan is empty.
 * 2. plan: M tenants (default 10,000) × every provider, all present and unchanged (the steady
 *    state), no rate limit: wall time and peak memory. The records are seeded through the
 *    sandbox's state file (30,000 creates over HTTP would take minutes of a shared machine).
 *
 * The sandbox runs in a child process (bench/sandbox-child.ts), so the figures are the client's
 * own: its event loop is not stalled by the server's work, and its memory is the sync's.
 *
 *   BENCH_TENANTS=1000 BENCH_RATE=10 BENCH_PLAN_TENANTS=10000 pnpm exec tsx packages/tenantkit/bench/tenants.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type Sandbox, startSandbox } from '@tenantkit/mock';
import { createTenantkit, PROVIDERS, type Provider, type Tenantkit } from '../src/index.js';
import { isEmptyPlan, type TenantsFile, tenantSync } from '../src/tenants/index.js';
import { SendLog } from './send-log.js';

const TENANTS = Number(process.env.BENCH_TENANTS ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 10);
const PLAN_TENANTS = Number(process.env.BENCH_PLAN_TENANTS ?? 10_000);
/** The client keeps a little under the provider's limit: arrival jitter would otherwise hit 429s. */
const CLIENT_SHARE = 0.97;
const PAGE_SIZE = 100;
/** Items in flight per provider during apply. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
/** `apply` or `plan` runs that part only. */
const ONLY = process.env.BENCH_ONLY;
/** The providers the tenants file declares (the bound and the counts are theirs): every one. */
const BENCH_PROVIDERS: readonly Provider[] = PROVIDERS;

type Reachable = Pick<Sandbox, 'urls' | 'credentials'>;

/** The sandbox in a child process; `counts()` asks it what it served; `stop()` closes its stdin. */
async function childSandbox(options: { rate?: number; state?: string }) {
  const script = fileURLToPath(new URL('./sandbox-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(options)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error('the sandbox child stopped');
    return JSON.parse(line.value);
  };
  const sandbox = (await next()) as Reachable;
  return {
    sandbox,
    async counts(): Promise<Record<Provider | 'limited', number>> {
      child.stdin.write('counts\n');
      return next();
    },
    async stop() {
      child.stdin.end();
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

function facade(
  sandbox: Reachable,
  extra: { maxRequestsPerSecond?: number } = {},
  sends?: SendLog,
): Tenantkit {
  const { synthflow, vobiz, voximplant, twilio } = sandbox.credentials;
  const logged = (provider: Provider) => (sends ? { fetch: sends.fetchFor(provider) } : {});
  return createTenantkit({
    ...extra,
    // A Synthflow list is every record in one answer: 10,000 of them exceed the 4 MiB default cap.
    synthflow: {
      apiKey: synthflow?.apiKey ?? '',
      baseUrl: sandbox.urls.synthflow,
      maxResponseBytes: 64 * 1024 * 1024,
      ...logged('synthflow'),
    },
    vobiz: {
      authId: vobiz?.authId ?? '',
      authToken: vobiz?.authToken ?? '',
      baseUrl: sandbox.urls.vobiz,
      ...logged('vobiz'),
    },
    voximplant: {
      credentials: voximplant?.credentials,
      baseUrl: sandbox.urls.voximplant,
      ...logged('voximplant'),
    },
    twilio: {
      accountSid: twilio?.accountSid ?? '',
      authToken: twilio?.authToken ?? '',
      baseUrl: sandbox.urls.twilio,
      // A Twilio list page holds at most 1,000 accounts with their tokens; 10,000 take 10 pages.
      maxResponseBytes: 64 * 1024 * 1024,
      ...logged('twilio'),
    },
  });
}

function tenantsFile(count: number): TenantsFile {
  const tenants: TenantsFile['tenants'] = {};
  for (let index = 0; index < count; index++)
    tenants[key(index)] = {
      synthflow: { limits: { maxMinutes: 100 + (index % 7) }, permissions: { logs: true } },
      vobiz: { description: `Tenant ${index}`, limits: { rateLimit: 20 } },
      voximplant: { description: `Tenant ${index}`, roles: ['Support'] },
      twilio: { enabled: index % 10 !== 9 },
    };
  return { version: 1, prefix: 'b-', tenants };
}

/** Keys long enough for Voximplant's 5-character minimum login. */
const key = (index: number) => `tenant-${String(index).padStart(5, '0')}`;
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

async function applyBench(): Promise<void> {
  const server = await childSandbox({ rate: RATE });
  try {
    const sends = new SendLog();
    const tk = facade(server.sandbox, { maxRequestsPerSecond: RATE * CLIENT_SHARE }, sends);
    const sync = tenantSync(tk);
    const file = tenantsFile(TENANTS);
    const started = performance.now();
    const result = await sync.apply(file, { concurrency: CONCURRENCY, pageSize: PAGE_SIZE });
    const wallMs = performance.now() - started;
    const served = await server.counts();
    const boundMs = Math.max(
      ...BENCH_PROVIDERS.map((provider) => (served[provider] / RATE) * 1000),
    );
    console.log(
      `apply: ${TENANTS} tenants × ${BENCH_PROVIDERS.length} providers, ${RATE} req/s per provider, ${CONCURRENCY} in flight per provider`,
    );
    for (const provider of BENCH_PROVIDERS)
      console.log(
        `  ${provider}: ${served[provider]} requests served; the client sent at most ${sends.maxInWindow(provider, 1000)} in any 1 s; answers in ${JSON.stringify(sends.latency(provider))} ms`,
      );
    console.log(
      `  wall ${seconds(wallMs)} s; bound set by the rate limits ${seconds(boundMs)} s; ratio ${(wallMs / boundMs).toFixed(3)} (target ≤ 1.05); 429s: ${served.limited}`,
    );
    console.log(`  outcomes: ${JSON.stringify(result.counts)}; converged: ${result.converged}`);
    for (const failed of result.items.filter((item) => item.outcome === 'failed').slice(0, 3))
      console.log(`  failed: ${failed.tenant} ${failed.provider}: ${failed.message}`);
    const again = performance.now();
    const plan = await sync.plan(file, { pageSize: PAGE_SIZE });
    console.log(
      `  second plan: empty = ${isEmptyPlan(plan)}, ${seconds(performance.now() - again)} s (rate-limited reads)`,
    );
    if (!result.converged || !isEmptyPlan(plan)) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

/** Seeds the state file: one record per provider made over HTTP, copied to `count` records. */
async function seededState(dir: string, count: number): Promise<string> {
  const path = join(dir, 'state.json');
  const sandbox = await startSandbox({ state: path });
  try {
    await tenantSync(facade(sandbox)).apply(tenantsFile(1));
  } finally {
    await sandbox.stop();
  }
  const state = JSON.parse(readFileSync(path, 'utf8'));
  const { synthflow, vobiz, voximplant, twilio } = state.providers;
  const copies = <T extends object>(template: T, make: (index: number) => Partial<T>) =>
    Array.from({ length: count }, (_, index) => ({ ...structuredClone(template), ...make(index) }));
  const [s] = synthflow.subaccounts;
  synthflow.subaccounts = copies(s, (i) => ({
    subaccount_id: `1700000000000x${String(i).padStart(18, '0')}`,
    name: `b-${key(i)}`,
    limits: { ...s.limits, max_minutes: 100 + (i % 7) },
  }));
  const [v] = vobiz.subAccounts;
  vobiz.subAccounts = copies(v, (i) => ({
    id: String(600000 + i),
    auth_id: `SA_B${String(i).padStart(7, '0')}`,
    name: `b-${key(i)}`,
    description: `Tenant ${i}`,
  }));
  const [x] = voximplant.subUsers;
  voximplant.subUsers = copies(x, (i) => ({
    subuser_id: 1000 + i,
    subuser_name: `b-${key(i)}`,
    description: `Tenant ${i}`,
  }));
  voximplant.nextSubUserId = 1000 + count;
  const [t] = twilio.subaccounts;
  twilio.subaccounts = copies(t, (i) => ({
    sid: `AC${String(i).padStart(32, '0')}`,
    friendly_name: `b-${key(i)}`,
    status: i % 10 !== 9 ? 'active' : 'suspended',
  }));
  writeFileSync(path, JSON.stringify(state));
  return path;
}

async function planBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tenantkit-bench-tenants-'));
  try {
    const server = await childSandbox({ state: await seededState(dir, PLAN_TENANTS) });
    try {
      const sync = tenantSync(facade(server.sandbox));
      const file = tenantsFile(PLAN_TENANTS);
      const before = process.memoryUsage();
      let peakRss = before.rss;
      let peakHeap = before.heapUsed;
      const sampler = setInterval(() => {
        const now = process.memoryUsage();
        peakRss = Math.max(peakRss, now.rss);
        peakHeap = Math.max(peakHeap, now.heapUsed);
      }, 10);
      const started = performance.now();
      const plan = await sync.plan(file, { pageSize: PAGE_SIZE });
      const wallMs = performance.now() - started;
      clearInterval(sampler);
      const after = process.memoryUsage();
      peakRss = Math.max(peakRss, after.rss);
      peakHeap = Math.max(peakHeap, after.heapUsed);
      const served = await server.counts();
      const requests = BENCH_PROVIDERS.map((provider) => `${provider} ${served[provider]}`).join(
        ', ',
      );
      console.log(
        `plan: ${PLAN_TENANTS} tenants × ${BENCH_PROVIDERS.length} providers, all present, no rate limit`,
      );
      console.log(
        `  wall ${seconds(wallMs)} s; ${plan.items.length} items, empty = ${isEmptyPlan(plan)}; requests: ${requests}`,
      );
      console.log(
        `  client memory: RSS ${mb(before.rss)} → peak ${mb(peakRss)} MB; heap ${mb(before.heapUsed)} → peak ${mb(peakHeap)} MB`,
      );
      if (!isEmptyPlan(plan)) process.exitCode = 1;
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (ONLY !== 'plan') await applyBench();
if (ONLY !== 'apply') await planBench();
