/**
 * The account's preferred API host: GetAccountInfo answers `api_address`, "the preferred address
 * for the Management API requests". Its form (host name or URL) is not documented, so both are
 * read. Tokens are sent to it, so only an https host under voximplant.com is followed.
 */
import type { FetchLike } from '@tenantkit/core';

const PLATFORM_PATH = '/platform_api';
const VOXIMPLANT_HOST = /(^|\.)voximplant\.com$/;

/** The base URL an `api_address` stands for, or why it cannot be followed. */
export function apiBaseUrlFrom(address: unknown): { baseUrl: string } | { ignored: string } {
  if (typeof address !== 'string' || address.trim() === '')
    return { ignored: 'the answer has no api_address' };
  const text = address.trim();
  let url: URL;
  try {
    // The Node client builds `https://<host>/platform_api` from a host name: a bare host is one.
    url = new URL(text.includes('://') ? text : `https://${text}`);
  } catch {
    return { ignored: 'api_address is not a host name or URL' };
  }
  if (url.protocol !== 'https:') return { ignored: 'api_address is not https' };
  if (url.username || url.password || url.search || url.hash)
    return { ignored: 'api_address carries more than a host and path' };
  if (!VOXIMPLANT_HOST.test(url.hostname))
    return { ignored: 'api_address is not a voximplant.com host' };
  const path = url.pathname.replace(/\/+$/, '');
  return { baseUrl: `${url.origin}${path === '' ? PLATFORM_PATH : path}` };
}

/**
 * Resolves the base URL once (concurrent first calls share the lookup); a failed lookup is not
 * kept, so the next call asks again.
 */
export class AccountApiBase {
  readonly #configured: string;
  readonly #lookup: () => Promise<unknown>;
  readonly #onIgnored: (reason: string) => void;
  #resolved: string | undefined;
  #pending: Promise<string> | undefined;

  constructor(
    configured: string,
    lookup: () => Promise<unknown>,
    onIgnored: (reason: string) => void,
  ) {
    this.#configured = configured;
    this.#lookup = lookup;
    this.#onIgnored = onIgnored;
  }

  get(): Promise<string> {
    // Stryker disable next-line ConditionalExpression: the settled lookup gives the same URL (this only saves a tick)
    if (this.#resolved !== undefined) return Promise.resolve(this.#resolved);
    this.#pending ??= this.#lookup().then(
      (address) => {
        const target = apiBaseUrlFrom(address);
        if ('ignored' in target) this.#onIgnored(target.ignored);
        this.#resolved = 'baseUrl' in target ? target.baseUrl : this.#configured;
        return this.#resolved;
      },
      (error: unknown) => {
        this.#pending = undefined;
        throw error;
      },
    );
    return this.#pending;
  }
}

/** A fetch that sends requests meant for `configured` to the resolved base URL instead. */
export function followingAccountAddress(
  fetch: FetchLike,
  configured: string,
  base: AccountApiBase,
): FetchLike {
  return async (request, init) => {
    const target = await base.get();
    // openapi-fetch's per-request `baseUrl` sends a request elsewhere: not this client's to move.
    if (!request.url.startsWith(`${configured}/`)) return fetch(request, init);
    // Stryker disable next-line ConditionalExpression: a request moved to the configured URL is the same request (this only saves a copy)
    if (target === configured) return fetch(request, init);
    return fetch(new Request(target + request.url.slice(configured.length), request), init);
  };
}
