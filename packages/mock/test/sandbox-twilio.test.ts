/** The Twilio sandbox over raw HTTP: Prism reads its form bodies, Basic auth, Twilio's error body. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../src/index.js';
import { call, REPO_SPECS } from './support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ providers: ['twilio'], specs: REPO_SPECS, seed: 3 });
});
afterAll(() => sandbox.stop());

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
function twilio(path: string, init: RequestInit = {}, authorization?: string) {
  const { accountSid, authToken } = sandbox.credentials.twilio!;
  return call(`${sandbox.urls.twilio}/2010-04-01/${path}`, {
    ...init,
    headers: { authorization: authorization ?? basic(accountSid, authToken) },
  });
}
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  body: new URLSearchParams(fields),
});

describe('twilio sandbox over HTTP', () => {
  it('a form body is read: the name sent is the name kept', async () => {
    const created = await twilio('Accounts.json', form({ FriendlyName: 'Form & Co' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ friendly_name: 'Form & Co', status: 'active' });
    expect(sandbox.violations).toEqual([]);
  });

  it('a form field the spec refuses is stopped by Prism before the sandbox (a request violation)', async () => {
    const { sid } = (await twilio('Accounts.json', form({}))).body as { sid: string };
    const refused = await twilio(`Accounts/${sid}.json`, form({ Status: 'deleted' }));
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(sandbox.violations.splice(0)).toMatchObject([{ side: 'request' }]);
    expect(((await twilio(`Accounts/${sid}.json`)).body as { status: string }).status).toBe(
      'active',
    );
  });

  it('a wrong token is 401 with Twilio’s body; no credentials at all is Prism’s 401', async () => {
    const wrong = await twilio(
      'Accounts.json',
      {},
      basic(sandbox.credentials.twilio!.accountSid, 'x'),
    );
    expect(wrong).toMatchObject({
      status: 401,
      body: { code: 20003, message: 'Authenticate', status: 401 },
    });
    const anonymous = await call(`${sandbox.urls.twilio}/2010-04-01/Accounts.json`);
    expect(anonymous.status).toBe(401);
    sandbox.violations.length = 0;
  });

  it('a later page without its token is refused as Twilio does (20001)', async () => {
    const answer = await twilio('Accounts.json?Page=2');
    expect(answer).toMatchObject({ status: 400, body: { code: 20001 } });
  });
});
