/** Vobiz numbers and sub-account KYC through the real client against the sandbox. */
import {
  BadRequestError,
  CoolOffError,
  NotFoundError,
  PermissionDeniedError,
} from '@tenantkit/core';
import { createVobizClient, type PhoneNumber } from '@tenantkit/vobiz';
import { describe, expect, it } from 'vitest';
import { useSandbox } from '../support/sandbox.js';

const sandbox = useSandbox(['vobiz']);
const client = (options: { bearer?: boolean } = {}) => {
  const { authId = '', authToken = '', bearerToken = '' } = sandbox().credentials.vobiz ?? {};
  return createVobizClient({
    authId,
    authToken: options.bearer ? 'not-the-token' : authToken,
    ...(options.bearer && { bearerToken }),
    baseUrl: sandbox().urls.vobiz,
  });
};

async function all(iterable: AsyncIterable<PhoneNumber>) {
  const items: PhoneNumber[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('vobiz numbers in the sandbox', () => {
  it('the parent holds four numbers; one moves to a sub-account, is listed there, and comes back', async () => {
    const vobiz = client();
    const numbers = await all(vobiz.numbers.listAll());
    expect(numbers).toHaveLength(4);
    expect(numbers.every((number) => number.account_id === vobiz.authId)).toBe(true);
    const { auth_credentials } = await vobiz.subAccounts.create({ name: 'Numbers' });
    const sub = auth_credentials.auth_id;
    const quiet = numbers[1] as PhoneNumber; // never called: no cool-off

    await vobiz.numbers.assign(quiet.e164, sub);
    expect((await all(vobiz.numbers.listForSubAccount(sub))).map((number) => number.e164)).toEqual([
      quiet.e164,
    ]);
    expect((await vobiz.numbers.list({ include_subaccounts: false })).total).toBe(3);
    expect(
      (await vobiz.numbers.list({ search: quiet.e164.slice(0, 8) })).items.map(
        (number) => number.e164,
      ),
    ).toContain(quiet.e164);

    await vobiz.numbers.unassign(quiet.e164);
    expect(await all(vobiz.numbers.listForSubAccount(sub))).toEqual([]);
    await vobiz.subAccounts.delete(sub);
  });

  it('within 15 days of a call the number cannot come back: a CoolOffError says when; force is for admins', async () => {
    const vobiz = client();
    const [recent] = await all(vobiz.numbers.listAll()); // it carried a call three days ago
    const { auth_credentials } = await vobiz.subAccounts.create({ name: 'Cool-off' });
    await vobiz.numbers.assign(recent?.e164 ?? '', auth_credentials.auth_id);

    const refused = await vobiz.numbers
      .unassign(recent?.e164 ?? '')
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CoolOffError);
    const retryAt = (refused as CoolOffError).retryAt?.getTime() ?? 0;
    expect(retryAt - Date.now()).toBeGreaterThan(11 * 86_400_000);
    await expect(
      vobiz.numbers.unassign(recent?.e164 ?? '', { force: true }),
    ).rejects.toBeInstanceOf(PermissionDeniedError);
    // Deleting the sub-account gives its numbers back to the parent.
    await vobiz.subAccounts.delete(auth_credentials.auth_id);
    expect(
      (await all(vobiz.numbers.listAll())).every((number) => number.account_id === vobiz.authId),
    ).toBe(true);
  });

  it('an unknown number, an unknown sub-account, or a number already elsewhere are refused', async () => {
    const vobiz = client();
    const [, , first, second] = await all(vobiz.numbers.listAll());
    const a = (await vobiz.subAccounts.create({ name: 'A' })).auth_credentials.auth_id;
    const b = (await vobiz.subAccounts.create({ name: 'B' })).auth_credentials.auth_id;
    await expect(vobiz.numbers.assign('+911100000000', a)).rejects.toBeInstanceOf(NotFoundError);
    await expect(vobiz.numbers.assign(first?.e164 ?? '', 'SA_NOTHERE')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await vobiz.numbers.assign(first?.e164 ?? '', a);
    await vobiz.numbers.assign(first?.e164 ?? '', a); // again: nothing changes
    await expect(vobiz.numbers.assign(first?.e164 ?? '', b)).rejects.toBeInstanceOf(
      BadRequestError,
    );
    await expect(vobiz.numbers.unassign(second?.e164 ?? '')).rejects.toBeInstanceOf(
      BadRequestError,
    );
    for (const id of [a, b]) await vobiz.subAccounts.delete(id);
  });
});

describe('vobiz sub-account KYC in the sandbox', () => {
  it('a company passes with PAN and CIN: the status and the sub-account’s call block follow', async () => {
    const vobiz = client();
    const { auth_credentials } = await vobiz.subAccounts.create({
      name: 'Acme Private Limited',
      email: 'kyc@acme.example',
      kyc_mode: 'customer_use',
      business_type: 'private_limited',
    });
    const id = auth_credentials.auth_id;
    expect(await vobiz.kyc.status(id)).toMatchObject({
      overall_status: 'not_started',
      kyc_calls_blocked: true,
    });

    const pan = await vobiz.kyc.verifyPan(id, { pan: 'ABCDE1234F' });
    expect(pan).toMatchObject({
      verification_type: 'pan',
      status: 'verified',
      registered_name: 'ACME PRIVATE LIMITED',
    });
    expect(await vobiz.kyc.status(id)).toMatchObject({
      overall_status: 'pending',
      verifications: {
        pan: 'verified',
        cin: 'not_started',
        gst: 'not_started',
        aadhaar: 'not_started',
      },
    });

    const { matches } = await vobiz.kyc.searchCin(id, { company_name: 'Acme Private Limited' });
    const cin = matches?.[0]?.cin ?? '';
    const wrong = await vobiz.kyc.confirmCin(id, {
      company_name: 'Acme Private Limited',
      selected_cin: 'U00000XX0000PTC000000',
    });
    expect(wrong.status).toBe('failed');
    expect((await vobiz.kyc.status(id)).overall_status).toBe('failed');
    const confirmed = await vobiz.kyc.confirmCin(id, {
      company_name: 'Acme Private Limited',
      selected_cin: cin,
    });
    expect(confirmed).toMatchObject({ status: 'verified', kyc_calls_blocked: false });

    expect(await vobiz.kyc.status(id)).toMatchObject({
      overall_status: 'verified',
      kyc_calls_blocked: false,
    });
    expect((await vobiz.subAccounts.get(id)).kyc_calls_blocked).toBe(false);
    await vobiz.subAccounts.delete(id);
  });

  it('a person passes with PAN and DigiLocker; the GSTIN check and the parent’s sign-in token work too', async () => {
    const vobiz = client({ bearer: true }); // the pair's token is wrong: only the bearer can pass
    const { auth_credentials } = await client().subAccounts.create({
      name: 'Priya Shah',
      email: 'priya@example.com',
      kyc_mode: 'customer_use',
      business_type: 'individual',
    });
    const id = auth_credentials.auth_id;
    await vobiz.kyc.verifyPan(id, { pan: 'ABCPS1234K' });
    expect((await vobiz.kyc.verifyGst(id, { gstin: '29AAJCN5983D1Z0' })).status).toBe('verified');
    const { access_request_id = '' } = await vobiz.kyc.initiateDigilocker(id, {
      redirect_url: 'https://app.example.com/kyc/done',
    });
    expect((await vobiz.kyc.status(id)).verifications?.aadhaar).toBe('pending');
    await expect(
      vobiz.kyc.verifyDigilocker(id, { access_request_id: 'AR_UNKNOWN' }),
    ).rejects.toBeInstanceOf(BadRequestError);
    expect(await vobiz.kyc.verifyDigilocker(id, { access_request_id })).toMatchObject({
      verification_type: 'aadhaar',
      status: 'verified',
      kyc_calls_blocked: false,
    });
    // The sign-in token opens the KYC calls only.
    await expect(vobiz.subAccounts.get(id)).rejects.toMatchObject({ status: 401 });
    await client().subAccounts.delete(id);
  });

  it('hosted sessions: the email flow falls back to the sub-account’s email; the redirect flow gives a widget', async () => {
    const vobiz = client();
    const { auth_credentials } = await vobiz.subAccounts.create({
      name: 'Hosted',
      email: 'owner@hosted.example',
    });
    const id = auth_credentials.auth_id;
    const emailed = await vobiz.kyc.createSession(id, { flow_type: 'email', expires_in_days: 7 });
    expect(emailed).toMatchObject({
      account_auth_id: id,
      status: 'email_sent',
      customer_email: 'owner@hosted.example',
      email_dispatched_to: 'o****@hosted.example',
      widget_url: null,
    });
    const redirect = await vobiz.kyc.createSession(id, {
      flow_type: 'redirect',
      redirect_url: 'https://app.example.com/done',
    });
    expect(redirect.widget_url).toContain(redirect.session_id);
    await expect(vobiz.kyc.status('SA_NOTHERE')).rejects.toBeInstanceOf(NotFoundError);
    await vobiz.subAccounts.delete(id);
  });
});
