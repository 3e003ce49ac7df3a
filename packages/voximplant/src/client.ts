import {
  type CallOptions,
  ConfigurationError,
  type CoreOptions,
  createProviderClient,
  defineClientInspection,
  type FetchLike,
  nextOffset,
  operationMethod,
  type ProviderProtocol,
  paginate,
  Redactor,
} from '@tenantkit/core';
import createClient, { type Client } from 'openapi-fetch';
import {
  createVoximplantAccounts,
  type VoximplantAccount,
  type VoximplantChildAccounts,
} from './accounts.js';
import {
  ADDED,
  COUNT,
  CREATED_KEY,
  keys as keyList,
  ROLE_GROUPS,
  ROLES,
  subUsers as subUserList,
} from './answers.js';
import { AccountApiBase, followingAccountAddress } from './api-address.js';
import { MAX_TOKEN_TTL_SECONDS, MIN_TOKEN_TTL_SECONDS, TokenSource } from './auth.js';
import { createVoximplantAuthorizedIps, type VoximplantAuthorizedIps } from './authorized-ips.js';
import {
  type CredentialsFileReader,
  loadCredentials,
  type VoximplantCredentials,
} from './credentials.js';
import { describeVoximplantError, errorInSuccessBody, TOKEN_REJECTED_CODES } from './errors.js';
import type {
  KeyInfo,
  KeyView,
  paths,
  RoleGroupView,
  RoleView,
  SubUserId,
  SubUserView,
} from './generated/openapi.js';
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
} from './validate.js';
import { type InputOf, serializeQuery } from './wire.js';

/** The server the docs' OpenAPI declares (notes §2); an account's own host comes from GetAccountInfo. */
export const VOXIMPLANT_BASE_URL = 'https://api.voximplant.com/platform_api';
/** `listAll` page size when none is given (the API documents no default or maximum). */
export const DEFAULT_PAGE_SIZE = 100;
const DEFAULT_TOKEN_TTL_SECONDS = MAX_TOKEN_TTL_SECONDS;

export interface VoximplantClientOptions extends CoreOptions {
  /**
   * The service-account credentials: the parsed credentials.json object (what `keys.create`
   * returns) or its JSON text, or in Node its path. Default: `VOXIMPLANT_CREDENTIALS` (the same
   * forms), where the runtime has environment variables.
   */
  credentials?: VoximplantCredentials | string;
  /** Account to act on (`iss` of the token): a child account's id to manage it. Default: the key's. */
  accountId?: number;
  /** Default `https://api.voximplant.com/platform_api`. */
  baseUrl?: string;
  /** Lifetime of each signed token (`exp - iat`), 30 to 3600 seconds. Default 3600. */
  tokenTtlSeconds?: number;
  /**
   * Send every call to the host GetAccountInfo names in `api_address`, the account's preferred
   * Management API address. The first call asks for it once (one extra GetAccountInfo to
   * `baseUrl`); an answer that is not an https voximplant.com host keeps `baseUrl`. Default false.
   */
  useAccountApiAddress?: boolean;
}

type RoleKeys = 'role_id' | 'role_name';
type Only<T, K extends keyof T, Not extends keyof T> = Required<Pick<T, K>> & {
  [N in Not]?: never;
};
/** `role_id` or `role_name`, exactly one (the API answers 449 to both). */
export type WithExactlyOneRole<T extends Partial<Record<RoleKeys, unknown>>> = Omit<T, RoleKeys> &
  (Only<T, 'role_id', 'role_name'> | Only<T, 'role_name', 'role_id'>);
/** `role_id` or `role_name`, or neither. */
export type WithAtMostOneRole<T extends Partial<Record<RoleKeys, unknown>>> = Omit<T, RoleKeys> &
  (Partial<Only<T, 'role_id', 'role_name'>> | Partial<Only<T, 'role_name', 'role_id'>>);
/** `listAll` walks `offset` itself; `count` is the page size, `limit` caps the items yielded. */
export type ListAllInput<T> = Omit<T, 'offset' | 'count' | 'subuser_id' | 'key_id'> & {
  count?: number;
  limit?: number;
};

export type AddSubUserInput = WithAtMostOneRole<InputOf<'AddSubUser'>>;
export type ListSubUsersInput = InputOf<'GetSubUsers'>;
export type ListAllSubUsersInput = ListAllInput<ListSubUsersInput>;
export type UpdateSubUserInput = InputOf<'SetSubUserInfo'>;
export type DeleteSubUserInput = InputOf<'DelSubUser'>;
export type SetSubUserRolesInput = WithExactlyOneRole<InputOf<'SetSubUserRoles'>>;
export type GetSubUserRolesInput = InputOf<'GetSubUserRoles'>;
export type RemoveSubUserRolesInput = WithExactlyOneRole<InputOf<'RemoveSubUserRoles'>>;
export type CreateKeyInput = WithAtMostOneRole<InputOf<'CreateKey'>>;
export type ListKeysInput = InputOf<'GetKeys'>;
export type ListAllKeysInput = ListAllInput<ListKeysInput>;
export type UpdateKeyInput = InputOf<'UpdateKey'>;
export type DeleteKeyInput = InputOf<'DeleteKey'>;
export type SetKeyRolesInput = WithExactlyOneRole<InputOf<'SetKeyRoles'>>;
export type GetKeyRolesInput = InputOf<'GetKeyRoles'>;
export type RemoveKeyRolesInput = WithExactlyOneRole<InputOf<'RemoveKeyRoles'>>;
export type ListRolesInput = InputOf<'GetRoles'>;

export interface VoximplantSubUsers {
  /** AddSubUser. The login is sent lower-cased (the API stores it so). Never retried blindly. */
  add(input: AddSubUserInput, options?: CallOptions): Promise<SubUserId>;
  /** GetSubUsers: one page (`offset`/`count`), or the one subuser matching `subuser_id`. */
  list(input?: ListSubUsersInput, options?: CallOptions): Promise<SubUserView[]>;
  /** Every subuser, page by page (default page size 100); stops at a short page or `limit`. */
  listAll(input?: ListAllSubUsersInput, options?: CallOptions): AsyncIterable<SubUserView>;
  /** SetSubUserInfo: a new password (with the old one) and/or a description. Answers 1. */
  update(input: UpdateSubUserInput, options?: CallOptions): Promise<number>;
  /** DelSubUser. Answers 1. */
  delete(input: DeleteSubUserInput, options?: CallOptions): Promise<number>;
  /** SetSubUserRoles: adds roles by id or by name. Answers 1. */
  setRoles(input: SetSubUserRolesInput, options?: CallOptions): Promise<number>;
  /** GetSubUserRoles. */
  getRoles(input: GetSubUserRolesInput, options?: CallOptions): Promise<RoleView[]>;
  /** RemoveSubUserRoles (`force` also strips the roles from the subuser's keys). Answers 1. */
  removeRoles(input: RemoveSubUserRolesInput, options?: CallOptions): Promise<number>;
}

export interface VoximplantKeys {
  /**
   * CreateKey: one `KeyInfo` whether the API answered an object or a one-element array. It holds
   * the new `private_key`, shown only once: store it. Never retried blindly.
   */
  create(input?: CreateKeyInput, options?: CallOptions): Promise<KeyInfo>;
  list(input?: ListKeysInput, options?: CallOptions): Promise<KeyView[]>;
  listAll(input?: ListAllKeysInput, options?: CallOptions): AsyncIterable<KeyView>;
  /** UpdateKey: `description` is required (send the current one to keep it). Answers 1. */
  update(input: UpdateKeyInput, options?: CallOptions): Promise<number>;
  delete(input: DeleteKeyInput, options?: CallOptions): Promise<number>;
  setRoles(input: SetKeyRolesInput, options?: CallOptions): Promise<number>;
  getRoles(input: GetKeyRolesInput, options?: CallOptions): Promise<RoleView[]>;
  removeRoles(input: RemoveKeyRolesInput, options?: CallOptions): Promise<number>;
}

export interface VoximplantRoles {
  /** GetRoles: the grantable roles, optionally of one group. */
  list(input?: ListRolesInput, options?: CallOptions): Promise<RoleView[]>;
  /** GetRoleGroups. */
  groups(options?: CallOptions): Promise<RoleGroupView[]>;
}

export interface VoximplantClient {
  readonly subUsers: VoximplantSubUsers;
  readonly keys: VoximplantKeys;
  readonly roles: VoximplantRoles;
  /** The account the token acts on (GetAccountInfo). */
  readonly account: VoximplantAccount;
  /** A parent account's child accounts: list, edit, suspend, activate. */
  readonly childAccounts: VoximplantChildAccounts;
  /** The IPv4 allow-/block-list that decides which addresses may call the API at all. */
  readonly authorizedIps: VoximplantAuthorizedIps;
  /**
   * The typed openapi-fetch client, authenticated (same cached token, via a middleware) and
   * with the same query encoding; no retries, timeout or error-in-200 handling.
   */
  readonly raw: Client<paths>;
  readonly baseUrl: string;
  /** The account the client acts on (`iss` of its tokens). */
  readonly accountId: number;
}

function positiveInteger(option: string, value: unknown, min: number, max = Infinity) {
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
  const accountId = positiveInteger('accountId', options.accountId, 1) ?? credentials.accountId;
  const ttlSeconds =
    positiveInteger(
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
      const { Authorization } = await tokens.authHeaders();
      if (Authorization) request.headers.set('Authorization', Authorization);
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
  const subUsers: VoximplantSubUsers = {
    // The password travels in the query; the runner remembers it (a secret name) before sending.
    add: method('AddSubUser', checkAddSubUser, ADDED, (input) => ({
      ...input,
      new_subuser_name: input.new_subuser_name.toLowerCase(),
    })),
    list: method('GetSubUsers', checkGetSubUsers, (input) => subUserList(input?.subuser_id)),
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
