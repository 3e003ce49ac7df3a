/** Drives a `Runner` the way a client does, with a scripted fetch instead of a network. */
import {
  type CoreOptions,
  type FetchLike,
  type FetchResult,
  type OperationInfo,
  type ProviderProtocol,
  Redactor,
  Runner,
  type SendInit,
} from '../../src/index.js';

export const SECRET = 'sk-runner-canary-0123456789';

export const read: OperationInfo = {
  id: 'getThing',
  method: 'get',
  path: '/things/{id}',
  kind: 'read',
};
export const create: OperationInfo = {
  id: 'createThing',
  method: 'post',
  path: '/things',
  kind: 'create',
};

/** What openapi-fetch does with a response, in a few lines: JSON on success, text or JSON on error. */
export function attemptAt(url = 'https://api.test/things/1') {
  return async (init: SendInit): Promise<FetchResult> => {
    const response = await init.fetch(
      new Request(url, { signal: init.signal, headers: init.headers }),
    );
    const text = await response.text();
    if (response.ok) return { data: text ? JSON.parse(text) : undefined, response };
    let error: unknown = text;
    try {
      error = JSON.parse(text);
    } catch {}
    return { error, response };
  };
}

/** A fetch answering from a list of responders (the last one repeats), recording each request. */
export function scriptedFetch(
  ...responders: Array<(request: Request) => Response | Promise<Response>>
) {
  const requests: Request[] = [];
  const fetch: FetchLike = async (request) => {
    requests.push(request);
    const responder = responders[Math.min(requests.length - 1, responders.length - 1)];
    if (!responder) throw new Error('no responder');
    return responder(request);
  };
  return { fetch, requests };
}

/** A fetch that never answers, but rejects like undici when its signal aborts. */
export const hangingFetch: FetchLike = (request, init) =>
  new Promise((_, reject) => {
    const signal = init?.signal ?? request.signal;
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/** A runner as a client builds one: the protocol's auth header carries `SECRET`. */
export function makeRunner(options: CoreOptions = {}, protocol: Partial<ProviderProtocol> = {}) {
  return new Runner(
    { provider: 'test', authHeaders: () => ({ authorization: `Bearer ${SECRET}` }), ...protocol },
    options,
    new Redactor([SECRET]),
  );
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function failureOf(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome.error as Error;
}
