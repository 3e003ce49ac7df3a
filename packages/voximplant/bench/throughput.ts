/**
 * Throughput of three Voximplant clients against one loopback HTTPS server answering GetSubUsers
 * with a fixed small JSON body: ours, the official @voximplant/apiclient-nodejs, and a bare
 * `fetch` sending one fixed bearer token (the ceiling). Calls per second, sequentially and with
 * 16 calls in flight, plus the client process's CPU time per call (steadier than calls/s on a
 * shared machine). Not a test: numbers depend on the machine; run with `pnpm bench`.
 *
 * Layout: this process makes a throwaway key pair, credentials file and self-signed certificate,
 * serves HTTPS on 127.0.0.1:0, and re-runs itself as a child with NODE_EXTRA_CA_CERTS pointing at
 * the certificate (read only at start-up, and honoured by both undici and axios). The child runs
 * the clients one after the other and reports; the server counts the distinct tokens it saw.
 */
import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { throwawayTlsCertificate } from '@tenantkit/mock';

/** Each client runs this long per round; rounds interleave the clients so load drifts hit all. */
const SECONDS_PER_ROUND = Number(process.env.BENCH_SECONDS ?? 1.2);
const ROUNDS = 3;
const WARMUP_MS = 500;
const CONCURRENCY = 16;
const CHILD_DEADLINE_MS = 90_000;
const RESULT_PREFIX = 'BENCH_RESULT ';
const BODY = JSON.stringify({
  result: [
    { subuser_id: 109, subuser_name: 'support_desk', description: 'Support team' },
    { subuser_id: 110, subuser_name: 'billing.ops' },
  ],
});

type ClientName = 'ours' | 'official' | 'bare fetch';
interface Measurement {
  client: ClientName;
  concurrency: number;
  /** calls/s of each round */
  rates: number[];
  /** CPU time of the client process per call (user + system), all rounds together. */
  cpuMicrosPerCall: number;
}

if (process.env.TENANTKIT_BENCH_URL) await runClients(process.env.TENANTKIT_BENCH_URL);
else await main();

// ---------------------------------------------------------------------------------------------
// Parent: certificate, credentials, server, child, table.

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tenantkit-bench-'));
  const startedAt = performance.now();
  try {
    const { keyPem, certPem, how } = selfSignedCertificate(dir);
    const certPath = join(dir, 'cert.pem');
    writeFileSync(certPath, certPem);
    const credentialsPath = join(dir, 'credentials.json');
    writeFileSync(credentialsPath, JSON.stringify(throwawayCredentials()), { mode: 0o600 });

    const tokensByPhase = new Map<string, Set<string>>();
    let phase = 'none';
    const server = createServer({ key: keyPem, cert: certPem }, (request, response) => {
      if (request.url?.startsWith('/__phase/')) {
        phase = decodeURIComponent(request.url.slice('/__phase/'.length));
        request.resume();
        response.end();
        return;
      }
      const token = request.headers.authorization ?? '';
      if (!tokensByPhase.has(phase)) tokensByPhase.set(phase, new Set());
      tokensByPhase.get(phase)?.add(token);
      // The official client posts a multipart body: read it all before answering.
      request.resume();
      request.on('end', () => {
        if (!token.startsWith('Bearer ')) {
          response.writeHead(401, { 'content-type': 'application/json' });
          response.end('{"error":{"code":100,"msg":"Authorization failed"}}');
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(BODY);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const url = `https://127.0.0.1:${port}/platform_api`;

    let measurements: Measurement[];
    try {
      measurements = await runChild(url, certPath, credentialsPath);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    printTable(measurements, tokensByPhase, how, (performance.now() - startedAt) / 1000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function throwawayCredentials() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    account_email: 'bench@example.com',
    account_id: 1,
    key_id: 'bench-key',
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function runChild(url: string, certPath: string, credentialsPath: string): Promise<Measurement[]> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [...process.execArgv, script], {
    env: {
      ...process.env,
      TENANTKIT_BENCH_URL: url,
      NODE_EXTRA_CA_CERTS: certPath,
      VOXIMPLANT_CREDENTIALS: credentialsPath,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // the child we started, by its handle
      reject(new Error(`bench child did not finish within ${CHILD_DEADLINE_MS / 1000} s`));
    }, CHILD_DEADLINE_MS);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = output.split('\n').find((text) => text.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) reject(new Error(`bench child exited with ${code}:\n${output}`));
      else resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as Measurement[]);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Child: the three clients, one after the other, sequential then concurrent.

async function runClients(url: string): Promise<void> {
  const credentialsPath = process.env.VOXIMPLANT_CREDENTIALS!;
  const credentials = JSON.parse(readFileSync(credentialsPath, 'utf8')) as {
    private_key: string;
    key_id: string;
    account_id: number;
  };
  const { createVoximplantClient } = await import('../src/index.js');
  const ours = createVoximplantClient({
    credentials: credentialsPath,
    baseUrl: url,
    maxRetries: 0,
  });

  const require = createRequire(import.meta.url);
  const { default: OfficialClient } =
    require('@voximplant/apiclient-nodejs') as typeof import('@voximplant/apiclient-nodejs');
  const official = await new Promise<InstanceType<typeof OfficialClient>>((resolve) => {
    // Reads VOXIMPLANT_CREDENTIALS itself; `host` replaces api.voximplant.com in its https URL.
    const client = new OfficialClient({ host: new URL(url).host });
    client.onReady = resolve;
  });

  const { SignJWT } = await import('jose');
  const { createPrivateKey } = await import('node:crypto');
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: credentials.account_id,
    iat: now,
    exp: now + 3600,
  };
  const fixedToken = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: credentials.key_id })
    .sign(createPrivateKey(credentials.private_key));
  const bareHeaders = { Authorization: `Bearer ${fixedToken}` };

  const expectTwo = (count: number | undefined, who: string) => {
    if (count !== 2) throw new Error(`${who}: expected 2 subusers, got ${count}`);
  };
  const calls: Record<ClientName, () => Promise<void>> = {
    ours: async () => {
      expectTwo((await ours.subUsers.list({ count: 20 })).length, 'ours');
    },
    official: async () => {
      const answer = await official.RoleSystem.getSubUsers({ count: 20 });
      expectTwo(answer.result?.length, 'official');
    },
    'bare fetch': async () => {
      const response = await fetch(`${url}/GetSubUsers?count=20`, {
        method: 'POST',
        headers: bareHeaders,
      });
      const body = (await response.json()) as { result?: unknown[] };
      expectTwo(body.result?.length, 'bare fetch');
    },
  };

  const clients = Object.keys(calls) as ClientName[];
  const measurements: Measurement[] = [];
  const phase = (name: string) =>
    fetch(`${new URL(url).origin}/__phase/${encodeURIComponent(name)}`);
  for (const concurrency of [1, CONCURRENCY]) {
    const totals = new Map(
      clients.map((client) => [client, { rates: [] as number[], calls: 0, cpu: 0 }]),
    );
    for (const client of clients) {
      await phase(client);
      await runFor(calls[client], concurrency, WARMUP_MS);
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const client of clients) {
        await phase(client);
        const run = await runFor(calls[client], concurrency, SECONDS_PER_ROUND * 1000);
        const total = totals.get(client)!;
        total.rates.push(run.calls / run.seconds);
        total.calls += run.calls;
        total.cpu += run.cpuMicros;
      }
    }
    for (const [client, total] of totals) {
      measurements.push({
        client,
        concurrency,
        rates: total.rates,
        cpuMicrosPerCall: total.cpu / total.calls,
      });
    }
  }
  console.log(`${RESULT_PREFIX}${JSON.stringify(measurements)}`);
  // Keep-alive sockets of undici and the official client's agent would hold the process open.
  process.exit(0);
}

async function runFor(
  call: () => Promise<void>,
  concurrency: number,
  durationMs: number,
): Promise<{ calls: number; seconds: number; cpuMicros: number }> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + durationMs;
  let calls = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await call();
        calls++;
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return { calls, seconds: (performance.now() - started) / 1000, cpuMicros: cpu.user + cpu.system };
}

// ---------------------------------------------------------------------------------------------
// Report.

function printTable(
  measurements: Measurement[],
  tokensByPhase: Map<string, Set<string>>,
  certificate: string,
  totalSeconds: number,
): void {
  const find = (client: ClientName, concurrency: number) =>
    measurements.find((m) => m.client === client && m.concurrency === concurrency);
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  };
  const rate = (client: ClientName, concurrency: number) =>
    median(find(client, concurrency)?.rates ?? []);
  const fmt = (value: number) => Math.round(value).toLocaleString('en-US');
  const spread = (client: ClientName, concurrency: number) => {
    const rates = find(client, concurrency)?.rates ?? [];
    return `${fmt(rate(client, concurrency))} (${fmt(Math.min(...rates))}–${fmt(Math.max(...rates))})`;
  };
  const cpu = (client: ClientName, concurrency: number) =>
    fmt(find(client, concurrency)?.cpuMicrosPerCall ?? Number.NaN);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const rows: string[][] = [
    [
      'client',
      'calls/s sequential',
      `calls/s c${CONCURRENCY}`,
      'client CPU µs/call (seq / c16)',
      'distinct tokens seen',
    ],
  ];
  for (const client of ['ours', 'official', 'bare fetch'] as const) {
    rows.push([
      client,
      spread(client, 1),
      spread(client, CONCURRENCY),
      `${cpu(client, 1)} / ${cpu(client, CONCURRENCY)}`,
      String(tokensByPhase.get(client)?.size ?? 0),
    ]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  console.log(
    `\nVoximplant GetSubUsers over loopback HTTPS: median of ${ROUNDS} interleaved rounds of ${SECONDS_PER_ROUND} s (min–max), after ${WARMUP_MS} ms warm-up; node ${process.version}; certificate: ${certificate}\n`,
  );
  console.log(line(rows[0]!));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));
  const [oursSeq, oursC] = [rate('ours', 1), rate('ours', CONCURRENCY)];
  const [officialSeq, officialC] = [rate('official', 1), rate('official', CONCURRENCY)];
  const [bareSeq, bareC] = [rate('bare fetch', 1), rate('bare fetch', CONCURRENCY)];
  console.log(
    `\nours / bare fetch: ${ratio(oursSeq, bareSeq)} sequential, ${ratio(oursC, bareC)} at c${CONCURRENCY} (target ≥ 0.85×)`,
  );
  console.log(
    `ours / official:   ${ratio(oursSeq, officialSeq)} sequential, ${ratio(oursC, officialC)} at c${CONCURRENCY}`,
  );
  console.log(
    'distinct tokens: the official client signs one per call, but RS256 signatures are deterministic,\n' +
      'so its calls within one second carry the same token; ours signed once for the whole run.',
  );
  console.log(`total ${totalSeconds.toFixed(1)} s\n`);
}

// ---------------------------------------------------------------------------------------------
// A throwaway self-signed certificate for 127.0.0.1: the openssl binary when present, else a
// minimal X.509 v3 certificate assembled and signed here (no dependency needed).

function selfSignedCertificate(dir: string): { keyPem: string; certPem: string; how: string } {
  if (process.env.BENCH_CERT !== 'node') {
    try {
      const keyPath = join(dir, 'server-key.pem');
      const certPath = join(dir, 'server-cert.pem');
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          keyPath,
          '-out',
          certPath,
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
        ],
        { stdio: 'ignore' },
      );
      return {
        keyPem: readFileSync(keyPath, 'utf8'),
        certPem: readFileSync(certPath, 'utf8'),
        how: 'openssl',
      };
    } catch {
      // No openssl (or an old one without -addext): build it ourselves.
    }
  }
  const { key, cert } = throwawayTlsCertificate();
  return { keyPem: key, certPem: cert, how: 'built in Node' };
}
