/**
 * Twilio in the facade, against the stateful sandbox (Prism checks every request and answer): the
 * unified model over Twilio's Account resource, `delete` = close (final), and the Synthflow ↔
 * Twilio link, whose token stays a secret throughout.
 */
import { inspect } from 'node:util';
import {
  BadRequestError,
  ConfigurationError,
  type Logger,
  Secret,
  ValidationError,
} from '@tenantkit/core';
import type { Sandbox } from '@tenantkit/mock';
import { createTwilioClient } from '@tenantkit/twilio';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTenantkit, type Tenantkit } from '../src/index.js';
import { useSandboxFacade } from './support/sandbox.js';

let sandbox: Sandbox;
let tk: Tenantkit;
/** What the Synthflow client sent, body by body (the link's fields land there). */
const synthflowBodies: Array<Record<string, unknown>> = [];
const logged: string[] = [];
const logger: Logger = {
  debug: (message, details) => logged.push(`${message} ${inspect(details)}`),
};

const sandboxed = useSandboxFacade({
  serve: ['synthflow', 'twilio'],
  facade: ['twilio', 'synthflow'],
  seed: 15,
  options: {
    logger,
    synthflow: {
      fetch: async (request, init) => {
        const text = await request.clone().text();
        if (text) synthflowBodies.push(JSON.parse(text));
        return fetch(request, init);
      },
    },
  },
});
beforeAll(() => {
  ({ sandbox, tk } = sandboxed);
});
beforeEach(() => {
  synthflowBodies.length = 0;
  logged.length = 0;
});

describe('twilio in the unified model', () => {
  it('create hands out the sub-account token once, as a Secret; raw redacts it', async () => {
    const created = await tk.subaccounts.create('twilio', { name: 'Acme Dental' });
    expect(created).toMatchObject({ provider: 'twilio', name: 'Acme Dental' });
    expect(created.id).toMatch(/^AC[0-9a-f]{32}$/);
    const token = created.credentials.authToken!;
    expect(String(token)).toBe('[REDACTED]');
    expect(created.raw.auth_token).toBe('[REDACTED]');
    // The token is the real one: it authenticates as the new sub-account.
    const itself = createTwilioClient({
      accountSid: created.id,
      authToken: token.reveal(),
      baseUrl: sandbox.urls.twilio,
    });
    expect((await itself.subaccounts.get(created.id)).friendly_name).toBe('Acme Dental');
    expect(JSON.stringify(created)).not.toContain(token.reveal());
    expect(logged.join('\n')).not.toContain(token.reveal());
  });

  it('get and list: name, enabled, createdAt in ISO; the main account is not listed', async () => {
    const created = await tk.subaccounts.create('twilio', { name: 'Listed' });
    const got = await tk.subaccounts.get('twilio', created.id);
    expect(got).toMatchObject({ id: created.id, name: 'Listed', enabled: true });
    expect(got.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
    const ids: string[] = [];
    for await (const account of tk.subaccounts.list('twilio', { pageSize: 1 }))
      ids.push(account.id);
    expect(ids).toContain(created.id);
    expect(ids).not.toContain(sandbox.credentials.twilio!.accountSid);
    const two: string[] = [];
    for await (const account of tk.subaccounts.list('twilio', { limit: 2, pageSize: 1 }))
      two.push(account.id);
    expect(two).toHaveLength(2);
  });

  it('update: name ↔ FriendlyName, enabled ↔ active/suspended', async () => {
    const { id } = await tk.subaccounts.create('twilio', { name: 'Before' });
    expect(
      await tk.subaccounts.update('twilio', id, { name: 'After', enabled: false }),
    ).toMatchObject({ name: 'After', enabled: false, raw: { status: 'suspended' } });
    expect(await tk.subaccounts.update('twilio', id, { enabled: true })).toMatchObject({
      enabled: true,
      raw: { status: 'active' },
    });
  });

  it('delete closes the sub-account, for good', async () => {
    const { id } = await tk.subaccounts.create('twilio', { name: 'Closing' });
    const deleted = await tk.subaccounts.delete('twilio', id);
    expect(deleted).toMatchObject({
      provider: 'twilio',
      id,
      deleted: true,
      raw: { status: 'closed' },
    });
    expect(await tk.subaccounts.get('twilio', id)).toMatchObject({
      enabled: false,
      raw: { status: 'closed' },
    });
    const reopen = await tk.subaccounts.update('twilio', id, { enabled: true }).catch((e) => e);
    expect(reopen).toBeInstanceOf(BadRequestError);
    expect(reopen).toMatchObject({ code: 21479, codeName: 'SUBACCOUNT_CLOSED' });
    expect(tk.capabilities('twilio').delete).toMatch(/IRREVERSIBLE/);
  });

  it('the main account cannot be deleted through the facade (refused before sending)', async () => {
    const before = sandbox.exchanges.length;
    await expect(
      tk.subaccounts.delete('twilio', sandbox.credentials.twilio!.accountSid),
    ).rejects.toMatchObject({ field: 'id', rule: 'not-main-account' });
    expect(sandbox.exchanges.length).toBe(before);
  });

  it('fields Twilio cannot honour are refused, naming the field', async () => {
    await expect(
      tk.subaccounts.create('twilio', { name: 'x', enabled: false } as never),
    ).rejects.toMatchObject({ field: 'enabled', rule: 'unsupported-field' });
    await expect(
      tk.subaccounts.update('twilio', 'AC00000000000000000000000000000000', {
        email: 'a@b.c',
      } as never),
    ).rejects.toMatchObject({ field: 'email', rule: 'unsupported-field' });
    await expect(
      tk.subaccounts.update('twilio', 'AC00000000000000000000000000000000', {
        enabled: 'no',
      } as never),
    ).rejects.toMatchObject({ field: 'enabled', rule: 'boolean' });
  });
});

describe('the Synthflow ↔ Twilio link', () => {
  it('a Twilio create result: Synthflow gets its SID and token, and nothing prints the token', async () => {
    const twilio = await tk.subaccounts.create('twilio', { name: 'Acme telephony' });
    const token = twilio.credentials.authToken!.reveal();
    const synthflow = await tk.subaccounts.create('synthflow', { name: 'Acme', twilio });
    expect(synthflowBodies).toEqual([
      { subaccount_name: 'Acme', twilio_account_sid: twilio.id, twilio_auth_token: token },
    ]);
    expect(JSON.stringify(synthflow)).not.toContain(token);
    expect(inspect(synthflow, { depth: 10 })).not.toContain(token);
    expect(logged.join('\n')).not.toContain(token);
  });

  it('a Twilio sub-account of the facade: its token is read from Twilio', async () => {
    const created = await tk.subaccounts.create('twilio', { name: 'Read back' });
    const account = await tk.subaccounts.get('twilio', created.id);
    const synthflow = await tk.subaccounts.create('synthflow', { name: 'Acme' });
    synthflowBodies.length = 0;
    await tk.subaccounts.update('synthflow', synthflow.id, { twilio: account });
    expect(synthflowBodies[0]).toMatchObject({
      twilio_account_sid: created.id,
      twilio_auth_token: created.credentials.authToken!.reveal(),
    });
  });

  it('a SID with its token as a Secret; a plain-string token is refused before sending', async () => {
    const sid = 'AC0123456789abcdef0123456789abcdef';
    await tk.subaccounts.create('synthflow', {
      name: 'Own Twilio',
      twilio: { accountSid: sid, authToken: new Secret('own-token-canary-123') },
    });
    expect(synthflowBodies[0]).toMatchObject({
      twilio_account_sid: sid,
      twilio_auth_token: 'own-token-canary-123',
    });
    synthflowBodies.length = 0;
    const refused = await tk.subaccounts
      .create('synthflow', {
        name: 'x',
        twilio: { accountSid: sid, authToken: 'plain-token-canary-456' } as never,
      })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused).toMatchObject({ field: 'twilio.authToken', rule: 'secret' });
    expect(String(refused)).not.toContain('plain-token-canary-456');
    expect(synthflowBodies).toEqual([]);
  });

  it('naming the Twilio sub-account twice (twilio and extra.twilio_*) is refused', async () => {
    await expect(
      tk.subaccounts.create('synthflow', {
        name: 'x',
        twilio: { accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: new Secret('t') },
        extra: { twilio_account_sid: 'AC0123456789abcdef0123456789abcdef' },
      }),
    ).rejects.toMatchObject({ rule: 'at-most-one' });
    expect(synthflowBodies).toEqual([]);
  });

  it('a facade sub-account without Twilio configured: a ConfigurationError saying how', async () => {
    const synthflowOnly = createTenantkit({
      synthflow: { apiKey: sandbox.credentials.synthflow!.apiKey, baseUrl: sandbox.urls.synthflow },
    });
    const error = await synthflowOnly.subaccounts
      .create('synthflow', {
        name: 'x',
        twilio: { provider: 'twilio', id: 'AC0123456789abcdef0123456789abcdef' },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(String(error)).toMatch(/twilio is not configured/);
  });

  it('other providers refuse the twilio field', async () => {
    await expect(
      tk.subaccounts.create('twilio', {
        name: 'x',
        twilio: { accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: new Secret('t') },
      } as never),
    ).rejects.toMatchObject({ field: 'twilio', rule: 'unsupported-field' });
  });
});

describe('the CLI with Twilio (credentials from the environment the sandbox prints)', () => {
  const tenantkit = sandboxed.cli;

  it('create, get, disable; the token stays redacted unless --show-secrets', async () => {
    const created = await tenantkit(['--json', 'create', 'twilio', '--name', 'CLI tenant']);
    expect(created.code).toBe(0);
    const { id, credentials } = JSON.parse(created.stdout) as {
      id: string;
      credentials: Record<string, string>;
    };
    expect(credentials).toEqual({ authToken: '[REDACTED]' });
    expect(created.stderr).toContain('--show-secrets');
    const token = (await tk.twilio.subaccounts.get(id)).auth_token as string;
    const got = await tenantkit(['--json', 'get', 'twilio', id]);
    expect(JSON.parse(got.stdout)).toMatchObject({ id, name: 'CLI tenant', enabled: true });
    expect(got.stdout).not.toContain(token);
    const disabled = await tenantkit(['--json', 'update', 'twilio', id, '--disable']);
    expect(JSON.parse(disabled.stdout)).toMatchObject({
      enabled: false,
      raw: { status: 'suspended' },
    });
  });

  it('delete closes for good, so it needs --yes; without it nothing is sent (exit 2)', async () => {
    const { id } = await tk.subaccounts.create('twilio', { name: 'To close' });
    const before = sandbox.exchanges.length;
    const unconfirmed = await tenantkit(['delete', 'twilio', id]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/--yes/);
    expect(unconfirmed.stderr).toMatch(/IRREVERSIBLE/);
    expect(sandbox.exchanges.length).toBe(before);
    expect((await tenantkit(['delete', 'twilio', id, '--yes'])).code).toBe(0);
    expect((await tk.subaccounts.get('twilio', id)).raw.status).toBe('closed');
  });

  it('--twilio-subaccount links a Synthflow sub-account; the token is read from Twilio, never printed', async () => {
    const twilio = await tk.subaccounts.create('twilio', { name: 'Linked telephony' });
    const token = twilio.credentials.authToken!.reveal();
    const linked = await tenantkit([
      '--debug',
      ...['create', 'synthflow', '--name', 'Linked agent', '--twilio-subaccount', twilio.id],
    ]);
    expect(linked.code).toBe(0);
    expect(linked.stderr).toContain('twilio_auth_token');
    for (const text of [linked.stdout, linked.stderr]) expect(text).not.toContain(token);
  });
});
