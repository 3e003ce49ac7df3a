/** tk.numbers: the capability check, the mapping to Vobiz and the cool-off, with an injected fetch. */
import { CoolOffError, ValidationError } from '@tenantkit/core';
import { createRecordingFetch, type RecordedRequest } from '@tenantkit/mock';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES, capabilityMatrix, createTenantkit, type NumberEntry } from '../src/index.js';

const SA = 'SA_ACME0001';
const NUMBER = '+919876543210';

function setup(respond: (request: RecordedRequest) => Response) {
  const recording = createRecordingFetch(respond);
  const tk = createTenantkit({
    fetch: recording.fetch,
    maxRetries: 0,
    vobiz: { authId: 'MA_PARENT01', authToken: 'parent-token', baseUrl: 'http://vobiz.test' },
    synthflow: { apiKey: 'synthflow-key', baseUrl: 'http://synthflow.test' },
  });
  return { tk, requests: recording.requests };
}

const numberItem = (e164: string, holder: string) => ({
  id: e164,
  e164,
  account_id: holder,
  status: 'active',
  country: 'IN',
});

describe('tk.numbers', () => {
  it('assign: Vobiz assign with the sub-account, answered in the unified shape', async () => {
    const { tk, requests } = setup(() => new Response(null, { status: 204 }));
    await expect(tk.numbers.assign('vobiz', NUMBER, SA)).resolves.toEqual({
      provider: 'vobiz',
      number: NUMBER,
      subAccountId: SA,
      assigned: true,
    });
    expect(requests[0]?.url.pathname).toBe(
      '/api/v1/account/MA_PARENT01/numbers/%2B919876543210/assign-subaccount',
    );
    expect(requests[0]?.body).toEqual({ sub_account_id: SA });
  });

  it('unassign: force goes to the query, the call options stay call options', async () => {
    const { tk, requests } = setup(() => new Response(null, { status: 204 }));
    await expect(
      tk.numbers.unassign('vobiz', NUMBER, { force: true, headers: { 'X-Trace': 't1' } }),
    ).resolves.toEqual({ provider: 'vobiz', number: NUMBER, assigned: false });
    expect(requests[0]?.method).toBe('DELETE');
    expect(requests[0]?.url.search).toBe('?force=true');
    expect(requests[0]?.headers.get('x-trace')).toBe('t1');
  });

  it('unassign within the cool-off: the CoolOffError reaches the caller with retryAt', async () => {
    const { tk } = setup(() =>
      Response.json(
        {
          error: 'did_cool_off_in_effect',
          cool_off_until: '2030-06-09T10:00:00Z',
          cool_off_remaining_seconds: 60,
        },
        { status: 409 },
      ),
    );
    const error = await tk.numbers.unassign('vobiz', NUMBER).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoolOffError);
    expect((error as CoolOffError).retryAt?.toISOString()).toBe('2030-06-09T10:00:00.000Z');
  });

  it('list: every number, or one sub-account’s, mapped to number/holder/status/country', async () => {
    const { tk, requests } = setup(() =>
      Response.json({
        items: [numberItem('+911111111111', 'MA_PARENT01'), numberItem(NUMBER, SA)],
        page: 1,
        per_page: 100,
        total: 2,
      }),
    );
    const all: NumberEntry[] = [];
    for await (const entry of tk.numbers.list('vobiz')) all.push(entry);
    const held: NumberEntry[] = [];
    for await (const entry of tk.numbers.list('vobiz', { subAccountId: SA })) held.push(entry);
    expect(all.map((entry) => [entry.number, entry.holder])).toEqual([
      ['+911111111111', 'MA_PARENT01'],
      [NUMBER, SA],
    ]);
    expect(held).toEqual([
      {
        provider: 'vobiz',
        number: NUMBER,
        holder: SA,
        status: 'active',
        country: 'IN',
        raw: numberItem(NUMBER, SA),
      },
    ]);
    expect(requests[1]?.url.searchParams.get('include_subaccounts')).toBe('true');
  });

  it.each([
    ['assign', (tk: ReturnType<typeof setup>['tk']) => tk.numbers.assign('synthflow', NUMBER, SA)],
    ['unassign', (tk: ReturnType<typeof setup>['tk']) => tk.numbers.unassign('synthflow', NUMBER)],
    [
      'list',
      (tk: ReturnType<typeof setup>['tk']) =>
        tk.numbers.list('synthflow')[Symbol.asyncIterator]().next(),
    ],
  ])(
    '%s on a provider without the capability is refused before any request',
    async (operation, call) => {
      const { tk, requests } = setup(() => Response.json({}));
      const error = await call(tk).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({
        provider: 'synthflow',
        operation: `numbers.${operation}`,
        field: 'provider',
        rule: 'unsupported-operation',
      });
      expect((error as Error).message).toContain('supported by: vobiz');
      expect(requests).toHaveLength(0);
    },
  );

  it('the provider client’s own checks still apply (a numeric sub-account id, a bad number)', async () => {
    const { tk, requests } = setup(() => Response.json({}));
    await expect(tk.numbers.assign('vobiz', NUMBER, '500001')).rejects.toMatchObject({
      field: 'sub_account_id',
      rule: 'sub-account-auth-id',
    });
    await expect(tk.numbers.assign('vobiz', '9876543210', SA)).rejects.toMatchObject({
      field: 'e164',
    });
    const walk = tk.numbers.list('vobiz', { limit: 0 })[Symbol.asyncIterator]();
    await expect(walk.next()).rejects.toMatchObject({ field: 'limit', rule: 'minimum' });
    expect(requests).toHaveLength(0);
  });
});

describe('capability table: numbers, child accounts, what stays on the provider clients', () => {
  it('the matrix has the new rows, from the same table the checks use', () => {
    const { rows } = capabilityMatrix();
    const row = (name: string) => rows.find((cells) => cells[0] === name);
    expect(
      row('numbers')
        ?.slice(1)
        .map((cell) => cell.split(':')[0]),
    ).toEqual(['no', 'yes', 'no', 'no']);
    expect(
      row('child accounts')
        ?.slice(1)
        .map((cell) => cell.split(':')[0]),
    ).toEqual(['no', 'no', 'yes', 'no']);
    expect(row('on the provider client only')?.[2]).toContain('vobiz.kyc');
    expect(row('on the provider client only')?.[3]).toContain('voximplant.authorizedIps');
    expect(CAPABILITIES.vobiz.numbers.supported).toBe(true);
  });

  it('Vobiz update fields are marked with the sources that confirm them', () => {
    const { rows } = capabilityMatrix();
    const vobizCell = (field: string) => rows.find((cells) => cells[0] === field)?.[2] ?? '';
    for (const field of ['email', 'description', 'limits', 'permissions'])
      expect(vobizCell(field)).toContain('confirmed only by the docs table and the official MCP');
    for (const field of ['name', 'enabled']) expect(vobizCell(field)).not.toContain('confirmed');
    expect(vobizCell('extra')).toContain('kyc_mode is confirmed by every source');
  });
});
