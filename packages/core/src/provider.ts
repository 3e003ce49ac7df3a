/**
 * What a provider package tells the rest of tenantkit about itself, as data: its name, how its
 * client is built and configured, what the unified model can do with it (its capability row), the
 * spec it was generated from and the throwaway credentials `--mock` uses. The facade's registry
 * lists these definitions, and every list of providers (the `Provider` type, facade options,
 * configuration hints, the capability table) is derived from it.
 */
import { ConfigurationError } from './errors.js';

/** Fields of the unified model's create and update inputs, in the capability table's order. */
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

export const UNIFIED_OPERATIONS = ['create', 'get', 'list', 'update', 'delete'] as const;
export type UnifiedOperation = (typeof UNIFIED_OPERATIONS)[number];

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

/** A provider's row of the capability table: what the unified model can do with it. */
export interface CapabilityRow {
  operations: Readonly<Record<UnifiedOperation, true>>;
  /** Fields a provider cannot honour are absent: passing one is a ValidationError. */
  fields: Readonly<Partial<Record<InputField, FieldSupport>>>;
  /** How `list` walks the provider's pages (or that it does not need to). */
  paging: FeatureSupport;
  /** What `create` returns in `credentials` (handed out once). */
  credentials: readonly string[];
  /** Sub-keys of `limits` (unified name → wire name). */
  limits: Readonly<Record<string, string>>;
  /** `extra` on create and on update: the provider's own fields the unified model passes through. */
  extra?: { readonly create: readonly string[]; readonly update: readonly string[] };
  /** `tk.numbers` (and `tenantkit numbers …`): moving phone numbers to a sub-account and back. */
  numbers: FeatureSupport;
  /** Child accounts of a reseller account (separate provider accounts): on the provider client. */
  childAccounts: FeatureSupport;
  /** What else the provider client offers that the unified model does not cover. */
  providerClientOnly: readonly string[];
}

/** Every unified operation, for a provider that has them all. */
export const ALL_UNIFIED_OPERATIONS: Readonly<Record<UnifiedOperation, true>> = Object.freeze({
  create: true,
  get: true,
  list: true,
  update: true,
  delete: true,
});

/** A field honoured on create (optional unless said) and on update, mapped to `wire`. */
export function onCreateAndUpdate(
  wire: string,
  create: 'required' | 'optional' = 'optional',
): FieldSupport {
  return { create, update: 'optional', wire };
}

/**
 * `extra`: the provider's own fields passed through as they are. The lists are the adapter's
 * allow-lists; the table's prose is written from them, so the two cannot disagree.
 */
export function extraSupport(create: readonly string[], update: readonly string[]): FieldSupport {
  const both = create.filter((field) => update.includes(field));
  const only = (fields: readonly string[], on: string) => {
    const own = fields.filter((field) => !both.includes(field));
    return own.length > 0 ? [`on ${on} ${own.join(', ')}`] : [];
  };
  const parts = [both.join(', '), ...only(create, 'create'), ...only(update, 'update')];
  const wire = parts.filter(Boolean).join(', and ');
  return { create: create.length > 0 && 'optional', update: update.length > 0 && 'optional', wire };
}

/** One client option as it is configured outside code: environment variable and CLI flag. */
export interface ConfigurationOption {
  /** The client option, e.g. `apiKey`. */
  option: string;
  /** e.g. `SYNTHFLOW_API_KEY`. */
  env: string;
  /** e.g. `--synthflow-api-key <key>` (commander syntax). */
  flag: string;
  /** Help text for the flag. */
  description: string;
  /** Needed for the provider to count as configured. */
  required?: boolean;
  /** Never printed: the CLI scrubs it from output and error messages. */
  secret?: boolean;
}

export interface ProviderConfiguration {
  /** What to pass to createTenantkit(), in one sentence (the facade's not-configured message). */
  facade: string;
  /** What to set for the CLI, in one sentence. */
  cli: string;
  /** The options the CLI and the environment can set (read into the client options as given). */
  options: readonly ConfigurationOption[];
}

/** The spec a package was generated from (its generated `specInfo`). */
export interface ProviderSpecInfo {
  readonly provider: string;
  readonly spec: string;
  readonly title: string;
  readonly version: string;
  readonly sha256: string;
}

/** What the `--mock` session hands a provider's mock-credentials factory. */
export interface MockTools {
  /** A freshly generated RSA key pair in a service-account credentials object (Voximplant). */
  throwawayVoximplantKey?: () => { credentials: unknown };
}

export interface ProviderDefinition<
  Name extends string = string,
  Options extends object = object,
  Client extends object = object,
> {
  /** The provider's id everywhere: facade option key, CLI argument, spec file name. */
  readonly name: Name;
  /** Builds the provider client; throws a ConfigurationError on bad options. */
  readonly createClient: (options: Options) => Client;
  readonly capabilities: CapabilityRow;
  readonly specInfo: ProviderSpecInfo;
  readonly configuration: ProviderConfiguration;
  /** Throwaway credentials the provider's mock accepts (no real secret). */
  readonly mockCredentials: (tools: MockTools) => Partial<Options>;
}

/**
 * Checks a definition once, when the registry is built: a malformed capability row would
 * otherwise show up as a wrong answer much later, far from its cause.
 */
export function defineProvider<Name extends string, Options extends object, Client extends object>(
  definition: ProviderDefinition<Name, Options, Client>,
): ProviderDefinition<Name, Options, Client> {
  const { name, capabilities: row } = definition;
  const fail = (what: string) => {
    throw new ConfigurationError(`provider definition ${name}: ${what}`);
  };
  if (!/^[a-z][a-z0-9]*$/.test(name)) fail('name must be lower-case letters and digits');
  if (definition.specInfo.provider !== name) fail(`specInfo is ${definition.specInfo.provider}'s`);
  for (const field of Object.keys(row.fields)) {
    if (!(INPUT_FIELDS as readonly string[]).includes(field))
      fail(`capabilities.fields.${field} is not a field of the unified model`);
    const support = row.fields[field as InputField];
    if (!support?.create && !support?.update)
      fail(`capabilities.fields.${field} is honoured on neither create nor update`);
  }
  if (row.extra && !row.fields.extra) fail('capabilities.extra lists fields but extra is refused');
  if (Object.keys(row.limits).length > 0 && !row.fields.limits)
    fail('capabilities.limits lists limits but the limits field is refused');
  if (row.paging.how === '' || row.numbers.how === '' || row.childAccounts.how === '')
    fail('every feature says how (or why not)');
  for (const option of definition.configuration.options) {
    if (!option.env.startsWith(`${name.toUpperCase()}_`))
      fail(
        `configuration.${option.option}: env ${option.env} must start with ${name.toUpperCase()}_`,
      );
    if (!option.flag.startsWith(`--${name}-`))
      fail(`configuration.${option.option}: flag ${option.flag} must start with --${name}-`);
  }
  return Object.freeze(definition);
}
