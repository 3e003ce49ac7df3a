/**
 * `tenantkit`: the facade from a shell. `runCli` is the whole program (the bin only calls it), so
 * tests and the demo can run it in process and get its exit code.
 */
import {
  ConfigurationError,
  type Logger,
  REDACTED,
  Redactor,
  RequestError,
  TenantkitError,
  ValidationError,
} from '@tenantkit/core';
import { specInfo as synthflowSpec } from '@tenantkit/synthflow';
import { specInfo as vobizSpec } from '@tenantkit/vobiz';
import { type VoximplantCredentials, specInfo as voximplantSpec } from '@tenantkit/voximplant';
import { Argument, Command, CommanderError, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { CAPABILITIES } from '../capabilities.js';
import { type NumberEntry, PROVIDERS, type Provider, type SubAccount } from '../model.js';
import { createTenantkit, type Tenantkit, type TenantkitOptions } from '../tenantkit.js';
import {
  assignmentTable,
  createdTable,
  deletedTable,
  gridTable,
  matrixTable,
  numberList,
  printable,
  subAccountList,
  subAccountTable,
} from './format.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
}

export const EXIT = { ok: 0, providerError: 1, usage: 2 } as const;

const CLI_CREDENTIALS: Record<Provider, string> = {
  synthflow:
    'set SYNTHFLOW_API_KEY (and SYNTHFLOW_REGION if not global), or pass --synthflow-api-key.',
  vobiz: 'set VOBIZ_AUTH_ID and VOBIZ_AUTH_TOKEN, or pass --vobiz-auth-id and --vobiz-auth-token.',
  voximplant:
    'set VOXIMPLANT_CREDENTIALS to the service-account credentials.json (its path or its JSON text), or pass --voximplant-credentials.',
};

const SPEC_INFO = { synthflow: synthflowSpec, vobiz: vobizSpec, voximplant: voximplantSpec };

interface GlobalOptions {
  json?: boolean;
  mock?: boolean;
  debug?: boolean;
  baseUrl?: string;
  synthflowApiKey?: string;
  synthflowRegion?: string;
  vobizAuthId?: string;
  vobizAuthToken?: string;
  voximplantCredentials?: string;
}

interface InputOptions {
  name?: string;
  email?: string;
  description?: string;
  enable?: boolean;
  disable?: boolean;
  limit?: string[];
  grant?: string[];
  revoke?: string[];
  permission?: string[];
  grantRole?: string[];
  revokeRole?: string[];
  password?: string;
  currentPassword?: string;
  extra?: string[];
}

export async function runCli(argv: readonly string[], cliIo: CliIo): Promise<number> {
  let debug = argv.includes('--debug');
  const io = scrubbedIo(argv, cliIo);
  const print = (text: string) => io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  const program = buildProgram(io, print);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    debug ||= program.opts<GlobalOptions>().debug === true;
    if (error instanceof CommanderError) {
      // Help and version end here too, with commander's own exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const usage = error instanceof ValidationError || error instanceof ConfigurationError;
    const message = error instanceof Error ? error.message : String(error);
    // The message quotes the provider: it must not drive the terminal.
    io.stderr(`tenantkit: ${printable(message)}\n`);
    if (error instanceof RequestError && error.outcomeUnknown) {
      io.stderr('tenantkit: check with `tenantkit list` before creating again.\n');
    }
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    else if (!(error instanceof TenantkitError)) io.stderr('(run with --debug for the stack)\n');
    return usage ? EXIT.usage : EXIT.providerError;
  }
}

/** Flags whose values are secrets, wherever they appear on the command line. */
const SECRET_FLAGS = [
  '--synthflow-api-key',
  '--vobiz-auth-token',
  '--password',
  '--current-password',
  '--extra',
];
const SECRET_VARIABLES = ['SYNTHFLOW_API_KEY', 'VOBIZ_AUTH_TOKEN'];

/**
 * The CLI's output with every secret the user gave it scrubbed: the credentials and passwords
 * from flags and the environment, and any `--flag=value` commander echoes in a usage error (a
 * mistyped `--vobiz-auth-tokn=…` included). `--show-secrets` output is written unscrubbed.
 */
function scrubbedIo(argv: readonly string[], io: CliIo): CliIo & { reveal(text: string): void } {
  const redactor = new Redactor();
  for (const variable of SECRET_VARIABLES) redactor.addSecret(io.env[variable]?.trim());
  argv.forEach((arg, index) => {
    const flag = SECRET_FLAGS.find((name) => arg === name || arg.startsWith(`${name}=`));
    if (!flag) return;
    const value = arg === flag ? argv[index + 1] : arg.slice(flag.length + 1);
    redactor.addSecret(value);
    // `--extra name=value`: the value alone may be what is echoed.
    if (flag === '--extra' && value?.includes('='))
      redactor.addSecret(value.split('=').slice(1).join('='));
  });
  return {
    env: io.env,
    // Known values only: pattern rules would reshape the JSON printed there.
    stdout: (text) => io.stdout(redactor.known(text)),
    // A flag starts a run of `-`/word characters (the lookbehind keeps the scan linear).
    stderr: (text) =>
      io.stderr(redactor.text(text).replace(/(?<![\w-])(--[\w-]+)=[^\s'"]+/g, `$1=${REDACTED}`)),
    reveal: (text) => io.stdout(text),
  };
}

function buildProgram(
  io: CliIo & { reveal(text: string): void },
  print: (text: string) => void,
): Command {
  const program = new Command('tenantkit')
    .description('Sub-accounts on Synthflow, Vobiz and Voximplant through one interface.')
    .version(packageJson.version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run tenantkit --help for usage)')
    .option('--json', 'print JSON instead of tables')
    .option(
      '--mock',
      'run against embedded Prism mocks with dummy credentials (needs @tenantkit/mock)',
    )
    .option('--base-url <url>', "the provider's base URL (or TENANTKIT_<PROVIDER>_BASE_URL)")
    .option('--debug', 'print stack traces and redacted request logs on stderr')
    .option('--synthflow-api-key <key>', 'Synthflow API key (or SYNTHFLOW_API_KEY)')
    .option('--synthflow-region <region>', 'global | us | eu (or SYNTHFLOW_REGION)')
    .option('--vobiz-auth-id <id>', 'Vobiz parent auth id, MA_… (or VOBIZ_AUTH_ID)')
    .option('--vobiz-auth-token <token>', 'Vobiz auth token (or VOBIZ_AUTH_TOKEN)')
    .option(
      '--voximplant-credentials <file|json>',
      'Voximplant service-account credentials.json: its path or its JSON text (or VOXIMPLANT_CREDENTIALS)',
    );
  const providerArg = () =>
    new Argument('<provider>', 'synthflow | vobiz | voximplant').choices(PROVIDERS);
  const globals = (command: Command) => command.optsWithGlobals<GlobalOptions>();
  const emit = (command: Command, json: unknown, human: () => string) =>
    print(globals(command).json ? JSON.stringify(json, null, 2) : human());

  program
    .command('providers')
    .description(
      'configured providers, what each supports, and the spec each client was built from',
    )
    .action(async (_options, command: Command) => {
      const options = globals(command);
      const configured = PROVIDERS.filter(
        (provider) => options.mock || hasCredentials(provider, options, io.env),
      );
      const rows = PROVIDERS.map((provider) => ({
        provider,
        configured: configured.includes(provider),
        spec: {
          version: SPEC_INFO[provider].version,
          sha256: SPEC_INFO[provider].sha256.slice(0, 12),
        },
        capabilities: CAPABILITIES[provider],
      }));
      emit(command, rows, () =>
        [
          gridTable(
            ['provider', 'configured', 'spec version', 'spec sha256'],
            rows.map((row) => [
              row.provider,
              row.configured ? (options.mock ? 'yes (mock)' : 'yes') : 'no',
              row.spec.version,
              row.spec.sha256,
            ]),
          ),
          matrixTable(),
        ].join('\n'),
      );
    });

  withInputOptions(
    program
      .command('create')
      .description('create a sub-account (prints its one-time credentials redacted)')
      .addArgument(providerArg())
      .option('--show-secrets', 'print the one-time credentials in clear'),
  ).action(
    async (provider: Provider, options: InputOptions & { showSecrets?: boolean }, command) => {
      await withSession(provider, globals(command), io, async ({ tk }) => {
        const result = await tk.subaccounts.create(provider, toInput(options) as never);
        const show = options.showSecrets === true;
        const json = show ? { ...result, credentials: revealAll(result.credentials) } : result;
        // Asked for in clear: written as is (the scrubbed output would hide a value equal to a flag's).
        const out = globals(command).json
          ? JSON.stringify(json, null, 2)
          : createdTable(result, show);
        if (show) io.reveal(`${out}\n`);
        else print(out);
        if (!show && Object.keys(result.credentials).length > 0) {
          io.stderr(
            `The credentials are redacted: ${provider} hands them out only once. Run create with --show-secrets to print them.\n`,
          );
        }
      });
    },
  );

  program
    .command('get')
    .description('show one sub-account')
    .addArgument(providerArg())
    .argument('<id>', 'Synthflow subaccount_id, Vobiz SA_ auth id, or Voximplant subuser_id')
    .action(async (provider: Provider, id: string, _options, command: Command) => {
      await withSession(provider, globals(command), io, async ({ tk }) => {
        const account = await tk.subaccounts.get(provider, id);
        emit(command, account, () => subAccountTable(account));
      });
    });

  program
    .command('list')
    .description('list every sub-account (all pages)')
    .addArgument(providerArg())
    .option('--limit <n>', 'stop after n sub-accounts', integer)
    .option('--page-size <n>', 'items per request (Vobiz, Voximplant)', integer)
    .action(async (provider: Provider, options: { limit?: number; pageSize?: number }, command) => {
      await withSession(provider, globals(command), io, async ({ tk }) => {
        const accounts: SubAccount[] = [];
        for await (const account of tk.subaccounts.list(provider, options)) accounts.push(account);
        emit(
          command,
          accounts,
          () => `${subAccountList(accounts)}\n${accounts.length} sub-account(s) on ${provider}`,
        );
      });
    });

  withInputOptions(
    program
      .command('update')
      .description('change a sub-account (only the fields given)')
      .addArgument(providerArg())
      .argument('<id>', 'the sub-account id'),
  ).action(async (provider: Provider, id: string, options: InputOptions, command: Command) => {
    await withSession(provider, globals(command), io, async ({ tk }) => {
      const account = await tk.subaccounts.update(provider, id, toInput(options) as never);
      emit(command, account, () => subAccountTable(account));
    });
  });

  program
    .command('delete')
    .description('delete a sub-account')
    .addArgument(providerArg())
    .argument('<id>', 'the sub-account id')
    .action(async (provider: Provider, id: string, _options, command: Command) => {
      await withSession(provider, globals(command), io, async ({ tk }) => {
        const result = await tk.subaccounts.delete(provider, id);
        emit(command, result, () => deletedTable(result));
      });
    });

  const numbers = program
    .command('numbers')
    .description('phone numbers moved between the parent account and its sub-accounts (Vobiz)');
  numbers
    .command('list')
    .description("the account's numbers, or with --sub-account the ones a sub-account holds")
    .addArgument(providerArg())
    .option('--sub-account <id>', 'only the numbers this sub-account holds (Vobiz SA_ auth id)')
    .option('--limit <n>', 'stop after n numbers', integer)
    .action(
      async (provider: Provider, options: { subAccount?: string; limit?: number }, command) => {
        await withSession(provider, globals(command), io, async ({ tk }) => {
          const found: NumberEntry[] = [];
          const query = {
            ...(options.subAccount !== undefined && { subAccountId: options.subAccount }),
            ...(options.limit !== undefined && { limit: options.limit }),
          };
          for await (const entry of tk.numbers.list(provider, query)) found.push(entry);
          emit(command, found, () => `${numberList(found)}\n${found.length} number(s)`);
        });
      },
    );
  numbers
    .command('assign')
    .description("give one of the parent account's numbers to a sub-account")
    .addArgument(providerArg())
    .argument('<number>', 'the number in E.164 form, e.g. +919876543210')
    .argument('<sub-account-id>', 'the sub-account that gets it (Vobiz SA_ auth id)')
    .action(async (provider: Provider, number: string, subAccountId: string, _options, command) => {
      await withSession(provider, globals(command), io, async ({ tk }) => {
        const result = await tk.numbers.assign(provider, number, subAccountId);
        emit(command, result, () => assignmentTable(result));
      });
    });
  numbers
    .command('unassign')
    .description(
      'take a number back from its sub-account (Vobiz: not within 15 days of its last call)',
    )
    .addArgument(providerArg())
    .argument('<number>', 'the number in E.164 form')
    .option('--force', 'skip the cool-off (admin accounts only)')
    .action(async (provider: Provider, number: string, options: { force?: boolean }, command) => {
      await withSession(provider, globals(command), io, async ({ tk }) => {
        const result = await tk.numbers.unassign(provider, number, {
          ...(options.force && { force: true }),
        });
        emit(command, result, () => assignmentTable(result));
      });
    });

  program
    .command('roles')
    .description('Voximplant roles that can be granted (or, with --groups, the role groups)')
    .option('--group <name>', 'only the roles of this group')
    .option('--groups', 'list the role groups instead')
    .action(async (options: { group?: string; groups?: boolean }, command: Command) => {
      await withSession('voximplant', globals(command), io, async ({ tk }) => {
        if (options.groups) {
          const groups = await tk.voximplant.roles.groups();
          emit(command, groups, () =>
            gridTable(
              ['id', 'name'],
              groups.map((g) => [g.id, g.name]),
            ),
          );
          return;
        }
        const roles = await tk.voximplant.roles.list(
          options.group === undefined ? undefined : { group_name: options.group },
        );
        emit(command, roles, () =>
          gridTable(
            ['id', 'name', 'gui only'],
            roles.map((role) => [role.role_id, role.role_name, role.gui_only]),
          ),
        );
      });
    });

  return program;
}

function withInputOptions(command: Command): Command {
  return command
    .option('--name <name>', 'display name (Voximplant: the login)')
    .option('--email <email>', 'contact email (Synthflow: the person to invite)')
    .option('--description <text>', 'free-text description')
    .addOption(new Option('--enable', 'switch the sub-account on').conflicts('disable'))
    .option('--disable', 'switch the sub-account off')
    .option(
      '--limit <name=value>',
      'a limit, e.g. maxMinutes=1000 or rateLimit=50 (repeatable)',
      collect,
    )
    .option('--grant <permission>', 'Synthflow permission to grant (repeatable)', collect)
    .option('--revoke <permission>', 'Synthflow permission to revoke (repeatable)', collect)
    .option(
      '--permission <name=true|false>',
      'Vobiz permission switch, e.g. calls=true (repeatable)',
      collect,
    )
    .option('--grant-role <role>', 'Voximplant role name or id to grant (repeatable)', collect)
    .option('--revoke-role <role>', 'Voximplant role name or id to remove (repeatable)', collect)
    .option('--password <password>', 'password (Voximplant login, Vobiz console)')
    .option('--current-password <password>', 'current password (Voximplant, to change it)')
    .option(
      '--extra <field=json>',
      'a provider field without a unified name (repeatable)',
      collect,
    );
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function integer(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value)) {
    throw new ValidationError({
      provider: 'tenantkit',
      operation: 'cli',
      field: 'number option',
      rule: 'integer',
      message: 'must be a whole number',
    });
  }
  return parsed;
}

/** Names that would reach an object's prototype instead of becoming a field. */
const UNSAFE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** `name=value` pairs; the value is JSON when it parses (numbers, booleans, null), else a string. */
function pairs(field: string, items: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of items) {
    const at = item.indexOf('=');
    if (at <= 0) {
      throw new ValidationError({
        provider: 'tenantkit',
        operation: 'cli',
        field: `--${field}`,
        rule: 'name=value',
        message: 'must be written name=value',
      });
    }
    if (UNSAFE_NAMES.has(item.slice(0, at))) {
      throw new ValidationError({
        provider: 'tenantkit',
        operation: 'cli',
        field: `--${field}`,
        rule: 'safe-name',
        message: `must not be named ${item.slice(0, at)}`,
      });
    }
    const raw = item.slice(at + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // Not JSON: a plain string.
    }
    out[item.slice(0, at)] = value;
  }
  return out;
}

const roleRefs = (items: string[]) =>
  items.every((item) => /^\d+$/.test(item)) ? items.map(Number) : items;

/** Flags → the unified input, with only the fields that were given (the facade checks the rest). */
function toInput(options: InputOptions): Record<string, unknown> {
  const input: Record<string, unknown> = {
    name: options.name,
    email: options.email,
    description: options.description,
    password: options.password,
    currentPassword: options.currentPassword,
  };
  if (options.enable) input.enabled = true;
  if (options.disable) input.enabled = false;
  if (options.limit) input.limits = pairs('limit', options.limit);
  if (options.grant || options.revoke) {
    input.permissions = { grant: options.grant, revoke: options.revoke };
  }
  if (options.permission) {
    if (input.permissions) {
      throw new ValidationError({
        provider: 'tenantkit',
        operation: 'cli',
        field: '--permission',
        rule: 'exclusive',
        message: 'cannot be combined with --grant/--revoke (Vobiz takes switches, Synthflow lists)',
      });
    }
    input.permissions = pairs('permission', options.permission);
  }
  if (options.grantRole || options.revokeRole) {
    input.roles = {
      ...(options.grantRole && { grant: roleRefs(options.grantRole) }),
      ...(options.revokeRole && { revoke: roleRefs(options.revokeRole) }),
    };
  }
  if (options.extra) input.extra = pairs('extra', options.extra);
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

function revealAll(credentials: object): Record<string, string> {
  return Object.fromEntries(
    Object.entries(credentials).map(([key, secret]) => [
      key,
      (secret as { reveal(): string }).reveal(),
    ]),
  );
}

function hasCredentials(provider: Provider, options: GlobalOptions, env: CliIo['env']): boolean {
  switch (provider) {
    case 'synthflow':
      return Boolean(options.synthflowApiKey ?? env.SYNTHFLOW_API_KEY);
    case 'vobiz':
      return Boolean(
        (options.vobizAuthId ?? env.VOBIZ_AUTH_ID) &&
          (options.vobizAuthToken ?? env.VOBIZ_AUTH_TOKEN),
      );
    case 'voximplant':
      return Boolean(options.voximplantCredentials ?? env.VOXIMPLANT_CREDENTIALS);
  }
}

/** A started `--mock` session: where the provider's mock listens, and a throwaway Voximplant key. */
interface MockSession {
  url: string | undefined;
  voximplantCredentials: () => VoximplantCredentials;
  stop(): Promise<void>;
}

/** The options for one provider: flags first, then the environment, then `--mock`'s dummies. */
function providerOptions(
  provider: Provider,
  options: GlobalOptions,
  env: CliIo['env'],
  mock: MockSession | undefined,
): TenantkitOptions {
  const mockUrl = mock?.url;
  if (!mockUrl && !hasCredentials(provider, options, env)) {
    throw new ConfigurationError(`${provider} is not configured: ${CLI_CREDENTIALS[provider]}`);
  }
  const baseUrl = mockUrl ?? options.baseUrl ?? env[`TENANTKIT_${provider.toUpperCase()}_BASE_URL`];
  const at = baseUrl === undefined ? {} : { baseUrl };
  switch (provider) {
    case 'synthflow': {
      const region = options.synthflowRegion ?? env.SYNTHFLOW_REGION;
      return {
        synthflow: {
          apiKey: mockUrl
            ? 'mock-api-key'
            : (options.synthflowApiKey ?? env.SYNTHFLOW_API_KEY ?? ''),
          ...(region && { region: region as 'global' }),
          ...at,
        },
      };
    }
    case 'vobiz':
      return {
        vobiz: {
          authId: mockUrl ? 'MA_MOCK0000' : (options.vobizAuthId ?? env.VOBIZ_AUTH_ID ?? ''),
          authToken: mockUrl
            ? 'mock-auth-token'
            : (options.vobizAuthToken ?? env.VOBIZ_AUTH_TOKEN ?? ''),
          ...at,
        },
      };
    case 'voximplant': {
      const credentials = mock
        ? mock.voximplantCredentials()
        : (options.voximplantCredentials ?? env.VOXIMPLANT_CREDENTIALS);
      return { voximplant: { ...(credentials && { credentials }), ...at } };
    }
  }
}

async function withSession(
  provider: Provider,
  options: GlobalOptions,
  io: CliIo,
  run: (session: { tk: Tenantkit }) => Promise<void>,
): Promise<void> {
  // The mocks live exactly as long as one command.
  const mocks = options.mock ? await startMock(provider) : undefined;
  try {
    const logger: Logger | undefined = options.debug
      ? { debug: (message, details) => io.stderr(`${message} ${JSON.stringify(details)}\n`) }
      : undefined;
    const tk = createTenantkit({
      ...providerOptions(provider, options, io.env, mocks),
      ...(logger && { logger }),
    });
    await run({ tk });
  } finally {
    await mocks?.stop();
  }
}

async function startMock(provider: Provider): Promise<MockSession> {
  let mock: typeof import('@tenantkit/mock');
  try {
    mock = await import('@tenantkit/mock');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new ConfigurationError(
        '--mock needs the optional package @tenantkit/mock: install it next to tenantkit (npm install --save-dev @tenantkit/mock).',
      );
    }
    throw error;
  }
  const servers = await mock.startMockServers({ providers: [provider] });
  return {
    url: servers.urls[provider],
    // Prism only checks that a bearer token is present; a fresh key signs real RS256 tokens all the same.
    voximplantCredentials: () => mock.throwawayVoximplantKey().credentials,
    stop: () => servers.stop(),
  };
}
