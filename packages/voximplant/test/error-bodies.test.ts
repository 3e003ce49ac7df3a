/**
 * Voximplant error bodies in the forms the API (or a proxy in front of it) can send them: codes as
 * numbers or digit strings, `error` or an `errors` list with odd items, plain text. The caller
 * gets the right error class, code and name, and the provider's own words.
 */
import { BadRequestError, InvalidResponseError, NotFoundError, ServerError } from '@tenantkit/core';
import { describe, expect, it } from 'vitest';
import { recordingClient } from './fixtures.js';

async function failure(run: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  const error = await run.then(
    () => new Error('expected a failure'),
    (e: unknown) => e as Error,
  );
  if (error.message === 'expected a failure') throw error;
  return error as Error & Record<string, unknown>;
}

describe('voximplant error bodies inside HTTP 200', () => {
  it('a code sent as a digit string is read as the number it names', async () => {
    const { client } = recordingClient({ error: { code: '434', msg: 'Invalid subuser id.' } });
    const error = await failure(client.subUsers.delete({ subuser_id: 7 }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: 434, codeName: 'INVALID_SUB_USER_ID' });
  });

  it.each([
    ['a word', 'oops'],
    ['digits with a sign', '-434'],
    ['digits then text', '434x'],
    ['a fraction', 434.5],
    ['a boolean', true],
    ['a list of digits', [434]],
  ])('a code that is %s is no code: a BadRequestError without one', async (_name, code) => {
    const { client } = recordingClient({ error: { code, msg: 'strange' } }, { maxRetries: 0 });
    const error = await failure(client.subUsers.delete({ subuser_id: 7 }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.code).toBeUndefined();
    expect(error.codeName).toBeUndefined();
    expect(error.message).toContain('strange');
  });

  it('an `errors` list skips items that are not objects and joins every message', async () => {
    const { client } = recordingClient({
      errors: ['not an error', null, { code: 2, msg: 'first' }, { msg: 42 }, { msg: 'second' }],
    });
    const error = await failure(client.roles.groups());
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ code: 2, codeName: 'INTERNAL_ERROR' });
    expect(error.message).toContain('first; second');
    expect(error.message).not.toContain('not an error');
  });

  it.each([
    ['an empty `errors` list', { errors: [] }],
    ['an `errors` list of non-objects', { errors: ['x', 1] }],
    ['`error: null`', { error: null }],
    ['`error` as a string', { error: 'bad' }],
  ])('%s beside no result is an InvalidResponseError, not a provider error', async (_n, body) => {
    const { client } = recordingClient(body);
    const error = await failure(client.roles.list());
    expect(error).toBeInstanceOf(InvalidResponseError);
  });

  it('321 (the network to delete is not listed) is a NotFoundError', async () => {
    const { client } = recordingClient({
      error: { code: 321, msg: 'The authorized IP is not found' },
    });
    const error = await failure(client.authorizedIps.delete({ authorized_ip: '10.0.0.0/8' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: 321, codeName: 'AUTHORIZED_IP_NOT_FOUND', status: 200 });
  });

  it('a result beside an empty `errors` list is a success', async () => {
    const { client } = recordingClient({ result: [], errors: [] });
    await expect(client.roles.list()).resolves.toEqual([]);
  });
});

describe('voximplant error bodies on HTTP error statuses', () => {
  it('plain text is the provider message', async () => {
    const { client } = recordingClient(
      () => new Response('upstream is down for maintenance', { status: 503 }),
      { maxRetries: 0 },
    );
    const error = await failure(client.roles.list());
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe(
      'voximplant.GetRoles (POST /GetRoles): HTTP 503: upstream is down for maintenance',
    );
  });

  it('blank text is no message at all', async () => {
    const { client } = recordingClient(() => new Response('   ', { status: 400 }), {
      maxRetries: 0,
    });
    const error = await failure(client.roles.list());
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe('voximplant.GetRoles (POST /GetRoles): HTTP 400');
  });

  it('a JSON null is no message at all', async () => {
    const { client } = recordingClient(() => Response.json(null, { status: 500 }), {
      maxRetries: 0,
    });
    const error = await failure(client.roles.list());
    expect(error).toBeInstanceOf(ServerError);
    expect(error.code).toBeUndefined();
    expect(error.message).toBe('voximplant.GetRoles (POST /GetRoles): HTTP 500');
  });

  it('a JSON body with neither `error` nor `errors` carries no code', async () => {
    const { client } = recordingClient(() => Response.json({ detail: 'x' }, { status: 404 }), {
      maxRetries: 0,
    });
    const error = await failure(client.roles.list());
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBeUndefined();
  });
});
