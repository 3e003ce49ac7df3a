/**
 * `tenantkit tenants plan|apply`: the tenant sync from a shell. Exit codes: 0 converged (or a plan
 * was printed), 1 some tenants failed (or a read failed, or a saved plan is stale), 2 bad file or
 * usage — and then nothing was changed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import { type Command, Option } from 'commander';
import { PROVIDERS } from '../../model.js';
import { createTenantkit, type Tenantkit, type TenantkitOptions } from '../../tenantkit.js';
import {
  type ApplyEvent,
  type ApplyResult,
  loadTenantsFile,
  MissingSecretsError,
  openSecretsFile,
  PlanError,
  type SecretsFile,
  SecretsFileError,
  StalePlanError,
  type TenantPlan,
  type TenantSecret,
  TenantsFileError,
  tenantSync,
} from '../../tenants/index.js';
import { hasCredentials, providerOptions } from '../credentials.js';
import { CommandExit } from '../exit.js';
import { pagingProviders } from '../help-names.js';
import type { CliOutput } from '../output/io.js';
import { printable } from '../output/printable.js';
import { applySummary, planText } from '../output/tenants.js';
import { sharedOptions } from '../session.js';
import type { CliContext, RegisterCommand } from './context.js';

/** A usage problem found before anything was sent: exit 2. */
export class TenantsUsageError extends Error {
  override readonly name = 'TenantsUsageError';
}

interface CommonOptions {
  file: string;
  json?: boolean;
  prune?: boolean;
  pageSize?: number;
}

const positive = (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new TenantsUsageError(`${value} is not a positive integer`);
  return number;
};

export const registerTenants: RegisterCommand = (program, cli) => {
  const context = cli.io;
  const tenants = program
    .command('tenants')
    .description('declare tenants in a file; plan the difference on each provider; apply it');
  const fileOption = () =>
    new Option('-f, --file <path>', 'the tenants file (YAML or JSON)').default('tenants.yaml');
  const json = (command: Command) => cli.format(command) === 'json';

  tenants
    .command('plan')
    .description('read each provider and show what apply would do (sends nothing but reads)')
    .addOption(fileOption())
    .option('--prune', 'show managed records absent from the file as deletes')
    .option('--out <path>', 'also save the plan as JSON (apply --plan takes it)')
    .option('--page-size <n>', `items per list request (${pagingProviders()})`, positive)
    .option('-v, --verbose', 'list unchanged tenants too')
    .action(async (options: CommonOptions & { out?: string; verbose?: boolean }, command) => {
      await guarded(context, async () => {
        const file = loadTenantsFile(options.file);
        const plan = await tenantSync(configured(cli, command)).plan(file, pageSize(options));
        if (options.out) writeFileSync(options.out, `${JSON.stringify(plan, null, 2)}\n`);
        if (json(command)) context.stdout(`${JSON.stringify(plan, null, 2)}\n`);
        else
          context.stdout(
            `${planText(plan, { prune: options.prune === true, verbose: options.verbose === true })}\n`,
          );
      });
    });

  tenants
    .command('apply')
    .description('converge the providers to the file (or to a saved plan)')
    .addOption(fileOption())
    .option(
      '--plan <path>',
      'apply a plan saved by `plan --out` (refused if the providers changed)',
    )
    .option('--prune', 'delete managed records absent from the file (asks, or --yes)')
    .option('--yes', 'confirm --prune without asking (for scripts)')
    .option('--secrets-out <path>', 'write one-time credentials here (new file, mode 0600)')
    .option('--show-secrets', 'print one-time credentials on stdout')
    .option('--concurrency <n>', 'items in flight per provider (default 4)', positive)
    .option('--page-size <n>', `items per list request (${pagingProviders()})`, positive)
    .action(
      async (
        options: CommonOptions & {
          plan?: string;
          yes?: boolean;
          secretsOut?: string;
          showSecrets?: boolean;
          concurrency?: number;
        },
        command,
      ) => {
        await guarded(context, () =>
          apply(context, configured(cli, command), options, json(command)),
        );
      },
    );
};

/** The facade with every provider that has credentials (a tenants file may use all three). */
function configured(cli: CliContext, command: Command): Tenantkit {
  const { baseUrl, ...options } = cli.globals(command);
  if (options.mock)
    throw new TenantsUsageError(
      'tenants needs providers that keep state, and --mock answers examples: run `pnpm mock --sandbox` and use the environment it prints',
    );
  if (baseUrl !== undefined)
    throw new TenantsUsageError(
      '--base-url names one provider: for tenants set TENANTKIT_<PROVIDER>_BASE_URL per provider',
    );
  const perProvider: TenantkitOptions[] = PROVIDERS.filter((provider) =>
    hasCredentials(provider, options, cli.io.env),
  ).map((provider) => providerOptions(provider, options, cli.io.env, undefined));
  return createTenantkit(Object.assign({}, ...perProvider, sharedOptions(options, cli.io)));
}

async function apply(
  context: CliOutput,
  tk: Tenantkit,
  options: CommonOptions & {
    plan?: string;
    yes?: boolean;
    secretsOut?: string;
    showSecrets?: boolean;
    concurrency?: number;
  },
  json: boolean,
): Promise<void> {
  const sync = tenantSync(tk);
  // A saved plan is re-checked by apply; a file is planned now, and that plan is what runs.
  const plan: TenantPlan = options.plan
    ? (JSON.parse(readFileSync(options.plan, 'utf8')) as TenantPlan)
    : await sync.plan(loadTenantsFile(options.file), pageSize(options));
  const prune = options.prune === true;
  if (prune) await confirmPrune(context, plan, options.yes === true);
  const creates = plan.items.filter((item) => item.action === 'create').length;
  if (creates > 0 && !options.secretsOut && !options.showSecrets)
    throw new TenantsUsageError(
      `${creates} create(s) hand out one-time credentials and nothing is set to keep them. Add --secrets-out FILE (or --show-secrets); nothing was changed`,
    );
  const sink: SecretsFile | undefined = options.secretsOut
    ? openSecretsFile(options.secretsOut)
    : undefined;
  const progress = json ? undefined : progressBar(context);
  // Ctrl-C: no new item is started, those in flight finish and hand their secrets to the sink.
  const stop = new AbortController();
  const release = context.onInterrupt?.(() => {
    stop.abort();
    context.stderr(
      'Interrupted: no new item is started; those in flight finish (Ctrl-C again quits at once).\n',
    );
  });
  let result: ApplyResult;
  try {
    result = await sync.apply(plan, {
      prune,
      stop: stop.signal,
      env: context.env,
      ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
      ...pageSize(options),
      onProgress(event) {
        if (json) context.stdout(`${JSON.stringify(event)}\n`);
        else progress?.(event);
      },
      onSecret(secret: TenantSecret) {
        sink?.write(secret);
        if (!options.showSecrets) return;
        const { value, ...where } = secret;
        // With --json every line of stdout is one JSON object: a secret is one too.
        context.reveal(
          json
            ? `${JSON.stringify({ type: 'secret', ...where, value: value.reveal() })}\n`
            : `secret ${secret.tenant} ${secret.provider} ${secret.field}: ${value.reveal()}\n`,
        );
      },
    });
    if (!json) context.stdout(`${applySummary(result)}\n`);
    if (sink && sink.count > 0)
      context.stderr(`${sink.count} secret(s) written to ${options.secretsOut} (mode 0600).\n`);
  } finally {
    release?.();
    sink?.close();
  }
  if (stop.signal.aborted) {
    const left = plan.items.length - result.items.length;
    context.stderr(`Interrupted: ${left} item(s) not started; apply again to finish.\n`);
    throw new CommandExit(130);
  }
  // The summary said which tenants failed.
  if (!result.converged) throw new CommandExit(1);
}

async function confirmPrune(context: CliOutput, plan: TenantPlan, yes: boolean): Promise<void> {
  const doomed = plan.items.filter((item) => item.action === 'orphan' && !item.inUse);
  if (doomed.length === 0 || yes) return;
  const list = doomed.map((item) => `${item.provider} ${item.name} (${item.id})`).join(', ');
  if (!context.confirm)
    throw new TenantsUsageError(
      `--prune would delete ${doomed.length} managed record(s): ${list}. Add --yes to confirm; nothing was changed`,
    );
  if (!(await context.confirm(`Delete ${doomed.length} managed record(s): ${list}? Type yes: `)))
    throw new TenantsUsageError('not confirmed; nothing was changed');
}

/** A bar on a terminal's stderr; nothing elsewhere (the summary says it all). */
function progressBar(context: CliOutput): ((event: ApplyEvent) => void) | undefined {
  if (!context.isTTY) return undefined;
  const bar = new SingleBar({
    format: 'apply [{bar}] {value}/{total} {last}',
    stream: { write: (text: string) => context.stderr(text) } as unknown as NodeJS.WritableStream,
    hideCursor: true,
    clearOnComplete: true,
  });
  return (event) => {
    if (event.type === 'start') bar.start(event.total, 0, { last: '' });
    else if (event.type === 'item')
      bar.update(event.done, { last: `${event.tenant}/${event.provider} ${event.outcome}` });
    else bar.stop();
  };
}

function pageSize(options: { pageSize?: number }) {
  return options.pageSize !== undefined ? { pageSize: options.pageSize } : {};
}

/** File, usage and pre-flight problems are exit 2 (nothing sent); the rest exit 1. */
async function guarded(context: CliOutput, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const usage =
      error instanceof TenantsFileError ||
      error instanceof TenantsUsageError ||
      error instanceof MissingSecretsError ||
      error instanceof SecretsFileError ||
      error instanceof PlanError ||
      error instanceof SyntaxError ||
      (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (!usage && !(error instanceof StalePlanError)) throw error;
    context.stderr(`tenantkit: ${printable((error as Error).message)}\n`);
    throw new CommandExit(usage ? 2 : 1);
  }
}
