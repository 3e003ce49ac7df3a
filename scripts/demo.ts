/**
 * `pnpm demo`: the `tenantkit` CLI tells one true story against ONE sandbox (`@tenantkit/mock`): on
 * each provider it creates a tenant, lists it, gets the same record, updates it and shows the
 * change, deletes it and shows it gone (Twilio: closes it, and shows it closed for good; a
 * Synthflow sub-account is linked to the Twilio one on the way). Then the tenant sync: a tenants
 * file is planned, applied (Twilio first, then the Synthflow sub-account that calls through it),
 * planned again (empty), edited, planned (one update) and applied. Every step after a create uses
 * the id that create printed, and each step checks what it printed, so no step can show a record
 * the previous one did not make.
 *
 * The sandbox is a stateful server per provider, every request and answer checked by Prism against
 * specs/. The CLI reaches it exactly as it reaches a real provider: base URLs and (throwaway)
 * credentials from the environment. Each step runs the CLI's own entry point (`runCli`, which the
 * `tenantkit` binary calls) in this process, so the tour stays quick.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// From source, run by tsx: the root workspace depends on no package (that would put every package
// into turbo's global hash and defeat the cache).
import {
  SANDBOX_PROVIDERS,
  type SandboxProvider,
  startSandbox,
} from '../packages/mock/src/index.js';
import { runCli } from '../packages/tenantkit/src/cli/index.js';
import { specsDir } from './lib/specs.js';

/** What earlier steps printed: the id each create made, and the Vobiz number the tour moves. */
type Ids = Partial<Record<SandboxProvider | 'number', string>>;

interface Step {
  title: string;
  args: (ids: Ids) => string[];
  /** The exit code the step is meant to end with (a refused input is part of the tour). */
  expect?: number;
  /** What the output must show for the story to hold; returns what is missing. */
  shows?: (stdout: string, ids: Ids) => string | undefined;
  /** A create: the id it printed (JSON) is what the following steps use. */
  creates?: SandboxProvider;
  /** Keeps something the step printed (JSON) for the following steps. */
  keeps?: (stdout: string) => Ids;
  /** Done (and shown) before the command: writing or editing the tenants file. */
  before?: () => void;
}

const contains =
  (...texts: Array<string | ((ids: Ids) => string | undefined)>) =>
  (stdout: string, ids: Ids) => {
    for (const text of texts) {
      const wanted = typeof text === 'string' ? text : text(ids);
      if (wanted === undefined || !stdout.includes(wanted)) return `the output lacks "${wanted}"`;
    }
    return undefined;
  };
const id = (provider: SandboxProvider | 'number') => (ids: Ids) => ids[provider] ?? '(no id yet)';

/** Create → list → get → update → delete → get again (gone), with the provider's own fields. */
function story(
  provider: SandboxProvider,
  label: string,
  create: string[],
  name: string,
  update: { title: string; args: string[]; shows: string[] },
  beforeDelete: Step[] = [],
): Step[] {
  const title = (text: string) => `${label}: ${text}`;
  return [
    {
      title: title('create a tenant (JSON, so the next steps can use its id)'),
      args: () => ['--json', 'create', provider, ...create],
      creates: provider,
      shows: contains(`"name": "${name}"`),
    },
    {
      title: title('list: the new tenant is there'),
      args: () => ['list', provider],
      shows: contains(id(provider), name),
    },
    {
      title: title('get: the same record'),
      args: (ids) => ['get', provider, id(provider)(ids)],
      shows: contains(id(provider), name),
    },
    {
      title: title(update.title),
      args: (ids) => ['update', provider, id(provider)(ids), ...update.args],
      shows: contains(id(provider), ...update.shows),
    },
    ...beforeDelete,
    {
      title: title('delete it'),
      args: (ids) => ['delete', provider, id(provider)(ids)],
      shows: contains(id(provider)),
    },
    {
      title: title('get it again: gone (exit 1)'),
      args: (ids) => ['get', provider, id(provider)(ids)],
      expect: 1,
    },
  ];
}

/** The tenants file of the sync story, with Vobiz's rate limit as the edit. */
const tenantsYaml = (rateLimit: number) => `version: 1
prefix: demo-
tenants:
  acme-dental:
    twilio: {}
    synthflow: { email: owner@acme.example, limits: { maxMinutes: 1000 }, permissions: { logs: true }, twilio: true }
    vobiz: { description: Acme Dental, limits: { rateLimit: ${rateLimit} } }
    voximplant: { description: Acme front desk, roles: [Support] }
  globex:
    vobiz: { description: Globex, enabled: false }
`;
const dir = mkdtempSync(join(tmpdir(), 'tenantkit-demo-'));
const tenantsFile = join(dir, 'tenants.yaml');
const writeTenants = (rateLimit: number) => () => {
  writeFileSync(tenantsFile, tenantsYaml(rateLimit));
  console.log(`(tenants.yaml)\n${tenantsYaml(rateLimit).replace(/^/gm, '  ')}`);
};

/** Declarative sync: plan → apply → plan (empty) → edit → plan (one update) → apply. */
const SYNC_STORY: Step[] = [
  {
    title: 'Tenant sync: declare the tenants once, plan what that means on each provider',
    before: writeTenants(100),
    args: () => ['tenants', 'plan', '-f', tenantsFile],
    shows: contains(
      '+ acme-dental  vobiz  create demo-acme-dental',
      'Plan: 5 to create, 0 to update',
    ),
  },
  {
    title:
      'Tenant sync: apply it (Twilio before the Synthflow sub-account that calls through it; one-time credentials go to a 0600 file, never to the screen)',
    args: () => [
      'tenants',
      'apply',
      '-f',
      tenantsFile,
      '--secrets-out',
      join(dir, 'secrets.jsonl'),
    ],
    shows: contains('Converged: 5 created'),
  },
  {
    title: 'Tenant sync: plan again — converged, nothing to do',
    args: () => ['tenants', 'plan', '-f', tenantsFile],
    shows: contains('Plan: 0 to create, 0 to update, 0 to keep (orphans), 5 unchanged.'),
  },
  {
    title: 'Tenant sync: raise Acme’s Vobiz rate limit in the file, plan: one update',
    before: writeTenants(250),
    args: () => ['tenants', 'plan', '-f', tenantsFile],
    shows: contains(
      '~ acme-dental  vobiz  limits.rateLimit: 100 → 250',
      'Plan: 0 to create, 1 to update',
    ),
  },
  {
    title: 'Tenant sync: apply the one update',
    args: () => ['tenants', 'apply', '-f', tenantsFile],
    shows: contains('Converged: 1 updated, 4 unchanged'),
  },
];

// The tour names its providers on purpose: it is a story told in order, not a list to derive.
const STEPS: Step[] = [
  {
    title: 'What each provider supports (and which spec each client was generated from)',
    args: () => ['providers'],
  },
  ...story(
    'synthflow',
    'Synthflow',
    [
      ...['--name', 'Acme Dental', '--email', 'owner@acme.example'],
      ...['--limit', 'maxMinutes=1000', '--limit', 'concurrency=5'],
      ...['--grant', 'inbound', '--grant', 'logs', '--revoke', 'widget'],
    ],
    'Acme Dental',
    {
      title: 'rename it and lift the minute quota (null = unlimited)',
      args: ['--name', 'Acme Dental Group', '--limit', 'maxMinutes=null'],
      shows: ['Acme Dental Group', 'maxMinutes=unlimited'],
    },
  ),
  ...story(
    'vobiz',
    'Vobiz',
    [
      ...['--name', 'Acme Dental', '--email', 'owner@acme.example'],
      ...['--limit', 'rateLimit=100', '--permission', 'calls=true', '--permission', 'cdr=true'],
    ],
    'Acme Dental',
    {
      title: 'switch it off',
      args: ['--disable', '--description', 'Paused by billing'],
      shows: ['Paused by billing', 'false'],
    },
    [
      {
        title: 'Vobiz: the parent’s numbers',
        args: () => ['numbers', 'list', 'vobiz'],
        // The second one: the first carried a call three days ago (its cool-off is on).
        keeps: (stdout) => ({ number: stdout.match(/\+\d{8,15}/g)?.[1] }),
      },
      {
        title: 'Vobiz: give that number to the sub-account',
        args: (ids) => ['numbers', 'assign', 'vobiz', id('number')(ids), id('vobiz')(ids)],
        shows: contains(id('number'), id('vobiz')),
      },
      {
        title: 'Vobiz: the numbers the sub-account holds',
        args: (ids) => ['numbers', 'list', 'vobiz', '--sub-account', id('vobiz')(ids)],
        shows: contains(id('number'), '1 number(s)'),
      },
    ],
  ),
  { title: 'Voximplant: the roles a sub-user can hold', args: () => ['roles'] },
  ...story(
    'voximplant',
    'Voximplant',
    [
      ...['--name', 'acme_dental', '--password', 'Str0ng!Pass'],
      ...['--grant-role', 'Support', '--description', 'Acme front desk'],
    ],
    'acme_dental',
    {
      title: 'swap a role and change the description',
      args: [
        ...['--grant-role', 'Accountant', '--revoke-role', 'Support'],
        ...['--description', 'Front desk and billing'],
      ],
      shows: ['Front desk and billing', 'Accountant'],
    },
  ),
  {
    title: 'Twilio: create a sub-account (JSON, so the next steps can use its SID)',
    args: () => ['--json', 'create', 'twilio', '--name', 'Acme Dental'],
    creates: 'twilio',
    shows: contains('"name": "Acme Dental"', '"authToken": "[REDACTED]"'),
  },
  {
    title: 'Twilio: list: the new sub-account is there (the main account is not)',
    args: () => ['list', 'twilio'],
    shows: contains(id('twilio'), 'Acme Dental'),
  },
  {
    title: 'Twilio: suspend it and rename it',
    args: (ids) => [
      'update',
      'twilio',
      id('twilio')(ids),
      '--disable',
      '--name',
      'Acme Dental Group',
    ],
    shows: contains(id('twilio'), 'Acme Dental Group', 'false'),
  },
  {
    title:
      'Synthflow on Twilio: a Synthflow sub-account placing its calls through it (token never printed)',
    args: (ids) => [
      ...['create', 'synthflow', '--name', 'Acme Dental voice agent'],
      ...['--twilio-subaccount', id('twilio')(ids)],
    ],
    shows: contains('Acme Dental voice agent'),
  },
  {
    title: 'Twilio: delete means close, for good; without --yes nothing is sent (exit 2)',
    args: (ids) => ['delete', 'twilio', id('twilio')(ids)],
    expect: 2,
  },
  {
    title: 'Twilio: close it (--yes)',
    args: (ids) => ['delete', 'twilio', id('twilio')(ids), '--yes'],
    shows: contains(id('twilio')),
  },
  {
    title: 'Twilio: get it again: still there, closed',
    args: (ids) => ['--json', 'get', 'twilio', id('twilio')(ids)],
    shows: contains('"status": "closed"', '"enabled": false'),
  },
  {
    title: 'Twilio: re-activating a closed sub-account is refused by Twilio (21479, exit 1)',
    args: (ids) => ['update', 'twilio', id('twilio')(ids), '--enable'],
    expect: 1,
  },
  {
    title: 'Refused before sending: Voximplant has no quotas (exit 2)',
    args: () => [
      ...['create', 'voximplant', '--name', 'acme_dental', '--password', 'Str0ng!Pass'],
      ...['--limit', 'maxMinutes=10'],
    ],
    expect: 2,
  },
  ...SYNC_STORY,
];

const quote = (arg: string) =>
  /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
const startedAt = Date.now();
const specs = Object.fromEntries(
  SANDBOX_PROVIDERS.map((provider) => [provider, join(specsDir, `${provider}.yaml`)]),
);
const sandbox = await startSandbox({ specs, seed: 2026 });
const env = sandbox.cliEnvironment(dir);
console.log('One sandbox for the whole tour: a stateful server per provider, Prism checking');
console.log('every request and answer against specs/. The CLI reads it from the environment:');
for (const [name, value] of Object.entries(env))
  console.log(`  ${name}=${name.endsWith('_URL') ? value : '(a throwaway sandbox credential)'}`);

const ids: Ids = {};
let failures = 0;
try {
  for (const [index, step] of STEPS.entries()) {
    const args = step.args(ids);
    console.log(`\n━━ ${index + 1}. ${step.title}`);
    step.before?.();
    console.log(`$ tenantkit ${args.map((arg) => quote(arg.replace(dir, '.'))).join(' ')}`);
    let stdout = '';
    const code = await runCli(args, {
      stdout: (text) => {
        stdout += text;
        process.stdout.write(text);
      },
      stderr: (text) => process.stderr.write(text),
      env,
    });
    if (step.creates && code === 0) ids[step.creates] = (JSON.parse(stdout) as { id: string }).id;
    if (step.keeps && code === 0) Object.assign(ids, step.keeps(stdout));
    const expected = step.expect ?? 0;
    const missing = code === expected ? step.shows?.(stdout, ids) : `expected exit ${expected}`;
    console.log(`(exit ${code})`);
    if (missing) {
      failures++;
      console.error(`✗ ${missing}`);
    }
  }
} finally {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
}

const violations = sandbox.violations.length;
console.log(
  `\n${STEPS.length - failures} of ${STEPS.length} steps as expected in ${((Date.now() - startedAt) / 1000).toFixed(1)} s; Prism found ${violations} violation(s).`,
);
if (violations > 0) console.error(JSON.stringify(sandbox.violations, null, 2));
if (failures > 0 || violations > 0) process.exitCode = 1;
