import {
  type CallOptions,
  ConfigurationError,
  type CoreOptions,
  defineClientInspection,
  type FacadeAdapter,
  type FacadeContext,
  InputChecker,
  type NumbersAdapter,
} from '@tenantkit/core';
import {
  capabilities,
  checkNumbersSupported,
  checkProvider,
  type ProviderCapabilities,
} from './capabilities.js';
import type {
  CreateInput,
  CreateResult,
  DeleteResult,
  ListNumbersOptions,
  ListOptions,
  NumberAssignment,
  NumberEntry,
  NumbersProvider,
  SubAccount,
  UpdateInput,
} from './model.js';
import { checkListOptions, checkNumberListOptions, numberOptions } from './options.js';
import {
  type ClientOf,
  type ClientOptionsOf,
  DEFINITIONS,
  PROVIDER_DEFINITIONS,
  PROVIDERS,
  type Provider,
} from './registry.js';

/** Each provider's options, under its name (from the registry). */
export type ProviderOptions = { [P in Provider]?: ClientOptionsOf<P> };
/** Each provider's client, under its name: reading one that was not configured throws. */
export type ProviderClients = { readonly [P in Provider]: ClientOf<P> };

/** Shared CoreOptions apply to every provider; a provider's own options override them. */
export interface TenantkitOptions extends CoreOptions, ProviderOptions {}

/** The same five operations on every provider, in the unified model. */
export interface SubAccounts {
  create<P extends Provider>(
    provider: P,
    input: CreateInput<P>,
    options?: CallOptions,
  ): Promise<CreateResult<P>>;
  get<P extends Provider>(provider: P, id: string, options?: CallOptions): Promise<SubAccount<P>>;
  /** Every sub-account, page after page, fetched lazily as you iterate. */
  list<P extends Provider>(
    provider: P,
    options?: ListOptions & CallOptions,
  ): AsyncIterable<SubAccount<P>>;
  /**
   * Changes the fields given and answers the sub-account as it is afterwards. Synthflow and
   * Voximplant do not return it from their update calls, so it is read back.
   */
  update<P extends Provider>(
    provider: P,
    id: string,
    patch: UpdateInput<P>,
    options?: CallOptions,
  ): Promise<SubAccount<P>>;
  delete<P extends Provider>(
    provider: P,
    id: string,
    options?: CallOptions,
  ): Promise<DeleteResult<P>>;
}

/**
 * Phone numbers moved between a parent account and its sub-accounts, where the provider has it
 * (the capability table's `numbers` row; Vobiz today). Other providers get a ValidationError.
 */
export interface Numbers {
  /** Gives one of the parent's numbers (E.164, e.g. `+919876543210`) to a sub-account. */
  assign(
    provider: Provider,
    number: string,
    subAccountId: string,
    options?: CallOptions,
  ): Promise<NumberAssignment>;
  /**
   * Takes a number back. Vobiz refuses within 15 days of the number's last call with a
   * `CoolOffError` (`retryAt` says when); `force` skips that for admin accounts only.
   */
  unassign(
    provider: Provider,
    number: string,
    options?: { force?: boolean } & CallOptions,
  ): Promise<NumberAssignment>;
  /** The account's numbers, or with `subAccountId` the ones that sub-account holds. */
  list(provider: Provider, options?: ListNumbersOptions & CallOptions): AsyncIterable<NumberEntry>;
}

/**
 * `tk.<provider>` is that provider's own client (e.g. `tk.synthflow`); reading it throws a
 * ConfigurationError when the provider was not configured.
 */
export interface Tenantkit extends ProviderClients {
  readonly subaccounts: SubAccounts;
  readonly numbers: Numbers;
  /** Providers given to createTenantkit, in a fixed order. */
  readonly configured: readonly Provider[];
  isConfigured(provider: Provider): boolean;
  capabilities(provider: Provider): ProviderCapabilities;
}

/** Where a provider's credentials go, from its definition's configuration. */
function howToConfigure(provider: Provider): string {
  const { facade, settings } = DEFINITIONS[provider].configuration;
  const required = settings.filter((setting) => setting.required);
  const env = required.map((setting) => setting.env).join(' and ');
  const flags = required.map((setting) => setting.flag).join(' and ');
  return `${facade} (CLI: set ${env} or ${flags}).`;
}

type Clients = { [P in Provider]?: ClientOf<P> };
/** The unified operations over one provider's client, typed by that provider's own adapter. */
type Adapter<P extends Provider> = FacadeAdapter<
  SubAccount<P>,
  CreateInput<P>,
  UpdateInput<P>,
  CreateResult<P>,
  DeleteResult<P>
>;
type AnyNumbers = NumbersAdapter<NumberEntry, NumberAssignment>;

/** A provider's adapter over its client: its definition's `facade` (its own package's code). */
function adapterFor<P extends Provider>(
  provider: P,
  client: ClientOf<P>,
  context: FacadeContext,
): Adapter<P> {
  // TypeScript cannot tie the union of definitions to `P`; the model's types are read from this
  // very `facade` (model.ts), so the two agree by construction.
  const facade = DEFINITIONS[provider].facade as unknown as (
    client: ClientOf<P>,
    context: FacadeContext,
  ) => Adapter<P>;
  return facade(client, context);
}

function build<P extends Provider>(provider: P, options: ClientOptionsOf<P>): ClientOf<P> {
  const create = DEFINITIONS[provider].createClient as (options: ClientOptionsOf<P>) => ClientOf<P>;
  return create(options);
}

export function createTenantkit(options: TenantkitOptions = {}): Tenantkit {
  const shared: CoreOptions = { ...options };
  for (const { name } of PROVIDER_DEFINITIONS) delete (shared as Record<string, unknown>)[name];
  // Each configured client is built once, now, so bad credentials fail here and not mid-job.
  const clients: Clients = {};
  const adapters: { [P in Provider]?: Adapter<P> } = {};
  // What an adapter may ask for: another provider's client (Synthflow's link reads Twilio's).
  const context: FacadeContext = {
    clientOf: (provider) => {
      checkProvider(provider);
      return clientOf(provider);
    },
  };
  const configure = <P extends Provider>(provider: P) => {
    const own = options[provider];
    if (!own) return;
    const client = build(provider, { ...shared, ...own } as ClientOptionsOf<P>);
    (clients as Record<P, ClientOf<P>>)[provider] = client;
    (adapters as Record<P, Adapter<P>>)[provider] = adapterFor(provider, client, context);
  };
  for (const provider of PROVIDERS) configure(provider);

  const clientOf = <P extends Provider>(provider: P): NonNullable<Clients[P]> => {
    const client = clients[provider];
    if (!client) {
      throw new ConfigurationError(
        `tenantkit: ${provider} is not configured. ${howToConfigure(provider)}`,
      );
    }
    return client as NonNullable<Clients[P]>;
  };
  const adapterOf = <P extends Provider>(provider: P): Adapter<P> => {
    checkProvider(provider);
    clientOf(provider);
    return adapters[provider] as Adapter<P>;
  };
  /** The one place an id is checked: the path rules, then the provider's own (its `checkId`). */
  const checkId = (provider: Provider, operation: string, id: unknown) => {
    const check = new InputChecker(provider, `subaccounts.${operation}`);
    check.pathId('id', id);
    DEFINITIONS[provider].checkId?.(check, id as string);
  };

  const subaccounts: SubAccounts = {
    async create(provider, input, call) {
      return adapterOf(provider).create(input, call);
    },
    async get(provider, id, call) {
      const adapter = adapterOf(provider);
      checkId(provider, 'get', id);
      return adapter.get(id, call);
    },
    async *list(provider, options) {
      const adapter = adapterOf(provider);
      // null is "no options", like undefined; anything else must be an object.
      const { limit, pageSize, ...call } = new InputChecker(provider, 'subaccounts.list').record(
        'options',
        options ?? {},
      ) as ListOptions & CallOptions;
      checkListOptions(provider, { limit, pageSize });
      yield* adapter.list({ limit, pageSize }, call);
    },
    async update(provider, id, patch, call) {
      const adapter = adapterOf(provider);
      checkId(provider, 'update', id);
      return adapter.update(id, patch, call);
    },
    async delete(provider, id, call) {
      const adapter = adapterOf(provider);
      checkId(provider, 'delete', id);
      return adapter.delete(id, call);
    },
  };

  const numbersOf = (provider: Provider, operation: string): AnyNumbers => {
    checkProvider(provider);
    checkNumbersSupported(provider, operation);
    // The row says numbers are supported only when the definition has `numbers` (defineProvider).
    const numbers = DEFINITIONS[provider as NumbersProvider].numbers as (
      client: ClientOf<NumbersProvider>,
    ) => AnyNumbers;
    return numbers(clientOf(provider as NumbersProvider));
  };
  const numbers: Numbers = {
    async assign(provider, number, subAccountId, call) {
      return numbersOf(provider, 'assign').assign(number, subAccountId, call);
    },
    async unassign(provider, number, options) {
      const adapter = numbersOf(provider, 'unassign');
      const { force, ...call } = numberOptions(provider, 'unassign', options, ['force']);
      return adapter.unassign(number, force, call);
    },
    async *list(provider, options) {
      const adapter = numbersOf(provider, 'list');
      const { subAccountId, limit, ...call } = numberOptions(provider, 'list', options, [
        'subAccountId',
        'limit',
      ]);
      checkNumberListOptions(provider, { subAccountId, limit });
      yield* adapter.list({ subAccountId, limit }, call);
    },
  };

  const configured = PROVIDERS.filter((provider) => clients[provider] !== undefined);
  const tk = {
    subaccounts,
    numbers,
    configured,
    isConfigured: (provider: Provider) => clients[provider] !== undefined,
    capabilities,
  } as Omit<Tenantkit, Provider> as Tenantkit;
  for (const provider of PROVIDERS)
    Object.defineProperty(tk, provider, {
      get: () => clientOf(provider),
      enumerable: true,
      configurable: true,
    });
  defineClientInspection(tk, 'Tenantkit', { configured });
  return tk;
}
