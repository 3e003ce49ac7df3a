/** Every Vobiz operation through the real client against the sandbox, paging over many records. */
import {
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
} from '@tenantkit/core';
import { createVobizClient } from '@tenantkit/vobiz';
import { describe, expect, it } from 'vitest';
import { useSandbox } from '../support/sandbox.js';

const sandbox = useSandbox(['vobiz']);
const client = (credentials = sandbox().credentials.vobiz ?? { authId: '', authToken: '' }) =>
  createVobizClient({ ...credentials, baseUrl: sandbox().urls.vobiz });

describe('vobiz sub-accounts in the sandbox', () => {
  it('create shows the auth token once; every later read masks it', async () => {
    const vobiz = client();
    const created = await vobiz.subAccounts.create({
      name: 'Acme Retail',
      email: 'ops@acme.example',
      kyc_mode: 'customer_use',
      business_type: 'private_limited',
      permissions: { calls: true, cdr: false },
    });
    const { auth_id, auth_token } = created.auth_credentials;
    expect(auth_id).toMatch(/^SA_[A-Z0-9]{8}$/);
    expect(auth_token).toMatch(/^[0-9a-f]{32}$/);
    expect(created.sub_account).toMatchObject({
      auth_id,
      auth_token,
      id: expect.stringMatching(/^\d+$/),
      rate_limit: 1000,
      enabled: true,
      kyc_calls_blocked: true,
      parent_auth_id: vobiz.authId,
    });
    expect(created.tokens).toMatchObject({ token_type: 'bearer', expires_in: 1800 });

    const read = await vobiz.subAccounts.get(auth_id);
    expect(read).toEqual({ ...created.sub_account, auth_token: '<redacted>' });
    expect(JSON.stringify(await vobiz.subAccounts.list())).not.toContain(auth_token);

    // The one-time credentials are real: they authenticate, as the sub-account (which may not
    // manage sub-accounts).
    await expect(
      client({ authId: auth_id, authToken: auth_token }).subAccounts.list(),
    ).rejects.toBeInstanceOf(PermissionDeniedError);
    await vobiz.subAccounts.delete(auth_id);
  });

  it('update changes only what is sent; customer_use needs an email first', async () => {
    const vobiz = client();
    const { auth_credentials } = await vobiz.subAccounts.create({ name: 'Plain', rate_limit: 50 });
    const id = auth_credentials.auth_id;
    const updated = await vobiz.subAccounts.update(id, { enabled: false, description: 'Paused' });
    expect(updated).toMatchObject({
      name: 'Plain',
      rate_limit: 50,
      enabled: false,
      is_active: false,
      description: 'Paused',
    });
    expect(await vobiz.subAccounts.get(id)).toEqual(updated);

    await expect(vobiz.subAccounts.update(id, { kyc_mode: 'customer_use' })).rejects.toMatchObject({
      constructor: BadRequestError,
      status: 400,
    });
    const promoted = await vobiz.subAccounts.update(id, {
      email: 'kyc@acme.example',
      kyc_mode: 'customer_use',
    });
    expect(promoted).toMatchObject({ kyc_mode: 'customer_use', kyc_calls_blocked: true });
    await vobiz.subAccounts.delete(id);
  });

  it('pages over 60 sub-accounts newest first, and active_only leaves the disabled ones out', async () => {
    const vobiz = client();
    const names = Array.from(
      { length: 60 },
      (_, index) => `Tenant ${String(index + 1).padStart(2, '0')}`,
    );
    const ids: string[] = [];
    for (const name of names) {
      const created = await vobiz.subAccounts.create({ name, enabled: !name.endsWith('0') });
      ids.push(created.auth_credentials.auth_id);
    }
    const before = sandbox().exchanges.length;
    const listed: string[] = [];
    for await (const account of vobiz.subAccounts.listAll({ size: 25 })) listed.push(account.name);
    expect(listed).toEqual([...names].reverse());
    const pages = sandbox()
      .exchanges.slice(before)
      .filter((exchange) => exchange.operationId === 'listSubAccounts');
    expect(pages).toHaveLength(3);

    const page2 = await vobiz.subAccounts.list({ page: 2, size: 25 });
    expect(page2).toMatchObject({ total: 60, page: 2, size: 25 });
    expect(page2.sub_accounts.map((account) => account.name)).toEqual(
      [...names].reverse().slice(25, 50),
    );

    const active: string[] = [];
    for await (const account of vobiz.subAccounts.listAll({ active_only: true, size: 100 }))
      active.push(account.name);
    expect(active).toHaveLength(54);
    expect(active.some((name) => name.endsWith('0'))).toBe(false);
    expect((await vobiz.subAccounts.list({ active_only: true })).total).toBe(54);

    for (const id of ids) await vobiz.subAccounts.delete(id);
    expect((await vobiz.subAccounts.list()).total).toBe(0);
  });

  it('a deleted sub-account is gone, and an unknown one is a 404', async () => {
    const vobiz = client();
    const { auth_credentials } = await vobiz.subAccounts.create({ name: 'Short-lived' });
    expect(await vobiz.subAccounts.delete(auth_credentials.auth_id)).toEqual({
      message: 'Sub-account deleted successfully',
    });
    await expect(vobiz.subAccounts.get(auth_credentials.auth_id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(vobiz.subAccounts.delete(auth_credentials.auth_id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(vobiz.subAccounts.update('SA_NOTHERE', { name: 'x' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('a wrong token is refused', async () => {
    const { authId } = sandbox().credentials.vobiz ?? { authId: '' };
    await expect(client({ authId, authToken: 'wrong' }).subAccounts.list()).rejects.toBeInstanceOf(
      AuthenticationError,
    );
  });
});
