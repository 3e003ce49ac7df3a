/**
 * What a client hands the runner: how its provider authenticates and words its errors
 * (`ProviderProtocol`), and for each call the plan of how to send it and read its answer.
 */
import type { ApiErrorDetails, ProviderName } from '../errors.js';
import type { CallOptions, FetchLike } from './options.js';

/** What a provider knows about its own wire format. */
export interface ProviderProtocol {
  readonly provider: ProviderName;
  /** Headers that authenticate one attempt (may sign or refresh a token). */
  authHeaders?(): Record<string, string> | Promise<Record<string, string>>;
  /** Code, message and request id from an error body; the default reads common shapes. */
  describeError?(body: unknown): ErrorDescription;
  /** An error reported inside a success body (Voximplant). */
  errorInSuccessBody?(data: unknown): (ErrorDescription & { classifyAs: number }) | undefined;
  /**
   * Response headers that carry the provider's id of a request, first present wins (e.g. Twilio's
   * `Twilio-Request-Id`); default `x-request-id`, then `request-id`. An id in the error body wins.
   */
  requestIdHeaders?: readonly string[];
}

/** What a provider's error body says; `retryAt` / `retryAfterMs` when it names a time to try again. */
export type ErrorDescription = Pick<
  ApiErrorDetails,
  'code' | 'codeName' | 'providerMessage' | 'requestId' | 'retryAt' | 'retryAfterMs'
>;

/** How one call is made: the caller's options, the body to log, and how to unwrap the payload. */
export interface RequestPlan<TData, TResult> {
  call?: CallOptions | undefined;
  /** Request body or parameters, for the debug log and hooks only (redacted there). */
  input?: unknown;
  /** Takes the payload out of the provider's envelope; `undefined` means the envelope is broken. */
  unwrap?: (data: TData) => TResult | undefined;
  /** Name of what `unwrap` looks for, for the error message (e.g. "the `response` field"). */
  expects?: string;
  /**
   * A 2xx without a body is a success too (the provider documents no body, or several shapes): the
   * call resolves to `undefined` and `unwrap` is skipped. Otherwise only a 204 to a call without
   * `unwrap` may be empty.
   */
  bodyOptional?: boolean;
  /**
   * For a read by id: whether the unwrapped result is the record asked for. When it is not (the
   * provider answered with another record, or none), the call fails with a `NotFoundError`.
   */
  found?: (result: TResult) => boolean;
  /** What was looked for, for that error's message (e.g. "sub-account SA_X"). */
  subject?: string;
}

/** What an openapi-fetch call resolves to. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** Handed to each send: spread it into the openapi-fetch call options. */
export interface SendInit {
  signal: AbortSignal;
  fetch: FetchLike;
  headers: Record<string, string>;
}

/** Sends the request once (an openapi-fetch call) with the init of this attempt. */
export type Send<R extends FetchResult> = (init: SendInit) => Promise<R>;

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return undefined;
  return JSON.stringify(value);
}

/** Reads the error shapes our providers use: `{error: {code, message|msg}}`, `{error, message}`, `{detail}`, text. */
export function describeErrorBody(body: unknown): ErrorDescription {
  if (typeof body === 'string') {
    // `[^<>]`, not `[^>]`: a run of `<` without `>` must not make every `<` scan to the end.
    const text = body
      .replace(/<[^<>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    // Not cut here: the runner scrubs the whole text, then cuts it.
    return { providerMessage: text || undefined };
  }
  if (typeof body !== 'object' || body === null) return {};
  const record = body as Record<string, unknown>;
  const nested =
    typeof record.error === 'object' && record.error !== null
      ? (record.error as Record<string, unknown>)
      : undefined;
  const code = nested?.code ?? (typeof record.error === 'string' ? record.error : record.code);
  const providerMessage = asText(
    nested?.message ?? nested?.msg ?? record.message ?? record.detail ?? record.msg,
  );
  const requestId = record.requestId ?? record.request_id ?? record.api_id;
  return {
    code: typeof code === 'string' || typeof code === 'number' ? code : undefined,
    providerMessage,
    requestId: typeof requestId === 'string' ? requestId : undefined,
  };
}

/** The request-id headers of a provider that names none. */
const DEFAULT_REQUEST_ID_HEADERS: readonly string[] = ['x-request-id', 'request-id'];

/** The first of `names` (a protocol's `requestIdHeaders`) present in `headers`. */
export function requestIdFrom(
  headers: Headers,
  names: readonly string[] = DEFAULT_REQUEST_ID_HEADERS,
): string | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null) return value;
  }
  return undefined;
}
