/**
 * The wire helpers the package exports (`serializeQuery`, `wireValue`): what a query string looks
 * like, what is left out, and the error for a value that has no wire form.
 */
import { describe, expect, it } from 'vitest';
import { serializeQuery, wireValue } from '../src/index.js';
import { scriptedVoximplant } from './support/scripted.js';

describe('voximplant wire', () => {
  it('serializeQuery leaves out undefined and null, writes the rest as the API reads it', () => {
    expect(
      serializeQuery({
        gone: undefined,
        none: null,
        with_roles: true,
        count: 20,
        role_name: ['Admin', 'Support desk'],
        description: 'a&b',
      }),
    ).toBe('with_roles=true&count=20&role_name=Admin%3BSupport%20desk&description=a%26b');
  });

  it('an empty query is an empty string', () => {
    expect(serializeQuery({ gone: undefined })).toBe('');
  });

  it.each([
    [{ nested: true }, 'voximplant: an object cannot be sent as a query parameter'],
    [undefined, 'voximplant: an undefined value cannot be sent as a query parameter'],
    [[1, null], 'voximplant: an object cannot be sent as a query parameter'],
    [() => 1, 'voximplant: a function cannot be sent as a query parameter'],
  ])('wireValue(%o) is a TypeError saying what it got', (value, message) => {
    expect(() => wireValue(value)).toThrow(new TypeError(message));
  });
});

describe('voximplant wire: what the debug log shows', () => {
  const voximplant = scriptedVoximplant();
  it('the logged input leaves out the fields given as undefined', async () => {
    const logged: Array<Record<string, unknown>> = [];
    const client = voximplant.client({
      logger: {
        debug: (message: string, details?: Record<string, unknown>) => {
          if (message === 'tenantkit request' && details) logged.push(details);
        },
      },
    });
    await client.subUsers.list({ subuser_id: 7, with_roles: undefined });
    expect(logged).toHaveLength(1);
    expect(Object.keys(logged[0]?.body as object)).toEqual(['subuser_id']);
  });
});
