import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as source from '../src/index.js';
import {
  AbortedError,
  ApiError,
  AuthenticationError,
  apiErrorClassFor,
  BadRequestError,
  ConflictError,
  ConnectionError,
  CoolOffError,
  defineClientInspection,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  type RequestContext,
  RequestError,
  requireCredential,
  ServerError,
  TenantkitError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
} from '../src/index.js';

const context: RequestContext = {
  provider: 'vobiz',
  operation: 'createSubAccount',
  method: 'POST',
  path: '/api/v1/accounts/{auth_id}/sub-accounts/',
  kind: 'create',
  attempts: 1,
};

describe('error hierarchy', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
    [418, ApiError],
  ])('HTTP %d → %o', (status, ErrorClass) => {
    const error = new (apiErrorClassFor(status))(context, { status, body: { a: 1 } });
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toBeInstanceOf(TenantkitError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(ErrorClass.name);
  });

  it('siblings are not instances of each other', () => {
    const notFound = new NotFoundError(context, { status: 404, body: null });
    expect(notFound).not.toBeInstanceOf(ConflictError);
    expect(notFound).not.toBeInstanceOf(ConnectionError);
    expect(new TimeoutError(context, 5)).not.toBeInstanceOf(ApiError);
    expect(new AbortedError('x', context)).not.toBeInstanceOf(TimeoutError);
    expect(new Error('plain')).not.toBeInstanceOf(TenantkitError);
    expect({ message: 'not an error' }).not.toBeInstanceOf(TenantkitError);
  });

  it('JSON carries every field (name, message, provider, status, code, body…)', () => {
    const error = new ConflictError(
      { ...context, outcomeUnknown: false },
      {
        status: 409,
        code: 'duplicate',
        codeName: 'DUPLICATE',
        requestId: 'r1',
        body: { e: 1 },
        providerMessage: 'exists',
      },
    );
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'ConflictError',
      message:
        'vobiz.createSubAccount (POST /api/v1/accounts/{auth_id}/sub-accounts/): HTTP 409 duplicate DUPLICATE: exists',
      provider: 'vobiz',
      operation: 'createSubAccount',
      method: 'POST',
      path: '/api/v1/accounts/{auth_id}/sub-accounts/',
      attempts: 1,
      outcomeUnknown: false,
      status: 409,
      code: 'duplicate',
      codeName: 'DUPLICATE',
      requestId: 'r1',
      body: { e: 1 },
    });
  });

  it('a 409 with a time to try again is a CoolOffError carrying when, in the message too', () => {
    const retryAt = new Date('2026-06-09T10:00:00Z');
    const ErrorClass = apiErrorClassFor(409, { retryAt });
    expect(ErrorClass).toBe(CoolOffError);
    const error = new ErrorClass(context, {
      status: 409,
      code: 'did_cool_off_in_effect',
      body: {},
      retryAt,
      retryAfterMs: 1_209_600_000,
    });
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ retryAt, retryAfterMs: 1_209_600_000, status: 409 });
    expect(error.message).toContain('allowed again after 2026-06-09T10:00:00.000Z');
    expect(apiErrorClassFor(409, { retryAfterMs: 5 })).toBe(CoolOffError);
    expect(apiErrorClassFor(409, {})).toBe(ConflictError);
    // Only a 409 means "not yet": a 403 naming a time stays a permission error.
    expect(apiErrorClassFor(403, { retryAt })).toBe(PermissionDeniedError);
  });

  it('a CoolOffError given only the remaining time works out the moment, and vice versa', () => {
    const before = Date.now();
    const fromSeconds = new CoolOffError(context, { status: 409, body: {}, retryAfterMs: 60_000 });
    expect(fromSeconds.retryAt?.getTime()).toBeGreaterThanOrEqual(before + 60_000);
    const fromDate = new CoolOffError(context, {
      status: 409,
      body: {},
      retryAt: new Date(before - 1_000),
    });
    expect(fromDate.retryAfterMs).toBe(0);
    const unknown = new CoolOffError(context, { status: 409, body: {} });
    expect(unknown).toMatchObject({ retryAt: undefined, retryAfterMs: undefined });
  });

  it('ValidationError names provider, operation, field and rule', () => {
    const error = new ValidationError({
      provider: 'voximplant',
      operation: 'AddSubUser',
      field: 'new_subuser_name',
      rule: 'non-blank',
      message: 'must not be blank',
    });
    expect(error).toMatchObject({
      name: 'ValidationError',
      provider: 'voximplant',
      field: 'new_subuser_name',
      rule: 'non-blank',
    });
    expect(error.message).toBe(
      'voximplant.AddSubUser: new_subuser_name must not be blank (rule: non-blank)',
    );
  });
});

describe('instanceof across copies of core (the built ESM and CJS files)', () => {
  const esmPath = new URL('../dist/index.js', import.meta.url);
  const cjsPath = new URL('../dist/index.cjs', import.meta.url);
  const built = existsSync(esmPath) && existsSync(cjsPath);

  it('dist is built (run `pnpm build` first)', () => {
    expect(built).toBe(true);
  });

  it.runIf(built)(
    'errors from each copy are instances of the classes of every other copy',
    async () => {
      const esm = (await import(esmPath.href)) as typeof source;
      const cjs = createRequire(import.meta.url)(cjsPath.pathname) as typeof source;
      expect(esm.ApiError).not.toBe(cjs.ApiError); // really two copies
      const copies = { esm, cjs, source };
      for (const [madeBy, maker] of Object.entries(copies)) {
        const rateLimited = new maker.RateLimitError(context, { status: 429, body: null });
        const invalid = new maker.ValidationError({
          provider: 'p',
          operation: 'o',
          field: 'f',
          rule: 'r',
          message: 'm',
        });
        for (const [checkedBy, checker] of Object.entries(copies)) {
          const label = `${madeBy} error vs ${checkedBy} class`;
          expect(rateLimited instanceof checker.RateLimitError, label).toBe(true);
          expect(rateLimited instanceof checker.ApiError, label).toBe(true);
          expect(rateLimited instanceof checker.RequestError, label).toBe(true);
          expect(rateLimited instanceof checker.TenantkitError, label).toBe(true);
          expect(rateLimited instanceof checker.ServerError, label).toBe(false);
          expect(rateLimited instanceof checker.ValidationError, label).toBe(false);
          expect(invalid instanceof checker.ValidationError, label).toBe(true);
          expect(invalid instanceof checker.ApiError, label).toBe(false);
        }
      }
    },
  );

  it.runIf(built)(
    'every error class: an error made by one copy is an instance of the same class, and of the classes it extends, in every copy, and of no other',
    async () => {
      const esm = (await import(esmPath.href)) as Record<string, unknown>;
      const cjs = createRequire(import.meta.url)(cjsPath.pathname) as Record<string, unknown>;
      const names = Object.keys(source).filter((name) => {
        const value = (source as Record<string, unknown>)[name];
        return (
          value === source.TenantkitError ||
          (typeof value === 'function' && value.prototype instanceof source.TenantkitError)
        );
      });
      expect(names.length).toBeGreaterThanOrEqual(20);
      const copies = { esm, cjs, source: source as Record<string, unknown> };
      type ErrorClass = new (...args: never[]) => Error;
      const classOf = (copy: Record<string, unknown>, name: string) => copy[name] as ErrorClass;
      for (const [madeBy, maker] of Object.entries(copies)) {
        for (const made of names) {
          // Only the base constructor runs: it is the one that stamps the brands of `new.target`.
          const error = Reflect.construct(
            classOf(maker, 'TenantkitError'),
            ['m'],
            classOf(maker, made),
          ) as Error;
          for (const [checkedBy, checker] of Object.entries(copies)) {
            for (const asked of names) {
              const extendsAsked =
                made === asked || classOf(source, made).prototype instanceof classOf(source, asked);
              expect(
                error instanceof classOf(checker, asked),
                `${madeBy} ${made} instanceof ${checkedBy} ${asked}`,
              ).toBe(extendsAsked);
            }
          }
        }
      }
    },
  );
});

describe('client helpers', () => {
  it('requireCredential rejects missing, blank and non-string values without echoing them', () => {
    for (const value of [undefined, null, '', '  ']) {
      expect(() => requireCredential('vobiz', 'authToken', value, 'hint')).toThrow(
        /`authToken` is required/,
      );
    }
    expect(() => requireCredential('vobiz', 'authToken', 12345678, 'hint')).toThrow(
      /must be a string/,
    );
    expect(requireCredential('vobiz', 'authToken', 'tok', 'hint')).toBe('tok');
  });

  it('defineClientInspection shows what is safe and hides credentials', () => {
    const client = { token: 'sk-hidden-value-123', baseUrl: 'https://x.test' };
    defineClientInspection(client, 'TestClient', { baseUrl: client.baseUrl });
    expect(inspect(client, { depth: 5 })).toBe(
      'TestClient {"baseUrl":"https://x.test","credentials":"[REDACTED]"}',
    );
    expect(JSON.stringify(client)).not.toContain('sk-hidden');
  });
});
