/**
 * Command-line flags → the facade's inputs: the sub-account input flags shared by `create` and
 * `update`, the parsers of repeatable and numeric flags, and the `<provider>` argument. Only the
 * shape is checked here (`name=value`, whole numbers); the facade checks the values.
 */
import { ValidationError } from '@tenantkit/core';
import { Argument, type Command, Option } from 'commander';
import { PROVIDERS, type Provider } from '../model.js';
import type { SecretFlag } from './output/io.js';
import { withSecretSources } from './secret-inputs.js';

/** The flags `withInputOptions` adds, as commander parses them. */
export interface InputOptions {
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
  twilioSubaccount?: string;
}

/** The input flags whose values are secrets (the output scrubs them). */
export const INPUT_SECRET_FLAGS: SecretFlag[] = [
  { flag: '--password' },
  { flag: '--current-password' },
  { flag: '--extra', pairs: true },
];

export const providerArgument = () =>
  new Argument('<provider>', PROVIDERS.join(' | ')).choices(PROVIDERS);

export function withInputOptions(command: Command): Command {
  command
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
    .option(
      '--password <password>',
      'password (Voximplant login, Vobiz console); prefer --password-stdin or --password-env',
    )
    .option(
      '--current-password <password>',
      'current password (Voximplant, to change it); prefer --current-password-stdin or -env',
    )
    .option('--extra <field=json>', 'a provider field without a unified name (repeatable)', collect)
    .option(
      '--twilio-subaccount <sid>',
      'Synthflow: the Twilio sub-account (AC…) to place calls through; Twilio must be configured too',
    );
  return withSecretSources(command);
}

/** The other providers an input names (a Synthflow sub-account's Twilio sub-account). */
export function linkedProviders(options: InputOptions): Provider[] {
  return options.twilioSubaccount ? ['twilio'] : [];
}

/** A repeatable flag: every value, in order. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function integer(value: string): number {
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
export function toInput(options: InputOptions): Record<string, unknown> {
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
  if (options.twilioSubaccount) input.twilio = { provider: 'twilio', id: options.twilioSubaccount };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
