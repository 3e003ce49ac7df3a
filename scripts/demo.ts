/**
 * `pnpm demo`: a tour of the `tenantkit` CLI in `--mock` mode, every provider, every operation.
 *
 * Each step runs the CLI's own entry point (`runCli`, which the `tenantkit` binary calls) in this one
 * process: `--mock` still starts a Prism server for every command, but Prism's modules load once
 * instead of once per command (~2 s each), which keeps the tour quick.
 */
// From source, run by tsx: the root workspace depends on no package (that would put every package
// into turbo's global hash and defeat the cache).
import { runCli } from '../packages/tenantkit/src/cli/index.js';

interface Step {
  title: string;
  args: string[];
  /** The exit code the step is meant to end with (a refused input is part of the tour). */
  expect?: number;
}

const STEPS: Step[] = [
  {
    title: 'What each provider supports (and which spec each client was generated from)',
    args: ['providers'],
  },

  {
    title: 'Synthflow: create a sub-account with quotas and permissions',
    args: [
      'create',
      'synthflow',
      '--name',
      'Acme Dental',
      '--email',
      'owner@acme.example',
      '--limit',
      'maxMinutes=1000',
      '--limit',
      'concurrency=5',
      '--grant',
      'inbound',
      '--grant',
      'logs',
      '--revoke',
      'widget',
    ],
  },
  { title: 'Synthflow: list every sub-account', args: ['list', 'synthflow'] },
  { title: 'Synthflow: get one', args: ['get', 'synthflow', '1726005822670x239735712159542050'] },
  {
    title: 'Synthflow: lift the minute quota (null = unlimited)',
    args: ['update', 'synthflow', '1726005822670x239735712159542050', '--limit', 'maxMinutes=null'],
  },
  {
    title: 'Synthflow: delete it',
    args: ['delete', 'synthflow', '1726005822670x239735712159542050'],
  },

  {
    title: 'Vobiz: create a sub-account (its auth token is handed out once)',
    args: [
      'create',
      'vobiz',
      '--name',
      'Acme Dental',
      '--email',
      'owner@acme.example',
      '--limit',
      'rateLimit=100',
      '--permission',
      'calls=true',
      '--permission',
      'cdr=true',
    ],
  },
  { title: 'Vobiz: list every sub-account (all pages)', args: ['list', 'vobiz'] },
  { title: 'Vobiz: get one by its SA_ auth id', args: ['get', 'vobiz', 'SA_XXXXXXXX'] },
  {
    title: 'Vobiz: switch it off',
    args: ['update', 'vobiz', 'SA_XXXXXXXX', '--disable', '--description', 'Paused by billing'],
  },
  {
    title: 'Vobiz: give one of the parent’s numbers to the sub-account',
    args: ['numbers', 'assign', 'vobiz', '+919876543210', 'SA_XXXXXXXX'],
  },
  {
    title: 'Vobiz: the numbers the sub-account holds',
    args: ['numbers', 'list', 'vobiz', '--sub-account', 'SA_XXXXXXXX'],
  },
  { title: 'Vobiz: delete it', args: ['delete', 'vobiz', 'SA_XXXXXXXX'] },

  { title: 'Voximplant: the roles a sub-user can hold', args: ['roles'] },
  {
    title: 'Voximplant: create a sub-user with a role',
    args: [
      'create',
      'voximplant',
      '--name',
      'acme_dental',
      '--password',
      'Str0ng!Pass',
      '--grant-role',
      'Support',
      '--description',
      'Acme front desk',
    ],
  },
  {
    title: 'Voximplant: list every sub-user (JSON, for scripts)',
    args: ['list', 'voximplant', '--json'],
  },
  { title: 'Voximplant: get one', args: ['get', 'voximplant', '109'] },
  {
    title: 'Voximplant: grant and remove roles',
    args: [
      'update',
      'voximplant',
      '109',
      '--grant-role',
      '3',
      '--description',
      'Front desk and billing',
    ],
  },
  { title: 'Voximplant: delete it', args: ['delete', 'voximplant', '109'] },

  {
    title: 'Refused before sending: Voximplant has no quotas (exit 2)',
    args: [
      'create',
      'voximplant',
      '--name',
      'acme_dental',
      '--password',
      'Str0ng!Pass',
      '--limit',
      'maxMinutes=10',
    ],
    expect: 2,
  },
];

const quote = (arg: string) =>
  /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
const startedAt = Date.now();
let failures = 0;

for (const [index, step] of STEPS.entries()) {
  const args = ['--mock', ...step.args];
  console.log(`\n━━ ${index + 1}. ${step.title}`);
  console.log(`$ tenantkit ${args.map(quote).join(' ')}`);
  const code = await runCli(args, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: {},
  });
  const expected = step.expect ?? 0;
  console.log(`(exit ${code})`);
  if (code !== expected) {
    failures++;
    console.error(`✗ expected exit ${expected}`);
  }
}

console.log(
  `\n${STEPS.length - failures} of ${STEPS.length} steps as expected in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
);
if (failures > 0) process.exitCode = 1;
