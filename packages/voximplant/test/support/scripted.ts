/**
 * A scripted Voximplant on the loopback (`createRecordingServer`: 127.0.0.1, port 0) for tests that
 * go through a client: one server per test file, the answer chosen per test, and a fresh client
 * per `client()` call — made inside the test, so loading a test file builds no client.
 */
import { createRecordingServer, type RecordedRequest, type RecordingServer } from '@tenantkit/mock';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  createVoximplantClient,
  type VoximplantClient,
  type VoximplantClientOptions,
} from '../../src/index.js';
import { testKey } from '../fixtures.js';

/** The method a request called (`/platform_api/GetKeys` → `GetKeys`). */
export const methodOf = (request: RecordedRequest | undefined): string =>
  request?.url.pathname.split('/').pop() ?? '';

/** The query a request carried, as an object. */
export const queryOf = (request: RecordedRequest | undefined): Record<string, string> =>
  Object.fromEntries(request?.url.searchParams ?? []);

/** A well-formed answer for each method (`{result: 1}` for the rest), so any valid call resolves. */
const WELL_FORMED: Record<string, unknown> = {
  AddSubUser: { result: { subuser_id: 1 } },
  CreateKey: { result: { key_id: 'new-key' } },
  GetSubUsers: { result: [] },
  GetKeys: { result: [] },
  GetRoles: { result: [] },
  GetRoleGroups: { result: [] },
  GetSubUserRoles: { result: [] },
  GetKeyRoles: { result: [] },
  GetAccountInfo: { result: { account_id: 4242 } },
  GetChildrenAccounts: { result: [], total_count: 0 },
  GetAuthorizedAccountIPs: { result: [], total_count: 0 },
  CheckAuthorizedAccountIP: { result: true },
};
const wellFormed = (request: RecordedRequest): unknown =>
  WELL_FORMED[methodOf(request)] ?? { result: 1 };

type Script = (request: RecordedRequest) => unknown;

export interface ScriptedVoximplant {
  /** A new client on the server (no retries unless `options` say otherwise). */
  client(options?: Partial<VoximplantClientOptions>): VoximplantClient;
  /** Answer every request with `script(request)`: a `Response`, or a body sent as JSON. */
  answer(script: Script): void;
  /** The requests of the current test. */
  readonly requests: RecordedRequest[];
  readonly url: string;
}

/** Registers the server's hooks in the calling test file; each test starts with well-formed answers. */
export function scriptedVoximplant(): ScriptedVoximplant {
  let server: RecordingServer | undefined;
  let script: Script = wellFormed;
  const running = () => {
    if (!server) throw new Error('the scripted server is used outside a test');
    return server;
  };
  beforeAll(async () => {
    server = await createRecordingServer(async (request) => {
      const answer = await script(request);
      return answer instanceof Response ? answer : Response.json(answer);
    });
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    running().requests.length = 0;
    script = wellFormed;
  });
  return {
    client: (options = {}) =>
      createVoximplantClient({
        credentials: testKey.credentials,
        baseUrl: running().url,
        maxRetries: 0,
        ...options,
      }),
    answer(next) {
      script = next;
    },
    get requests() {
      return running().requests;
    },
    get url() {
      return running().url;
    },
  };
}

/** Runs a call or walks a listing to its end; resolves with what it threw (fails if nothing). */
export async function failureOf(call: Promise<unknown> | AsyncIterable<unknown>): Promise<Error> {
  try {
    if (Symbol.asyncIterator in call) for await (const _ of call);
    else await call;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail, it succeeded');
}

/** Runs a call or walks a listing to its end. */
export async function settle(call: Promise<unknown> | AsyncIterable<unknown>): Promise<void> {
  if (Symbol.asyncIterator in call) for await (const _ of call);
  else await call;
}
