/**
 * What a provider package tells the rest of tenantkit about itself, as data: its name, how its
 * client is built and configured, what the unified model can do with it (its capability row), the
 * spec it was generated from and the throwaway credentials `--mock` uses. The facade's registry
 * lists these definitions, and every list of providers (the `Provider` type, facade options,
 * configuration hints, the capability table) is derived from it.
 */
import { ConfigurationError } from './errors.js';
import type { FacadeContext } from './unified.js';
import type { InputChecker } from './validation.js';

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
  // The Twilio sub-account a Synthflow sub-account places its calls through (issue 15).
  'twilio',
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

/**
 * `extra`: the provider's own fields passed through as they are. `allowed` are the adapter's
 * allow-lists, stated once: `extraSupport` writes the table's prose from them.
 */
export interface ExtraSupport extends FieldSupport {
  readonly allowed: { readonly create: readonly string[]; readonly update: readonly string[] };
}

/** How each field of the unified model is honoured; `extra` carries its allow-lists. */
export type CapabilityFields = Partial<Record<Exclude<InputField, 'extra'>, FieldSupport>> & {
  extra?: ExtraSupport;
};

/** A provider's row of the capability table: what the unified model can do with it. */
export interface CapabilityRow {
  operations: Readonly<Record<UnifiedOperation, true>>;
  /** Fields a provider cannot honour are absent: passing one is a ValidationError. */
  fields: Readonly<CapabilityFields>;
  /** How `list` walks the provider's pages (or that it does not need to). */
  paging: FeatureSupport;
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
  /** What `delete` does when it is more than a removal (Twilio closes, irreversibly). */
  delete?: string;
}

/** Every unified operation, for a provider that has them all. */
export const ALL_UNIFIED_OPERATIONS: Readonly<Record<UnifiedOperation, true>> =
  /* @__PURE__ */ Object.freeze({
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
 * allow-lists (`allowed`, read by `mergeExtra`'s callers); the table's prose is written from
 * them, so the two cannot disagree.
 */
export function extraSupport(
  create: readonly string[],
  update: readonly string[],
  caveat?: string,
): ExtraSupport {
  const both = create.filter((field) => update.includes(field));
  const only = (fields: readonly string[], on: string) => {
    const own = fields.filter((field) => !both.includes(field));
    return own.length > 0 ? [`on ${on} ${own.join(', ')}`] : [];
  };
  const parts = [both.join(', '), ...only(create, 'create'), ...only(update, 'update')];
  const wire = parts.filter(Boolean).join(', and ');
  const support: ExtraSupport = {
    create: create.length > 0 && 'optional',
    update: update.length > 0 && 'optional',
    wire,
    allowed: { create, update },
  };
  return caveat ? { ...support, caveat } : support;
}

/** What `--mock` offers to make throwaway credentials with (the `@tenantkit/mock` module). */
export interface MockKit {
  throwawayVoximplantKey(): { credentials: object };
}

/** One client option as it is set outside code: CLI flag, environment variable, `--mock` value. */
export interface CredentialSetting {
  /** The key it fills in the provider's client options, e.g. `apiKey`. */
  option: string;
  /** The command-line flag, e.g. `--synthflow-api-key`. */
  flag: string;
  /** The flag's value placeholder in `--help`, e.g. `<key>`. */
  placeholder: string;
  /** The environment variable read when the flag is absent, e.g. `SYNTHFLOW_API_KEY`. */
  env: string;
  /** `--help` text (the variable is appended). */
  description: string;
  /** The provider counts as configured only when every required setting has a value. */
  required: boolean;
  /** Scrubbed from everything the CLI prints. */
  secret: boolean;
  /** The throwaway value `--mock` passes instead (the mock takes any); absent: flag or variable. */
  mock?: (kit: MockKit) => unknown;
}

export interface ProviderConfiguration {
  /** What to pass to createTenantkit(), in one sentence (the facade's not-configured message). */
  facade: string;
  /** What to set for the CLI (the end of "<provider> is not configured: …"). */
  cli: string;
  /** What a sub-account id is, for the CLI's help (`Vobiz SA_ auth id`): e.g. `SA_ auth id`. */
  subAccountId: string;
  /** The options the CLI and the environment can set, in `--help` order. */
  settings: readonly CredentialSetting[];
}

/** The spec a package was generated from (its generated `specInfo`). */
export interface ProviderSpecInfo {
  readonly provider: string;
  readonly spec: string;
  readonly title: string;
  readonly version: string;
  readonly sha256: string;
}

/**
 * How a provider stores and limits a record's name. The tenant sync names each managed record
 * `<prefix><tenant key>` and checks that name against this rule before anything is sent.
 */
export interface NamingRule {
  /** What the provider calls the name, for messages, e.g. `Voximplant login`. */
  readonly noun: string;
  /** The provider keeps names in lower case, so they match case-insensitively. */
  readonly lowerCase?: boolean;
  /** Length in characters, both ends included. */
  readonly length?: { readonly min: number; readonly max: number };
  /** A pattern every name matches, and the same rule in words (`must start with a letter …`). */
  readonly pattern?: { readonly test: RegExp; readonly rule: string };
}

export interface ProviderDefinition<
  Name extends string = string,
  Options extends object = object,
  Client extends object = object,
  Facade = unknown,
  Numbers = unknown,
> {
  /** The provider's id everywhere: facade option key, CLI argument, spec file name. */
  readonly name: Name;
  /** Builds the provider client; throws a ConfigurationError on bad options. */
  readonly createClient: (options: Options) => Client;
  readonly capabilities: CapabilityRow;
  /** The facade's part: the unified operations (`tk.subaccounts`) over the provider's client. */
  readonly facade: (client: Client, context: FacadeContext) => Facade;
  /**
   * The provider's own rule for a sub-account id (e.g. Vobiz: an `SA_` auth id), run by the
   * facade once, after the path rules every id follows, before the adapter is called.
   */
  readonly checkId?: (check: InputChecker, id: string) => void;
  /** `tk.numbers` over the client, for a provider whose row says `numbers.supported`. */
  readonly numbers?: (client: Client) => Numbers;
  readonly specInfo: ProviderSpecInfo;
  /** Its credentials from flags, environment and `--mock` (throwaway values, no real secret). */
  readonly configuration: ProviderConfiguration;
  /** Limits on a record's name; absent: the provider keeps any name as it is sent. */
  readonly naming?: NamingRule;
}

/**
 * Checks a definition once, when the registry is built: a malformed capability row would
 * otherwise show up as a wrong answer much later, far from its cause.
 */
export function defineProvider<
  Name extends string,
  Options extends object,
  Client extends object,
  Facade,
  Numbers = never,
>(
  definition: ProviderDefinition<Name, Options, Client, Facade, Numbers>,
): ProviderDefinition<Name, Options, Client, Facade, Numbers> {
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
  if (row.numbers.supported !== (definition.numbers !== undefined))
    fail('capabilities.numbers.supported must match whether the definition has `numbers`');
  // A row written without core's types (or for an older core) must not reach the adapter.
  if (row.fields.extra && !row.fields.extra.allowed)
    fail('capabilities.fields.extra lists no fields (use extraSupport)');
  if (Object.keys(row.limits).length > 0 && !row.fields.limits)
    fail('capabilities.limits lists limits but the limits field is refused');
  if (row.paging.how === '' || row.numbers.how === '' || row.childAccounts.how === '')
    fail('every feature says how (or why not)');
  const length = definition.naming?.length;
  if (length && (length.min < 1 || length.max < length.min))
    fail('naming.length must be 1 ≤ min ≤ max');
  const prefix = name.toUpperCase();
  for (const setting of definition.configuration.settings) {
    const where = `configuration.${setting.option}`;
    // <PROVIDER>_<OPTION> exactly: the sandbox's CLI environment is derived by the same rule.
    const env = `${prefix}_${setting.option.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
    if (setting.env !== env) fail(`${where}: ${setting.env} must be ${env}`);
    if (!setting.flag.startsWith(`--${name}-`))
      fail(`${where}: ${setting.flag} must start with --${name}-`);
    if (setting.required && !setting.mock)
      fail(`${where}: a required setting needs a --mock value`);
  }
  freezeAllTheWay(row);
  return Object.freeze(definition);
}

/**
 * The row is what the adapter checks input against (its `extra` allow-lists, fields, limits) and
 * what `tk.capabilities()` hands out: frozen all the way down, so a caller changing the row it was
 * given cannot widen what every facade of the process accepts.
 */
function freezeAllTheWay(value: unknown, seen = new WeakSet<object>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  Object.freeze(value);
  for (const item of Object.values(value)) freezeAllTheWay(item, seen);
}
