/** What a scripted loopback server can be told to do with one request, and what it keeps of it. */
import type { IncomingHttpHeaders } from 'node:http';

/** One request as the server received it. */
export interface ReceivedRequest {
  method: string;
  /** Path and query as sent, e.g. `/v1/things?page=2`. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The body as UTF-8 text (`''` when there was none). */
  body: string;
}

/**
 * One scripted answer:
 * - `{ status, body?, headers? }` answers at once;
 * - `{ reset: true }` destroys the socket once the request was read (the client cannot know the
 *   outcome);
 * - `{ hang: true }` never answers (until `close()`);
 * - `{ hang: ms, afterwards }` answers with `afterwards` after `ms` (unless the client gave up);
 * - `{ stream: bytes, … }` sends `bytes` bytes of filler in 64 KiB chunks (no Content-Length unless
 *   `declare`), recording in `streams` how much was written and whether the client hung up first.
 */
export type Step =
  | { status: number; body?: string | Uint8Array; headers?: Record<string, string> }
  | { reset: true }
  | { hang: true }
  | { hang: number; afterwards: Step }
  | { stream: number; status?: number; declare?: boolean; headers?: Record<string, string> };

/**
 * A step, or a step computed from the request (to echo what the client sent), possibly later.
 * `index` counts the requests since the last `script()`, from 0. A function that throws answers
 * 500 with its message.
 */
export type Script = Step | ((request: ReceivedRequest, index: number) => Step | Promise<Step>);

/** A JSON answer: the body serialised, `content-type: application/json` unless `headers` say otherwise. */
export const json = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Step => ({
  status,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});
