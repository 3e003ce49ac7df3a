import type { Secret } from '@tenantkit/core';
import type { Subaccount } from '@tenantkit/synthflow';
import type { SubAccount as VobizWire } from '@tenantkit/vobiz';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type CreateResult,
  createTenantkit,
  type NumberAssignment,
  type NumberEntry,
  type SubAccount,
} from '../src/index.js';

const tk = createTenantkit({ synthflow: { apiKey: 'k' } });

describe('unified model types', () => {
  it('create inputs are typed per provider', () => {
    tk.subaccounts.create('synthflow', {
      name: 'a',
      limits: { maxMinutes: null },
      permissions: { grant: ['inbound'] },
    });
    // @ts-expect-error enabled is not supported by Synthflow
    tk.subaccounts.create('synthflow', { name: 'a', enabled: true });
    // @ts-expect-error password is not supported by Synthflow
    tk.subaccounts.create('synthflow', { name: 'a', password: 'x' });
    // @ts-expect-error not a Synthflow permission
    tk.subaccounts.create('synthflow', { name: 'a', permissions: { grant: ['teleport'] } });
    // @ts-expect-error a Vobiz limit is not a Synthflow limit
    tk.subaccounts.create('synthflow', { name: 'a', limits: { rateLimit: 1 } });
    tk.subaccounts.create('vobiz', {
      name: 'a',
      enabled: false,
      limits: { rateLimit: 5 },
      permissions: { calls: true },
    });
    // @ts-expect-error Voximplant requires a password
    tk.subaccounts.create('voximplant', { name: 'agent_one' });
    // @ts-expect-error limits are not supported by Voximplant
    tk.subaccounts.create('voximplant', { name: 'agent_one', password: 'x', limits: {} });
    tk.subaccounts.create('voximplant', {
      name: 'agent_one',
      password: 'x',
      // @ts-expect-error roles are all ids or all names
      roles: { grant: [1, 'Support'] },
    });
  });

  it('update patches are typed per provider', () => {
    tk.subaccounts.update('voximplant', '109', {
      roles: { revoke: ['Support'] },
      description: 'd',
    });
    // @ts-expect-error a Voximplant sub-user cannot be renamed
    tk.subaccounts.update('voximplant', '109', { name: 'x' });
    // @ts-expect-error Vobiz takes a password on create only
    tk.subaccounts.update('vobiz', 'SA_1', { password: 'x' });
  });

  it('results are narrowed by provider', () => {
    expectTypeOf(tk.subaccounts.get('synthflow', 'id'))
      .resolves.toHaveProperty('raw')
      .toEqualTypeOf<Subaccount>();
    expectTypeOf(tk.subaccounts.get('vobiz', 'SA_1'))
      .resolves.toHaveProperty('raw')
      .toEqualTypeOf<VobizWire>();
    expectTypeOf<CreateResult<'vobiz'>['credentials']['authToken']>().toEqualTypeOf<
      Secret | undefined
    >();
    expectTypeOf<CreateResult<'voximplant'>['credentials']>().toEqualTypeOf<
      Record<string, never>
    >();
  });

  it('the open union is discriminated by provider', () => {
    const account = {} as SubAccount;
    if (account.provider === 'vobiz') expectTypeOf(account.raw).toEqualTypeOf<VobizWire>();
    // @ts-expect-error not a provider
    tk.subaccounts.get('plivo', 'x');
  });

  it('numbers: assignments and entries', () => {
    expectTypeOf(
      tk.numbers.assign('vobiz', '+919876543210', 'SA_1'),
    ).resolves.toEqualTypeOf<NumberAssignment>();
    expectTypeOf(
      tk.numbers.unassign('vobiz', '+919876543210', { force: true, timeoutMs: 5_000 }),
    ).resolves.toEqualTypeOf<NumberAssignment>();
    expectTypeOf(tk.numbers.list('vobiz', { subAccountId: 'SA_1' })).toEqualTypeOf<
      AsyncIterable<NumberEntry>
    >();
    expectTypeOf<NumberEntry['raw']['e164']>().toEqualTypeOf<string>();
    // @ts-expect-error force is a boolean
    tk.numbers.unassign('vobiz', '+919876543210', { force: 'yes' });
  });
});
