/**
 * Errors and retries against a scripted Twilio on loopback. Twilio creates are not idempotent: a
 * create is re-sent only after a 429 (Twilio: "a request that gets 429 was never processed"),
 * never after an answer that may have been processed.
 */
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from '@tenantkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createTwilioClient, TWILIO_ERROR_CODES } from '../src/index.js';
import { AUTH_TOKEN, account, MAIN_SID, subSid, twilioError } from './support/fixtures.js';
import { type Answer, type Loopback, type Received, startLoopback } from './support/loopback.js';

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function scripted(steps: Answer[], fallback: Answer = { status: 500 }, timeoutMs = 10_000) {
  server = await startLoopback((_request: Received, index: number) => steps[index] ?? fallback);
  const client = createTwilioClient({
    accountSid: MAIN_SID,
    authToken: AUTH_TOKEN,
    baseUrl: server.url,
    maxRetries: 2,
    retryDelay: { initialMs: 1, maxMs: 5 },
    timeoutMs,
  });
  return { client, requests: server.requests };
}

const failure = (call: Promise<unknown>) =>
  call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as ApiError,
  );

const tooMany = { status: 429, body: twilioError(429, 20429, 'Too Many Requests') };

describe('twilio create: re-sent only when Twilio says it was never processed', () => {
  it('a 429 is retried and the second answer is the one sub-account created', async () => {
    const { client, requests } = await scripted([tooMany, { status: 201, body: account(1) }]);
    await expect(client.subaccounts.create({ FriendlyName: 'T' })).resolves.toHaveProperty(
      'sid',
      subSid(1),
    );
    expect(requests.map((r) => [r.method, r.body])).toEqual([
      ['POST', 'FriendlyName=T'],
      ['POST', 'FriendlyName=T'],
    ]);
  });

  it('429 on every attempt: a RateLimitError with code 20429, outcome known (nothing created)', async () => {
    const { client, requests } = await scripted([], tooMany);
    const error = await failure(client.subaccounts.create({ FriendlyName: 'T' }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ code: 20429, codeName: 'TOO_MANY_REQUESTS', attempts: 3 });
    expect(error.outcomeUnknown).toBe(false);
    expect(requests).toHaveLength(3);
  });

  it.each([500, 502, 503])('a %i is not re-sent: the outcome is unknown', async (status) => {
    const { client, requests } = await scripted([
      { status, body: twilioError(status, 20500, 'Internal Server Error') },
    ]);
    const error = await failure(client.subaccounts.create({ FriendlyName: 'T' }));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toContain('may or may not have been processed');
    expect(requests).toHaveLength(1);
  });

  it('a connection lost after the request was sent is not re-sent', async () => {
    const { client, requests } = await scripted([{ reset: true }]);
    const error = await failure(client.subaccounts.create({ FriendlyName: 'T' }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.outcomeUnknown).toBe(true);
    expect(requests).toHaveLength(1);
  });

  it('a create with no answer in time is not re-sent', async () => {
    const { client, requests } = await scripted([{ hang: true }], { status: 201 }, 200);
    const error = await failure(client.subaccounts.create({ FriendlyName: 'T' }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.outcomeUnknown).toBe(true);
    expect(requests).toHaveLength(1);
  });
});

describe('twilio reads and updates: retried on 429 and 5xx', () => {
  it('get is retried after a 500 and a 429', async () => {
    const { client, requests } = await scripted([
      { status: 500, body: twilioError(500, 20500, 'Internal Server Error') },
      tooMany,
      { status: 200, body: account(1) },
    ]);
    await expect(client.subaccounts.get(subSid(1))).resolves.toHaveProperty('sid', subSid(1));
    expect(requests).toHaveLength(3);
  });

  it('a status change is retried after a 503 (the same body leaves the same state)', async () => {
    const { client, requests } = await scripted([
      { status: 503 },
      { status: 200, body: account(1, { status: 'suspended' }) },
    ]);
    await expect(client.subaccounts.suspend(subSid(1))).resolves.toHaveProperty(
      'status',
      'suspended',
    );
    expect(requests.map((r) => r.body)).toEqual(['Status=suspended', 'Status=suspended']);
  });

  it('close: a retry refused as "already closed" (21479) reads the account back', async () => {
    const { client, requests } = await scripted([
      { status: 502 },
      { status: 400, body: twilioError(400, 21479, 'Unable to update Status for subaccount') },
      { status: 200, body: account(1, { status: 'closed' }) },
    ]);
    await expect(client.subaccounts.close(subSid(1))).resolves.toHaveProperty('status', 'closed');
    expect(requests.map((r) => `${r.method} ${r.body}`)).toEqual([
      'POST Status=closed',
      'POST Status=closed',
      'GET ',
    ]);
  });

  it('close: 21479 on the first attempt (closed long ago) stays an error', async () => {
    const { client, requests } = await scripted([
      { status: 400, body: twilioError(400, 21479, 'Unable to update Status for subaccount') },
    ]);
    const error = await failure(client.subaccounts.close(subSid(1)));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ code: 21479, codeName: 'SUBACCOUNT_CLOSED' });
    expect(requests).toHaveLength(1);
  });
});

describe("twilio errors: typed, with Twilio's code and its name", () => {
  it.each([
    [401, 20003, 'Authenticate', AuthenticationError, 'AUTHENTICATION_FAILED'],
    [404, 20404, 'The requested resource was not found', NotFoundError, 'NOT_FOUND'],
    [
      400,
      21480,
      'Reached maximum number of subaccounts',
      BadRequestError,
      'SUBACCOUNT_LIMIT_REACHED',
    ],
    [
      400,
      21477,
      'Unable to update Status for parent accounts',
      BadRequestError,
      'MAIN_ACCOUNT_STATUS_UNCHANGEABLE',
    ],
    [400, 20001, 'Unknown parameters', BadRequestError, undefined],
  ] as const)('HTTP %i code %i', async (status, code, message, type, name) => {
    const { client } = await scripted([{ status, body: twilioError(status, code, message) }]);
    const error = await failure(client.subaccounts.update(subSid(1), { FriendlyName: 'x' }));
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ status, code, codeName: name });
    expect(error.message).toContain(`HTTP ${status} ${code}`);
    expect(error.message).toContain(message);
    expect(error.body).toMatchObject({ more_info: `https://www.twilio.com/docs/errors/${code}` });
  });

  it("the request id is Twilio's Twilio-Request-Id header (Twilio's error body carries none)", async () => {
    const requestId = 'RQ0123456789abcdef0123456789abcdef';
    const { client } = await scripted([
      {
        status: 404,
        body: twilioError(404, 20404, 'The requested resource was not found'),
        headers: { 'Twilio-Request-Id': requestId },
      },
    ]);
    const error = await failure(client.subaccounts.get(subSid(1)));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.requestId).toBe(requestId);
  });

  it('every named code has a distinct name', () => {
    const names = Object.values(TWILIO_ERROR_CODES);
    expect(new Set(names).size).toBe(names.length);
  });

  it('a non-Twilio error body (a proxy page) keeps the text as the message', async () => {
    const { client } = await scripted([{ status: 400, body: { message: 'bad gateway config' } }]);
    const error = await failure(client.subaccounts.get(subSid(1)));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBeUndefined();
    expect(error.message).toContain('bad gateway config');
  });

  it('a success answer without the account SID is an invalid response, not a success', async () => {
    const { client } = await scripted([{ status: 201, body: { friendly_name: 'x' } }]);
    const error = await failure(client.subaccounts.create());
    expect(error.name).toBe('InvalidResponseError');
    expect(error.outcomeUnknown).toBe(true);
  });

  it('get answering another account is a NotFoundError', async () => {
    const { client } = await scripted([{ status: 200, body: account(2) }]);
    await expect(client.subaccounts.get(subSid(1))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('twilio concurrency: Twilio limits concurrent requests per account', () => {
  it('maxConcurrency bounds the requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const waiting: Array<() => void> = [];
    server = await startLoopback(async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      // Each answer waits until a second request is in flight (bounded): a client that sent more
      // than two at once would show it here, one that sent fewer would not stall the test.
      if (inFlight >= 2) for (const release of waiting.splice(0)) release();
      else
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 1_000);
        });
      inFlight--;
      return { status: 200, body: account(1) };
    });
    const client = createTwilioClient({
      accountSid: MAIN_SID,
      authToken: AUTH_TOKEN,
      baseUrl: server.url,
      maxConcurrency: 2,
    });
    await Promise.all(Array.from({ length: 6 }, () => client.subaccounts.get(subSid(1))));
    expect(server.requests).toHaveLength(6);
    expect(most).toBe(2);
  });
});
