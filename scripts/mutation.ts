/**
 * `pnpm test:mutation [package…] [--mutate <file>] [--force] [--concurrency <n>]`
 *
 * Runs StrykerJS (scripts/mutation/stryker.config.mjs) on each package's hand-written source with
 * that package's own tests, one package after the other, then prints the score of every file and
 * checks each package against its target (scripts/mutation/targets.json). Incremental: a re-run
 * tests only the mutants whose code or covering tests changed since this checkout's last run
 * (`--force` re-tests all). `--mutate` focuses on one file (or `file:line-line`) of one package;
 * such a run keeps its own incremental file and report and is not held to the target.
 * Exits non-zero when a run fails or a full package run misses its target.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/specs.js';
import { currentTestFiles, forgetStaticSurvivors } from './mutation/incremental.js';
import {
  formatScoreTable,
  type MutationReport,
  scoreReport,
  type Target,
} from './mutation/score.js';

const targets = JSON.parse(
  readFileSync(join(repoRoot, 'scripts/mutation/targets.json'), 'utf8'),
) as Record<string, Target>;

interface Request {
  packages: string[];
  mutate: string | undefined;
  force: boolean;
  concurrency: string | undefined;
}

function usage(problem: string): never {
  console.error(`test:mutation: ${problem}`);
  console.error(
    `usage: pnpm test:mutation [${Object.keys(targets).join('|')}…] [--mutate <file>[:<lines>]] [--force] [--concurrency <n>]`,
  );
  process.exit(2);
}

function parseArgs(args: string[]): Request {
  const request: Request = {
    packages: [],
    mutate: undefined,
    force: false,
    concurrency: undefined,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') continue;
    if (arg === '--force') request.force = true;
    else if (arg === '--mutate' || arg === '--concurrency') {
      const value = args[++i];
      if (value === undefined) usage(`${arg} needs a value`);
      if (arg === '--mutate') request.mutate = value;
      else request.concurrency = value;
    } else if (arg in targets) request.packages.push(arg);
    else usage(`unknown argument "${arg}"`);
  }
  if (request.mutate !== undefined) {
    // The package of a focused file is the one its path names.
    const owner = /^packages\/([^/]+)\//.exec(request.mutate)?.[1];
    if (!owner || !(owner in targets))
      usage(`--mutate takes a path under packages/<${Object.keys(targets).join('|')}>/src`);
    if (request.packages.some((name) => name !== owner))
      usage(`--mutate ${request.mutate} belongs to ${owner} only`);
    request.packages = [owner];
  }
  if (request.packages.length === 0) request.packages = Object.keys(targets);
  return request;
}

const request = parseArgs(process.argv.slice(2));
// Ctrl-C reaches Stryker too (same process group): outlive it, so the run ends cleanly below.
process.on('SIGINT', () => {});
// A run that was killed leaves its sandbox behind; runs in one checkout never overlap.
rmSync(join(repoRoot, '.stryker-tmp'), { recursive: true, force: true });
const summary: string[] = [];
let failed = false;

for (const name of request.packages) {
  const target = targets[name] as Target;
  const reports = request.mutate ? `reports/mutation/${name}/focus` : `reports/mutation/${name}`;
  const args = ['exec', 'stryker', 'run', 'scripts/mutation/stryker.config.mjs'];
  if (request.mutate) args.push('--mutate', request.mutate);
  if (request.force) args.push('--force');
  if (request.concurrency) args.push('--concurrency', request.concurrency);

  console.log(`\n== mutation testing: ${name}${request.mutate ? ` (${request.mutate})` : ''} ==`);
  const forgotten = forgetStaticSurvivors(
    join(repoRoot, reports, 'incremental.json'),
    currentTestFiles(repoRoot, `packages/${name}`),
  );
  if (forgotten > 0 && !request.force)
    console.log(`tests changed: ${forgotten} static survivor(s) will be tested again`);
  const startedAt = Date.now();
  const stryker = spawnSync('pnpm', args, {
    cwd: repoRoot,
    stdio: 'inherit',
    env: {
      ...process.env,
      TENANTKIT_MUTATION_PACKAGE: name,
      TENANTKIT_MUTATION_REPORTS: reports,
    },
  });
  const seconds = Math.round((Date.now() - startedAt) / 1000);
  if (stryker.signal || stryker.status === 130) {
    // Interrupted (Ctrl-C): stop here, and remove the sandbox Stryker leaves behind when stopped.
    rmSync(join(repoRoot, '.stryker-tmp'), { recursive: true, force: true });
    console.error(`\ntest:mutation: interrupted during ${name}; nothing further was run`);
    process.exit(130);
  }
  const reportFile = join(repoRoot, reports, 'mutation.json');
  if (stryker.status !== 0 || !existsSync(reportFile)) {
    failed = true;
    summary.push(
      `${name}: Stryker failed (exit ${stryker.status ?? stryker.signal}) after ${seconds} s`,
    );
    continue;
  }
  const score = scoreReport(JSON.parse(readFileSync(reportFile, 'utf8')) as MutationReport);
  console.log(`\n${name}: mutation score per file (ignored mutants excluded)\n`);
  console.log(formatScoreTable(score));
  const missed = !request.mutate && score.total.score < target.minScore;
  if (missed) failed = true;
  summary.push(
    `${name}: ${score.total.score.toFixed(2)} % of ${score.total.valid} mutants killed` +
      ` (target ${target.minScore} %${request.mutate ? ', not checked on a focused run' : missed ? ', MISSED' : ', met'})` +
      ` · ${score.total.ignored} ignored · ${seconds} s · report ${reports}/index.html`,
  );
}

console.log(`\n${summary.join('\n')}`);
process.exit(failed ? 1 : 0);
