/** Voximplant's account, child accounts and authorized IPs through the real client against the sandbox. */
import { NotFoundError } from '@tenantkit/core';
import { type AccountProfile, createVoximplantClient } from '@tenantkit/voximplant';
import { describe, expect, it } from 'vitest';
import { useSandbox } from '../support/sandbox.js';

const sandbox = useSandbox(['voximplant']);
const client = () =>
  createVoximplantClient({
    credentials: sandbox().credentials.voximplant?.credentials,
    baseUrl: sandbox().urls.voximplant,
  });

async function children(
  input: Parameters<ReturnType<typeof client>['childAccounts']['listAll']>[0] = {},
) {
  const found: AccountProfile[] = [];
  for await (const child of client().childAccounts.listAll(input)) found.push(child);
  return found;
}

describe('voximplant account and child accounts in the sandbox', () => {
  it('GetAccountInfo describes the account the token acts on, and names the sandbox as its host', async () => {
    const info = await client().account.info({ return_live_balance: false });
    expect(info.result).toMatchObject({
      account_id: sandbox().credentials.voximplant?.credentials.account_id,
      account_name: 'sandbox-parent',
      active: true,
      created: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
    });
    expect(sandbox().urls.voximplant).toContain(info.api_address);
  });

  it('three seeded children: filtered, ordered, paged with total_count, brief or medium', async () => {
    const all = await children({ count: 2 });
    expect(all.map((child) => child.account_name)).toEqual([
      'sandbox-parent-child-1',
      'sandbox-parent-child-2',
      'sandbox-parent-child-3',
    ]);
    const vox = client();
    expect(await vox.childAccounts.list({ active: false })).toMatchObject({
      total_count: 1,
      count: 1,
    });
    const brief = await vox.childAccounts.list({ brief_output: true });
    expect(brief.result.every((child) => Object.keys(child).join() === 'account_id')).toBe(true);
    const byEmail = await vox.childAccounts.list({
      child_account_email: 'child-2@sandbox.example',
    });
    expect(byEmail.result.map((child) => child.account_name)).toEqual(['sandbox-parent-child-2']);
    await expect(
      vox.childAccounts.list({ child_account_name: 'nobody-here' }),
    ).rejects.toMatchObject({
      code: 198,
    });
    expect(
      (
        await vox.childAccounts.list({
          child_account_name: 'nobody-here',
          ignore_invalid_accounts: true,
        })
      ).result,
    ).toEqual([]);
  });

  it('suspend, activate and edit children by id, name or all', async () => {
    const vox = client();
    const [first] = await children();
    const id = first?.account_id ?? 0;
    expect(await vox.childAccounts.suspend({ child_account_id: [id] })).toBe(1);
    expect((await vox.childAccounts.list({ child_account_id: [id] })).result[0]?.active).toBe(
      false,
    );
    await vox.childAccounts.activate({ child_account_id: 'all' });
    expect((await vox.childAccounts.list({ active: true })).total_count).toBe(3);
    await vox.childAccounts.update({
      child_account_name: ['sandbox-parent-child-2'],
      new_child_account_email: 'billing@child-two.example',
      language_code: 'de',
      min_balance_to_notify: 20,
    });
    const [second] = (
      await vox.childAccounts.list({ child_account_name: 'sandbox-parent-child-2' })
    ).result;
    expect(second).toMatchObject({
      account_email: 'billing@child-two.example',
      language_code: 'de',
      min_balance_to_notify: 20,
    });
    await expect(
      vox.childAccounts.update({
        child_account_email: ['child-1@sandbox.example'],
        new_child_account_email: 'billing@child-two.example',
      }),
    ).rejects.toMatchObject({ code: 128 });
    await expect(vox.childAccounts.suspend({ child_account_id: [1] })).rejects.toMatchObject({
      code: 194,
    });
  });
});

describe('voximplant authorized IPs in the sandbox', () => {
  it('allow a network, block a narrower one, check addresses, list, remove', async () => {
    const ips = client().authorizedIps;
    // No allow-list yet: every address may call.
    expect(await ips.check({ authorized_ip: '203.0.113.7' })).toEqual({ result: true });
    await ips.add({ authorized_ip: '92.255.0.0/16', description: 'Office' });
    await ips.add({ authorized_ip: '92.255.220.0/24', allowed: false });
    expect(await ips.check({ authorized_ip: '92.255.1.1' })).toEqual({
      result: true,
      authorized_ip: '92.255.0.0/16',
    });
    expect(await ips.check({ authorized_ip: '92.255.220.9' })).toEqual({
      result: false,
      authorized_ip: '92.255.220.0/24',
    });
    expect(await ips.check({ authorized_ip: '203.0.113.7' })).toEqual({ result: false });

    const listed = await ips.list({ contains_ip: '92.255.220.9' });
    expect(listed).toMatchObject({ total_count: 2, count: 2 });
    expect((await ips.list({ allowed: false })).result.map((entry) => entry.authorized_ip)).toEqual(
      ['92.255.220.0/24'],
    );
    expect(await ips.delete({ contains_ip: '92.255.220.9', allowed: false })).toBe(1);
    await expect(ips.delete({ authorized_ip: '10.0.0.0/8' })).rejects.toMatchObject({
      constructor: NotFoundError,
      code: 321,
    });
    expect(await ips.delete({ authorized_ip: 'all' })).toBe(1);
    expect((await ips.list()).total_count).toBe(0);
  });

  it('what is not an IPv4 address (octet over 255, or a network where an address is due) is error 320', async () => {
    // Through `raw`: the client refuses these itself, and the point is the sandbox's own answer.
    const { raw } = client();
    for (const authorized_ip of ['999.1.1.1', '92.255.0.0/16']) {
      const { data } = await raw.POST('/CheckAuthorizedAccountIP', {
        params: { query: { authorized_ip } },
      });
      expect(data).toEqual({
        error: { code: 320, msg: "The 'authorized_ip' parameter is invalid" },
      });
    }
  });
});
