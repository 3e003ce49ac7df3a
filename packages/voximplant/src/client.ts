import {
  ConfigurationError,
  createProviderClient,
  defineClientInspection,
  type FetchLike,
  InputChecker,
  nextOffset,
  operationMethod,
  type ProviderProtocol,
  paginate,
  Redactor,
} from '@tenantkit/core';
import createClient from 'openapi-fetch';
import { createVoximplantAccounts } from './accounts.js';
import {
  ADDED,
  COUNT,
  CREATED_KEY,
  keys as keyList,
  oneSubUser,
  ROLE_GROUPS,
  ROLES,
  subUsers as subUserList,
} from './answers.js';
import type {
  GetSubUserInput,
  VoximplantClient,
  VoximplantClientOptions,
  VoximplantKeys,
  VoximplantRoles,
  VoximplantSubUsers,
} from './api.js';
import { AccountApiBase, followingAccountAddress } from './api-address.js';
import { MAX_TOKEN_TTL_SECONDS, MIN_TOKEN_TTL_SECONDS, TokenSource } from './auth.js';
import { createVoximplantAuthorizedIps } from './authorized-ips.js';
import { type CredentialsFileReader, loadCredentials } from './credentials.js';
import { describeVoximplantError, errorInSuccessBody, TOKEN_REJECTED_CODES } from './errors.js';
import type { paths, SubUserView } from './generated/openapi.js';
import { operations } from './generated/operations.js';
import { methodsOver } from './method.js';
import {
  checkAddSubUser,
  checkCreateKey,
  checkExpandedRoles,
  checkGetKeys,
  checkGetRoles,
  checkGetSubUsers,
  checkKeyId,
  checkKeyRoles,
  checkListAll,
  checkSetSubUserInfo,
  checkSubUserId,
  checkSubUserRoles,
  checkUpdateKey,
} from './validate/users-and-keys.js';
import { serializeQuery } from './wire.js';

/** The server the docs' OpenAPI declares (notes §2); an account's own host comes from GetAccountInfo. */
export const VOXIMPLANT_BASE_URL = 'https://api.voximplant.com/platform_api';
/** `listAll` page size when none is given (the API documents no default or maximum). */
export const DEFAULT_PAGE_SIZE = 100;
const DEFAULT_TOKEN_TTL_SECONDS = MAX_TOKEN_TTL_SECONDS;

export type * from './api.js';

/** An integer option in its range, or a ConfigurationError naming it. */
function integerOption(option: string, value: unknown, min: number, max = Infinity) {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `${min} or more` : `${min} to ${max}`;
    throw new ConfigurationError(`voximplant: \`${option}\` must be an integer, ${range}.`);
  }
  return value;
}

/**
 * A Voximplant client. Every runtime (Node, Bun, Deno, edge workers, browsers behind a proxy):
 * signing uses WebCrypto. Credentials given as a file path are read only by the Node entry
 * (`src/node.ts`, picked by the `node` export condition), which passes its file reader here.
 */
export function createVoximplantClient(options: VoximplantClientOptions = {}): VoximplantClient {
  return buildVoximplantClient(options);
}

export function buildVoximplantClient(
  options: VoximplantClientOptions,
  readFile?: CredentialsFileReader,
): VoximplantClient {
  const credentials = loadCredentials(options.credentials, readFile ? { readFile } : {});
  const accountId = integerOption('accountId', options.accountId, 1) ?? credentials.accountId;
  const ttlSeconds =
    integerOption(
      'tokenTtlSeconds',
      options.tokenTtlSeconds,
      MIN_TOKEN_TTL_SECONDS,
      MAX_TOKEN_TTL_SECONDS,
    ) ?? DEFAULT_TOKEN_TTL_SECONDS;
  const baseUrl = (options.baseUrl ?? VOXIMPLANT_BASE_URL).replace(/\/+$/, '');

  const redactor = new Redactor([credentials.privateKeyPem]);
  // Each token is registered while it can be used; the one it replaces is forgotten (an expired
  // token is worthless, and anything shaped like a JWT is scrubbed by pattern anyway).
  let currentToken: string | undefined;
  const tokens = new TokenSource({
    pkcs8: credentials.pkcs8,
    keyId: credentials.keyId,
    accountId,
    ttlSeconds,
    onToken: (token) => {
      redactor.removeSecret(currentToken);
      redactor.addSecret(token);
      currentToken = token;
    },
  });
  const refusedToken = (code: number | undefined) => {
    if (code !== undefined && TOKEN_REJECTED_CODES.has(code)) tokens.invalidate();
  };
  const protocol: ProviderProtocol = {
    provider: 'voximplant',
    authHeaders: () => tokens.authHeaders(),
    describeError(body) {
      const described = describeVoximplantError(body);
      refusedToken(described.code);
      return described;
    },
    errorInSuccessBody(data) {
      const failure = errorInSuccessBody(data);
      refusedToken(failure?.code);
      return failure;
    },
  };
  const addressBase = options.useAccountApiAddress
    ? accountApiBase(protocol, options, redactor, baseUrl)
    : undefined;
  const { runner, api, clientOptions } = createProviderClient({
    protocol,
    options: addressBase
      ? { ...options, fetch: followingAccountAddress(plainFetch(options), baseUrl, addressBase) }
      : options,
    baseUrl,
    redactor,
    querySerializer: serializeQuery,
    createClient: createClient<paths>,
  });
  // `raw` is a second client over the same runner fetch, plus a middleware that authenticates
  // it; the methods' client gets its header from the runner per attempt. Two instances keep the
  // middleware's cost (an extra await and a Headers write per request) off the wrapped methods.
  const raw = createClient<paths>(clientOptions);
  raw.use({
    async onRequest({ request }) {
      request.headers.set('Authorization', (await tokens.authHeaders()).Authorization);
    },
  });

  function walk<TItem, TInput extends { count?: number; limit?: number }>(
    operation: 'GetSubUsers' | 'GetKeys',
    input: TInput | undefined,
    fetchPage: (
      query: Omit<TInput, 'limit' | 'count'> & { offset: number; count: number },
    ) => Promise<TItem[]>,
    key: (item: TItem) => unknown,
  ): AsyncIterable<TItem> {
    return (async function* () {
      checkListAll(operation, input);
      const { limit, count = DEFAULT_PAGE_SIZE, ...rest } = input ?? ({} as TInput);
      yield* paginate({
        first: 0,
        fetchPage: (offset: number) => fetchPage({ ...rest, offset, count }),
        items: (page: TItem[]) => page,
        next: (_page, offset, items) => nextOffset(offset, count, items.length),
        limit,
        key,
        maxPages: runner.maxPages,
        provider: 'voximplant',
        operation,
      });
    })();
  }

  const method = methodsOver(runner, api);
  /** GetSubUsers for one id, required: the list holds that subuser, else NotFoundError. */
  const oneOf = method<'GetSubUsers', SubUserView[], GetSubUserInput>(
    'GetSubUsers',
    (input) => {
      // Optional there, required here (checkGetSubUsers has held a given id to ≥ 1).
      checkGetSubUsers(input);
      new InputChecker('voximplant', 'GetSubUsers').integer('subuser_id', input?.subuser_id);
    },
    (input) => oneSubUser(input.subuser_id),
  );
  const subUsers: VoximplantSubUsers = {
    // The password travels in the query; the runner remembers it (a secret name) before sending.
    add: method('AddSubUser', checkAddSubUser, ADDED, (input) => ({
      ...input,
      new_subuser_name: input.new_subuser_name.toLowerCase(),
    })),
    list: method('GetSubUsers', checkGetSubUsers, (input) => subUserList(input?.subuser_id)),
    get: async (input, call) => (await oneOf(input, call))[0]!,
    listAll: (input, call) =>
      walk(
        'GetSubUsers',
        input,
        (page) => subUsers.list(page, call),
        (user) => user.subuser_id,
      ),
    update: method('SetSubUserInfo', checkSetSubUserInfo, COUNT),
    delete: method('DelSubUser', (input) => checkSubUserId('DelSubUser', input), COUNT),
    setRoles: method('SetSubUserRoles', (i) => checkSubUserRoles('SetSubUserRoles', i), COUNT),
    getRoles: method('GetSubUserRoles', (i) => checkExpandedRoles('GetSubUserRoles', i), ROLES),
    removeRoles: method(
      'RemoveSubUserRoles',
      (input) => checkSubUserRoles('RemoveSubUserRoles', input),
      COUNT,
    ),
  };

  const keys: VoximplantKeys = {
    // The caller gets the private key intact; the runner remembers it (a secret name).
    create: method('CreateKey', checkCreateKey, CREATED_KEY),
    list: method('GetKeys', checkGetKeys, (input) => keyList(input?.key_id)),
    listAll: (input, call) =>
      walk(
        'GetKeys',
        input,
        (page) => keys.list(page, call),
        (key) => key.key_id,
      ),
    update: method('UpdateKey', checkUpdateKey, COUNT),
    delete: method('DeleteKey', (input) => checkKeyId('DeleteKey', input), COUNT),
    setRoles: method('SetKeyRoles', (input) => checkKeyRoles('SetKeyRoles', input), COUNT),
    getRoles: method('GetKeyRoles', (input) => checkExpandedRoles('GetKeyRoles', input), ROLES),
    removeRoles: method('RemoveKeyRoles', (input) => checkKeyRoles('RemoveKeyRoles', input), COUNT),
  };

  const groups = operationMethod(runner, {
    operation: operations.GetRoleGroups,
    send: (init) => api.POST('/GetRoleGroups', { ...init }),
    answer: ROLE_GROUPS,
    // Stryker disable next-line BooleanLiteral: GetRoleGroups takes no input, so there is none to log either way
    logInput: false,
  });
  const roles: VoximplantRoles = {
    list: method('GetRoles', checkGetRoles, ROLES),
    groups: (call) => groups(undefined, call),
  };

  const { account, childAccounts } = createVoximplantAccounts(runner, api, DEFAULT_PAGE_SIZE);
  const authorizedIps = createVoximplantAuthorizedIps(runner, api, DEFAULT_PAGE_SIZE);
  const client: VoximplantClient = {
    subUsers,
    keys,
    roles,
    account,
    childAccounts,
    authorizedIps,
    raw,
    baseUrl,
    accountId,
  };
  defineClientInspection(client, 'VoximplantClient', { baseUrl, accountId });
  return client;
}

function plainFetch(options: VoximplantClientOptions): FetchLike {
  return options.fetch ?? ((input, init) => globalThis.fetch(input, init));
}

/**
 * The lookup of `api_address`: GetAccountInfo on the configured base URL through a runner of its
 * own (same protocol, options and redactor; plain fetch), so it is typed, retried and logged like
 * any call, without going through the address it is looking for.
 */
function accountApiBase(
  protocol: ProviderProtocol,
  options: VoximplantClientOptions,
  redactor: Redactor,
  baseUrl: string,
): AccountApiBase {
  const lookup = createProviderClient({
    protocol,
    options: { ...options, fetch: plainFetch(options) },
    baseUrl,
    redactor,
    querySerializer: serializeQuery,
    createClient: createClient<paths>,
  });
  const { account } = createVoximplantAccounts(lookup.runner, lookup.api, DEFAULT_PAGE_SIZE);
  return new AccountApiBase(
    baseUrl,
    async () => (await account.info({ return_live_balance: false })).api_address,
    (reason) =>
      options.logger?.debug('tenantkit voximplant keeps baseUrl', {
        provider: 'voximplant',
        reason,
      }),
  );
}
