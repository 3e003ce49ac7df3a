/**
 * `useAccountApiAddress`: which `api_address` answers are followed and which are not (and why),
 * and what the client does around it — the raw client's per-request `baseUrl`, no logger, the
 * platform's own fetch. Following needs a voximplant.com host, so those cases use the recording
 * fetch; the rest run against the scripted loopback server.
 */
import type { RecordedRequest } from '@tenantkit/mock';
import { describe, expect, it } from 'vitest';
import { apiBaseUrlFrom } from '../src/index.js';
import { BASE_URL, recordingClient } from './fixtures.js';
import { methodOf, scriptedVoximplant } from './support/scripted.js';

const voximplant = scriptedVoximplant();
const PROFILE = { account_id: 4242, account_name: 'acme-parent' };

describe('voximplant api_address: what is followed', () => {
  it.each([
    ['\u00a0api-eu.voximplant.com\u00a0', 'https://api-eu.voximplant.com/platform_api'],
    ['https://api.voximplant.com/platform_api//', 'https://api.voximplant.com/platform_api'],
    ['https://api.voximplant.com/v2', 'https://api.voximplant.com/v2'],
    ['voximplant.com', 'https://voximplant.com/platform_api'],
  ])('%j → %s', (address, baseUrl) => {
    expect(apiBaseUrlFrom(address)).toEqual({ baseUrl });
  });

  it.each([
    [' \n ', 'the answer has no api_address'],
    [42, 'the answer has no api_address'],
    ['api voximplant.com', 'api_address is not a host name or URL'],
    ['https://', 'api_address is not a host name or URL'],
    ['https://user@api.voximplant.com', 'api_address carries more than a host and path'],
    ['https://:pw@api.voximplant.com', 'api_address carries more than a host and path'],
    ['https://api.voximplant.com/#top', 'api_address carries more than a host and path'],
    ['api.voximplant.com.example.net', 'api_address is not a voximplant.com host'],
    ['https://api.voximplant.community', 'api_address is not a voximplant.com host'],
  ])('%j is not followed: %s', (address, ignored) => {
    expect(apiBaseUrlFrom(address)).toEqual({ ignored });
  });
});

/** GetAccountInfo names `address`; every other method answers 1. */
function answering(address: unknown) {
  return (request: RecordedRequest) =>
    Response.json(
      methodOf(request) === 'GetAccountInfo'
        ? { result: PROFILE, api_address: address }
        : { result: 1 },
    );
}

describe('voximplant api_address: the client around it', () => {
  it('a followed address is not logged as kept baseUrl', async () => {
    const logged: string[] = [];
    const { client, requests } = recordingClient(answering('api-eu.voximplant.com'), {
      useAccountApiAddress: true,
      logger: { debug: (message: string) => logged.push(message) },
    });
    await client.subUsers.delete({ subuser_id: 7 });
    expect(requests.map((r) => r.url.host)).toEqual(['voximplant.test', 'api-eu.voximplant.com']);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged).not.toContain('tenantkit voximplant keeps baseUrl');
  });

  it("the raw client's per-request baseUrl is kept, not moved to the account host", async () => {
    const { client, requests } = recordingClient(answering('api-eu.voximplant.com'), {
      useAccountApiAddress: true,
    });
    await client.raw.POST('/GetRoleGroups', { baseUrl: 'https://proxy.example/vox' });
    expect(requests.map((r) => r.url.origin + r.url.pathname)).toEqual([
      `${BASE_URL}/GetAccountInfo`,
      'https://proxy.example/vox/GetRoleGroups',
    ]);
  });

  it('with no fetch and no logger given: an address not followed keeps baseUrl, calls go on', async () => {
    voximplant.answer(answering('api.example.com'));
    const client = voximplant.client({ useAccountApiAddress: true });
    await expect(client.subUsers.delete({ subuser_id: 7 })).resolves.toBe(1);
    await expect(client.subUsers.delete({ subuser_id: 8 })).resolves.toBe(1);
    expect(voximplant.requests.map(methodOf)).toEqual([
      'GetAccountInfo',
      'DelSubUser',
      'DelSubUser',
    ]);
  });
});
