/**
 * What a provider of the sandbox is made of: its state, how it authenticates a caller, its answers
 * to the injected faults, and one handler per operationId of its spec. Adding an operation to the
 * sandbox is adding one handler to the provider's resource file.
 */
import type { SandboxProvider } from './models.js';
import type { Random, RandomState } from './random.js';

export type { SandboxProvider };

/** One request, after Prism found it valid against the spec. */
export interface SandboxRequest {
  /** The spec's operationId Prism routed the request to. */
  operationId: string;
  method: string;
  path: string;
  /** Path parameters of the operation's template, decoded. */
  params: Readonly<Record<string, string>>;
  /** Query parameters (the last value when one is repeated). */
  query: Readonly<Record<string, string>>;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>;
  /** The parsed JSON body, the raw text of a form body (Twilio), or null. */
  body: unknown;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON; absent for an empty answer (204). */
  body?: unknown;
}

export interface HandlerContext<S> {
  /** The provider's state; handlers change it in place, synchronously after any await. */
  state: S;
  /** The provider's id generator (its position lives in the state). */
  random: Random;
  now: Date;
  /** Where the sandbox serves this provider, as a URL names it: `127.0.0.1:41234`, `[::1]:41234`. */
  host: string;
}

export type Handler<S> = (
  request: SandboxRequest,
  context: HandlerContext<S>,
) => SandboxResponse | Promise<SandboxResponse>;

export type Handlers<S> = Readonly<Record<string, Handler<S>>>;

export interface ProviderDefinition<S extends RandomState, C> {
  /** Its key in `MODELS` (models.ts). */
  readonly provider: SandboxProvider;
  /** A fresh account: the parent's credentials and no tenants (the generator's position is added). */
  createState(random: Random, now: Date): Omit<S, 'randomState'> | Promise<Omit<S, 'randomState'>>;
  /** The credentials a caller uses against this sandbox (throwaway, valid only here). */
  credentials(state: S): C;
  /** Undefined when the caller may proceed; otherwise the provider's own refusal. */
  authenticate(request: SandboxRequest, context: HandlerContext<S>): SandboxResponse | undefined;
  /** The provider's answers to the injected faults. */
  readonly faults: {
    rateLimited(retryAfterSeconds: number, context: HandlerContext<S>): SandboxResponse;
    serverError(context: HandlerContext<S>): SandboxResponse;
  };
  readonly handlers: Handlers<S>;
  /**
   * Whether an answer reports success (what was asked for was done). Default: a status below 300;
   * a provider that reports errors inside HTTP 200 says so here.
   */
  succeeded?(response: SandboxResponse): boolean;
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): SandboxResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body };
}

/** Timestamps as the providers print them: `2026-03-20T14:03:10.502100Z` (microseconds). */
export function microsecondTimestamp(now: Date): string {
  return now.toISOString().replace('Z', '000Z');
}
