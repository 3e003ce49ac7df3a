/**
 * The one table of what each provider supports. The input checks, `tk.capabilities()`, the CLI's
 * `providers` command and the README's matrix are all derived from it.
 */
import { InputChecker } from '@tenantkit/core';
import { PROVIDERS, type Provider } from './model.js';

export const INPUT_FIELDS = [
  'name',
  'email',
  'description',
  'enabled',
  'limits',
  'permissions',
  'roles',
  'password',
  'currentPassword',
  'extra',
] as const;
export type InputField = (typeof INPUT_FIELDS)[number];

export const OPERATIONS = ['create', 'get', 'list', 'update', 'delete'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** How a field is honoured on create and on update, and what it becomes on the wire. */
export interface FieldSupport {
  create: 'required' | 'optional' | false;
  update: 'optional' | false;
  /** The provider's own field(s) it maps to. */
  wire: string;
  /** Where the provider's own sources disagree about the field, which of them confirm it. */
  caveat?: string;
}

/** Something the facade offers beyond sub-accounts, or lists as on the provider client only. */
export interface FeatureSupport {
  supported: boolean;
  how: string;
}

export interface ProviderCapabilities {
  provider: Provider;
  operations: Readonly<Record<Operation, true>>;
  /** Fields a provider cannot honour are absent: passing one is a ValidationError. */
  fields: Readonly<Partial<Record<InputField, FieldSupport>>>;
  /** How `list` walks the provider's pages (or that it does not need to). */
  paging: { supported: boolean; how: string };
  /** What `create` returns in `credentials` (handed out once). */
  credentials: readonly string[];
  /** Sub-keys of `limits` (unified name → wire name). */
  limits: Readonly<Record<string, string>>;
  /** `tk.numbers` (and `tenantkit numbers …`): moving phone numbers to a sub-account and back. */
  numbers: FeatureSupport;
  /** Child accounts of a reseller account (separate provider accounts): on the provider client. */
  childAccounts: FeatureSupport;
  /** What else the provider client offers that the unified model does not cover. */
  providerClientOnly: readonly string[];
}

const ALL_OPERATIONS = { create: true, get: true, list: true, update: true, delete: true } as const;
const both = (wire: string, create: 'required' | 'optional' = 'optional'): FieldSupport => ({
  create,
  update: 'optional',
  wire,
});
/** Vobiz's update fields beyond name/enabled/kyc_mode (specs/vobiz.notes.md, "Update body"). */
const VOBIZ_UPDATE_UNCONFIRMED =
  'on update confirmed only by the docs table and the official MCP server, not by the SDKs or skill';
const vobizUnconfirmed = (wire: string): FieldSupport => ({
  ...both(wire),
  caveat: VOBIZ_UPDATE_UNCONFIRMED,
});

export const CAPABILITIES: Readonly<Record<Provider, ProviderCapabilities>> = {
  synthflow: {
    provider: 'synthflow',
    operations: ALL_OPERATIONS,
    fields: {
      name: both('subaccount_name', 'required'),
      email: both('user_email (create) / invite_user_email (update): invites that person'),
      limits: both('concurrency, max_agents, max_minutes, max_workflow_runs'),
      permissions: both(
        'grant_permissions / revoke_permissions (write: {grant, revoke}; read: the permissions object)',
      ),
      extra: both('twilio_*, and on update pricing_tiers_*, import_subscription, products'),
    },
    paging: { supported: false, how: 'one answer holds every sub-account' },
    credentials: ['apiKey', 'signInLink'],
    limits: {
      concurrency: 'concurrency',
      maxAgents: 'max_agents',
      maxMinutes: 'max_minutes',
      maxWorkflowRuns: 'max_workflow_runs',
    },
    numbers: { supported: false, how: 'not part of the sub-account API' },
    childAccounts: { supported: false, how: 'no separate child accounts' },
    providerClientOnly: [],
  },
  vobiz: {
    provider: 'vobiz',
    operations: ALL_OPERATIONS,
    fields: {
      name: both('name', 'required'),
      email: vobizUnconfirmed('email'),
      description: vobizUnconfirmed('description'),
      enabled: both('enabled'),
      limits: vobizUnconfirmed('rate_limit'),
      permissions: vobizUnconfirmed('permissions (an object of booleans, e.g. {calls, cdr})'),
      password: { create: 'optional', update: false, wire: 'password (web-console sign-in)' },
      extra: {
        ...both('phone, kyc_mode, and on create business_type'),
        caveat: `kyc_mode is confirmed by every source; phone is ${VOBIZ_UPDATE_UNCONFIRMED}`,
      },
    },
    paging: { supported: true, how: 'page / size (pageSize ≤ 100)' },
    credentials: ['authId', 'authToken'],
    limits: { rateLimit: 'rate_limit' },
    numbers: {
      supported: true,
      how: 'assign / unassign (a CoolOffError within 15 days of the last call) / list per sub-account (the parent list filtered on account_id)',
    },
    childAccounts: { supported: false, how: 'sub-accounts are the only children' },
    providerClientOnly: [
      'kyc: PAN, GST, CIN, DigiLocker checks and hosted sessions (vobiz.kyc)',
      'numbers.list / listAll of the whole account (vobiz.numbers)',
    ],
  },
  voximplant: {
    provider: 'voximplant',
    operations: ALL_OPERATIONS,
    fields: {
      name: { create: 'required', update: false, wire: 'new_subuser_name (cannot be renamed)' },
      description: both('description'),
      roles: both(
        'role_id / role_name (create: {grant}; update: grant → SetSubUserRoles, revoke → RemoveSubUserRoles)',
      ),
      password: both('new_subuser_password', 'required'),
      currentPassword: { create: false, update: 'optional', wire: 'old_subuser_password' },
    },
    paging: { supported: true, how: 'offset / count' },
    credentials: [],
    limits: {},
    numbers: { supported: false, how: 'numbers are not held by subusers' },
    childAccounts: {
      supported: true,
      how: 'list, update, suspend, activate (voximplant.childAccounts; Owner role): separate accounts, not the subusers above',
    },
    providerClientOnly: [
      'authorizedIps: add, list, delete, check the IPv4 allow-list (voximplant.authorizedIps)',
      'account.info: the profile and api_address (voximplant.account)',
      'keys and roles: service-account keys, role catalogue (voximplant.keys, voximplant.roles)',
    ],
  },
};

/** Refuses, before anything is sent, a numbers call to a provider without that capability. */
export function checkNumbersSupported(provider: Provider, operation: string): void {
  if (CAPABILITIES[provider].numbers.supported) return;
  const supportedBy = PROVIDERS.filter((p) => CAPABILITIES[p].numbers.supported);
  new InputChecker(provider, `numbers.${operation}`).fail(
    'provider',
    'unsupported-operation',
    `does not support numbers (${CAPABILITIES[provider].numbers.how}; supported by: ${supportedBy.join(', ')})`,
  );
}

/** What a provider supports, from the one table. */
export function capabilities(provider: Provider): ProviderCapabilities {
  checkProvider(provider);
  return CAPABILITIES[provider];
}

export function checkProvider(provider: unknown): asserts provider is Provider {
  if (typeof provider !== 'string' || !(PROVIDERS as readonly string[]).includes(provider)) {
    throw new InputChecker('tenantkit', 'subaccounts').fail(
      'provider',
      'enum',
      `must be one of: ${PROVIDERS.join(', ')}`,
    );
  }
}

/**
 * Rejects, before anything is sent, a field the provider cannot honour on this operation, an
 * unknown field, and a missing required one. Returns a checker for the value rules.
 */
export function checkFields(
  provider: Provider,
  operation: 'create' | 'update',
  input: unknown,
): { check: InputChecker; body: Record<string, unknown> } {
  const check = new InputChecker(provider, `subaccounts.${operation}`);
  const body = check.record(operation === 'create' ? 'input' : 'patch', input);
  const support = CAPABILITIES[provider].fields;
  for (const [field, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (!(INPUT_FIELDS as readonly string[]).includes(field)) {
      check.fail(
        field,
        'known-field',
        `is not a field of the unified model (fields: ${INPUT_FIELDS.join(', ')})`,
      );
    }
    if (!support[field as InputField]?.[operation]) {
      const honoured = supportedFields(provider, operation);
      check.fail(
        field,
        'unsupported-field',
        `is not supported by ${provider} on ${operation} (supported: ${honoured.join(', ') || 'none'})`,
      );
    }
  }
  for (const [field, rules] of Object.entries(support)) {
    if (operation === 'create' && rules.create === 'required' && body[field] === undefined) {
      check.fail(field, 'required', `is required by ${provider}`);
    }
  }
  if (operation === 'update' && Object.values(body).every((value) => value === undefined)) {
    check.fail('patch', 'non-empty', 'must change at least one field');
  }
  return { check, body };
}

export function supportedFields(provider: Provider, operation: 'create' | 'update'): InputField[] {
  const support = CAPABILITIES[provider].fields;
  return INPUT_FIELDS.filter((field) => support[field]?.[operation]);
}

/** The capability matrix as rows of cells (the CLI table and the README table are made from it). */
export function capabilityMatrix(): { header: string[]; rows: string[][] } {
  const header = ['', ...PROVIDERS];
  const rows: string[][] = [];
  rows.push([
    'operations',
    ...PROVIDERS.map((p) => Object.keys(CAPABILITIES[p].operations).join(', ')),
  ]);
  for (const field of INPUT_FIELDS) {
    rows.push([
      field,
      ...PROVIDERS.map((p) => {
        const support = CAPABILITIES[p].fields[field];
        if (!support) return '—';
        const on = [
          support.create && `create${support.create === 'required' ? ' (required)' : ''}`,
          support.update && 'update',
        ].filter(Boolean);
        return `${on.join(', ')}: ${support.wire}${support.caveat ? ` (${support.caveat})` : ''}`;
      }),
    ]);
  }
  rows.push([
    'paging',
    ...PROVIDERS.map(
      (p) => `${CAPABILITIES[p].paging.supported ? 'yes' : 'no'}: ${CAPABILITIES[p].paging.how}`,
    ),
  ]);
  rows.push([
    'credentials on create',
    ...PROVIDERS.map((p) => CAPABILITIES[p].credentials.join(', ') || 'none'),
  ]);
  const feature = (support: FeatureSupport) =>
    `${support.supported ? 'yes' : 'no'}: ${support.how}`;
  rows.push(['numbers', ...PROVIDERS.map((p) => feature(CAPABILITIES[p].numbers))]);
  rows.push(['child accounts', ...PROVIDERS.map((p) => feature(CAPABILITIES[p].childAccounts))]);
  rows.push([
    'on the provider client only',
    ...PROVIDERS.map((p) => CAPABILITIES[p].providerClientOnly.join('; ') || '—'),
  ]);
  return { header, rows };
}

/** The capability matrix as a Markdown table (the README's copy is checked against it). */
export function capabilityMarkdown(): string {
  const { header, rows } = capabilityMatrix();
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
