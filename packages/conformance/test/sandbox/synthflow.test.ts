/** Every Synthflow operation through the real client against the sandbox, Prism validating both ways. */
import { AuthenticationError, NotFoundError } from '@tenantkit/core';
import { createSynthflowClient } from '@tenantkit/synthflow';
import { describe, expect, it } from 'vitest';
import { useSandbox } from '../support/sandbox.js';

const sandbox = useSandbox(['synthflow']);
const client = (apiKey = sandbox().credentials.synthflow?.apiKey ?? '') =>
  createSynthflowClient({ apiKey, baseUrl: sandbox().urls.synthflow });

describe('synthflow sub-accounts in the sandbox', () => {
  it('create hands out a one-time api_key and sign-in link; get answers the same record', async () => {
    const synthflow = client();
    const created = await synthflow.subaccounts.create({
      subaccount_name: 'Acme Dental',
      user_email: 'owner@acme.example',
      max_minutes: 1000,
      concurrency: 5,
      revoke_permissions: ['widget'],
    });
    expect(created.subaccount_id).toMatch(/^\d{13}x\d{18}$/);
    expect(created.api_key).toMatch(/^\d{13}x\d{18}$/);
    expect(created.sign_in_link).toMatch(/^https:\/\/fine-tuner\.ai\/invite\//);
    expect(created.user_email).toBe('owner@acme.example');

    const { subaccounts } = await synthflow.subaccounts.get(created.subaccount_id ?? '');
    expect(subaccounts).toHaveLength(1);
    expect(subaccounts?.[0]).toMatchObject({
      subaccount_id: created.subaccount_id,
      name: 'Acme Dental',
      max_minutes: 1000,
      minutes_used: 0,
      members: [{ email: 'owner@acme.example', status: 'pending' }],
      permissions: { widget: false, inbound: true },
    });
    // Handed out once: no read shows the key again.
    expect(JSON.stringify(await synthflow.subaccounts.list())).not.toContain(created.api_key);
    await synthflow.subaccounts.delete(created.subaccount_id ?? '');
  });

  it('a new sub-account inherits the permissions of the latest one (Synthflow’s rule)', async () => {
    const synthflow = client();
    const first = await synthflow.subaccounts.create({
      subaccount_name: 'First',
      revoke_permissions: ['chat', 'logs'],
    });
    const second = await synthflow.subaccounts.create({
      subaccount_name: 'Second',
      grant_permissions: ['logs'],
    });
    const { subaccounts } = await synthflow.subaccounts.get(second.subaccount_id ?? '');
    expect(subaccounts?.[0]?.permissions).toMatchObject({ chat: false, logs: true, inbound: true });
    for (const id of [first.subaccount_id, second.subaccount_id])
      await synthflow.subaccounts.delete(id ?? '');
  });

  it('update changes only what is sent, and the next get shows it', async () => {
    const synthflow = client();
    const { subaccount_id: id = '' } = await synthflow.subaccounts.create({
      subaccount_name: 'Before',
      max_minutes: 10,
    });
    const updated = await synthflow.subaccounts.update(id, {
      subaccount_name: 'After',
      max_minutes: null,
      grant_permissions: ['assistants'],
      revoke_permissions: ['actions'],
      invite_user_email: 'second@acme.example',
      pricing_tiers_attach: [{ pricing_tier_id: 'tier-a' }, { pricing_tier_id: 'tier-b' }],
      import_subscription: { stripe_subscription_id: 'sub_1', synthflow_price_id: 'tier-a' },
    });
    expect(updated).toMatchObject({ subaccount_id: id, user_email: 'second@acme.example' });
    expect(updated.sign_in_link).toBeDefined();
    await synthflow.subaccounts.update(id, {
      pricing_tiers_detach: [{ pricing_tier_id: 'tier-b' }],
    });

    const { subaccounts } = await synthflow.subaccounts.get(id);
    expect(subaccounts?.[0]).toMatchObject({
      name: 'After',
      max_minutes: null,
      permissions: { assistants: true, actions: false },
      pricing_tiers: [{ pricing_tier_id: 'tier-a' }],
      subscription: { stripe_subscription_id: 'sub_1', synthflow_price_id: 'tier-a' },
      members: [{ email: 'second@acme.example' }],
    });
    await synthflow.subaccounts.delete(id);
  });

  it('list answers every sub-account at once; delete removes it for good', async () => {
    const synthflow = client();
    const ids: string[] = [];
    for (const name of ['One', 'Two', 'Three'])
      ids.push((await synthflow.subaccounts.create({ subaccount_name: name })).subaccount_id ?? '');
    const listed = (await synthflow.subaccounts.list()).subaccounts?.map((item) => item.name);
    expect(listed).toEqual(['One', 'Two', 'Three']);

    const deleted = await synthflow.subaccounts.delete(ids[1] ?? '');
    expect(deleted.answer).toBe('Subaccount deleted.');
    await expect(synthflow.subaccounts.get(ids[1] ?? '')).rejects.toMatchObject({
      constructor: NotFoundError,
      status: 404,
    });
    await expect(synthflow.subaccounts.delete(ids[1] ?? '')).rejects.toBeInstanceOf(NotFoundError);
    expect((await synthflow.subaccounts.list()).subaccounts?.map((item) => item.name)).toEqual([
      'One',
      'Three',
    ]);
    for (const id of [ids[0], ids[2]]) await synthflow.subaccounts.delete(id ?? '');
  });

  it('a key that is not the workspace’s is refused', async () => {
    await expect(client('someone-elses-key').subaccounts.list()).rejects.toBeInstanceOf(
      AuthenticationError,
    );
  });
});
