/**
 * `tenantkit tenants plan|apply`: the tenant sync from a shell. Exit codes: 0 converged (or a plan
 * was printed), 1 some tenants failed (or a read failed, or a saved plan is stale), 2 bad file or
 * usage — and then nothing was changed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import { Command, Option } from 'commander';
import type { Tenantkit } from '../../tenantkit.js';
import {
  type ApplyEvent,
  type ApplyResult,
  loadTenantsFile,
  MissingSecretsError,
  openSecretsFile,
  PlanError,
  type SecretsFile,
  SecretsFileExistsError,
  StalePlanError,
  type TenantPlan,
  type TenantSecret,
  TenantsFileError,
  tenantSync,
} from '../../tenants/index.js';
import { applySummary, planText } from '../tenants-output.js';

export interface TenantsCommandContext {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Written as is: the secrets the user asked to see (`--show-secrets`). */
  reveal(text: string): void;
  env: Record<string, string | undefined>;
  /** The facade with every provider that has credentials. */
  tenantkit(command: Command): Tenantkit;
  /** Whether stderr is a terminal: the progress bar is drawn only there. */
  isTTY?: boolean;
  /** Asks the user (a terminal); without it, `--prune` needs `--yes`. */
  confirm?(question: string): Promise<boolean>;
  setExitCode(code: number): void;
}

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

export function tenantsCommand(context: TenantsCommandContext): Command {
  const tenants = new Command('tenants').description(
    'declare tenants in a file; plan the difference on each provider; apply it',
  );
  const fileOption = () =>
    new Option('-f, --file <path>', 'the tenants file (YAML or JSON)').default('tenants.yaml');
  const json = (command: Command) => command.optsWithGlobals<{ json?: boolean }>().json === true;

  tenants
    .command('plan')
    .description('read each provider and show what apply would do (sends nothing but reads)')
    .addOption(fileOption())
    .option('--prune', 'show managed records absent from the file as deletes')
    .option('--out <path>', 'also save the plan as JSON (apply --plan takes it)')
    .option('--page-size <n>', 'items per list request (Vobiz, Voximplant)', positive)
    .option('-v, --verbose', 'list unchanged tenants too')
    .action(async (options: CommonOptions & { out?: string; verbose?: boolean }, command) => {
      await guarded(context, async () => {
        const file = loadTenantsFile(options.file);
        const plan = await tenantSync(context.tenantkit(command)).plan(file, pageSize(options));
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
    .option('--page-size <n>', 'items per list request (Vobiz, Voximplant)', positive)
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
        await guarded(context, () => apply(context, command, options, json(command)));
      },
    );
  return tenants;
}

async function apply(
  context: TenantsCommandContext,
  command: Command,
  options: CommonOptions & {
    plan?: string;
    yes?: boolean;
    secretsOut?: string;
    showSecrets?: boolean;
    concurrency?: number;
  },
  json: boolean,
): Promise<void> {
  const sync = tenantSync(context.tenantkit(command));
  // A saved plan is re-checked by apply; a file is planned now, and that plan is what runs.
  const plan: TenantPlan = options.plan
    ? (JSON.parse(readFileSync(options.plan, 'utf8')) as TenantPlan)
    : await sync.plan(loadTenantsFile(options.file), pageSize(options));
  const prune = options.prune === true;
  if (prune) await confirmPrune(context, plan, options.yes === true);
  const creates = plan.items.filter((item) => item.action === 'create').length;
  if (creates > 0 && !options.secretsOut && !options.showSecrets)
    throw new TenantsUsageError(
      `${creates} create(s) hand out one-time credentials: pass --secrets-out FILE (or --show-secrets); nothing was changed`,
    );
  const sink: SecretsFile | undefined = options.secretsOut
    ? openSecretsFile(options.secretsOut)
    : undefined;
  const progress = json ? undefined : progressBar(context);
  try {
    const result = await sync.apply(plan, {
      prune,
      env: context.env,
      ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
      ...pageSize(options),
      onProgress(event) {
        if (json) context.stdout(`${JSON.stringify(event)}\n`);
        else progress?.(event);
      },
      onSecret(secret: TenantSecret) {
        sink?.write(secret);
        if (options.showSecrets)
          context.reveal(
            `secret ${secret.tenant} ${secret.provider} ${secret.field}: ${secret.value.reveal()}\n`,
          );
      },
    });
    if (!json) context.stdout(`${applySummary(result)}\n`);
    if (sink && sink.count > 0)
      context.stderr(`${sink.count} secret(s) written to ${options.secretsOut} (mode 0600).\n`);
    context.setExitCode(exitCode(result));
  } finally {
    sink?.close();
  }
}

function exitCode(result: ApplyResult): number {
  return result.converged ? 0 : 1;
}

async function confirmPrune(
  context: TenantsCommandContext,
  plan: TenantPlan,
  yes: boolean,
): Promise<void> {
  const doomed = plan.items.filter((item) => item.action === 'orphan');
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
function progressBar(context: TenantsCommandContext): ((event: ApplyEvent) => void) | undefined {
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
async function guarded(context: TenantsCommandContext, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const usage =
      error instanceof TenantsFileError ||
      error instanceof TenantsUsageError ||
      error instanceof MissingSecretsError ||
      error instanceof SecretsFileExistsError ||
      error instanceof PlanError ||
      error instanceof SyntaxError ||
      (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (!usage && !(error instanceof StalePlanError)) throw error;
    context.stderr(`tenantkit: ${(error as Error).message}\n`);
    context.setExitCode(usage ? 2 : 1);
  }
}
