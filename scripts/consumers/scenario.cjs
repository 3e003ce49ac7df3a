/**
 * What every consumer does with the packed packages, in any runtime and module system: load each
 * package, construct its client and make one call against the mock servers. Returns one verdict
 * per package, so one broken package does not hide the others. CommonJS, so that ESM consumers
 * (Node, Bun, Deno), CommonJS consumers and the bundled worker can all load it.
 *
 * `load` maps a package name to a function importing it (the consumer's own `import()` or
 * `require`); `config` is `{ urls: { synthflow, vobiz, voximplant }, voximplantCredentials }`, the
 * credentials as the JSON text of credentials.json (the only form an edge runtime can take).
 */
const TWILIO_SID = `AC${'0'.repeat(32)}`;

async function scenario(load, config, options = {}) {
  const { urls, voximplantCredentials } = config;
  const verdicts = {};
  async function check(name, body) {
    try {
      const detail = await body(await load[name]());
      verdicts[name] = { ok: true, detail };
    } catch (error) {
      verdicts[name] = { ok: false, detail: String(error?.stack ?? error).slice(0, 600) };
    }
  }
  const expect = (condition, message) => {
    if (!condition) throw new Error(message);
  };

  await check('@tenantkit/core', (core) => {
    const error = new core.ValidationError({
      provider: 'synthflow',
      operation: 'probe',
      field: 'name',
      rule: 'non-blank',
      message: 'must not be blank',
    });
    expect(error instanceof core.TenantkitError, 'ValidationError is not a TenantkitError');
    expect(
      new core.Redactor(['s3cret-value']).text('x s3cret-value') === 'x [REDACTED]',
      'redactor',
    );
    return 'errors and redactor';
  });

  await check('@tenantkit/synthflow', async ({ createSynthflowClient }) => {
    const client = createSynthflowClient({ apiKey: 'consumer-key', baseUrl: urls.synthflow });
    const { subaccounts } = await client.subaccounts.list();
    expect(Array.isArray(subaccounts), 'list gave no subaccounts array');
    return `list: ${subaccounts.length} sub-account(s)`;
  });

  await check('@tenantkit/vobiz', async ({ createVobizClient }) => {
    const client = createVobizClient({
      authId: 'MA_CONSUMER',
      authToken: 'consumer-token',
      baseUrl: urls.vobiz,
    });
    const page = await client.subAccounts.list();
    expect(Array.isArray(page.sub_accounts), 'list gave no sub_accounts array');
    return `list: ${page.sub_accounts.length} sub-account(s)`;
  });

  await check('@tenantkit/voximplant', async ({ createVoximplantClient }) => {
    const client = createVoximplantClient({
      credentials: voximplantCredentials,
      baseUrl: urls.voximplant,
    });
    const groups = await client.roles.groups();
    expect(Array.isArray(groups), 'roles.groups gave no array');
    return `roles.groups: ${groups.length} group(s), RS256 token signed`;
  });

  await check('@tenantkit/twilio', async ({ createTwilioClient }) => {
    const client = createTwilioClient({
      accountSid: TWILIO_SID,
      authToken: 'consumer-token',
      baseUrl: urls.twilio,
    });
    const page = await client.subaccounts.list();
    expect(Array.isArray(page.accounts), 'list gave no accounts array');
    return `list: ${page.accounts.length} account(s)`;
  });

  await check('tenantkit', async ({ createTenantkit }) => {
    const tk = createTenantkit({
      synthflow: { apiKey: 'consumer-key', baseUrl: urls.synthflow },
      vobiz: { authId: 'MA_CONSUMER', authToken: 'consumer-token', baseUrl: urls.vobiz },
      voximplant: { credentials: voximplantCredentials, baseUrl: urls.voximplant },
      twilio: { accountSid: TWILIO_SID, authToken: 'consumer-token', baseUrl: urls.twilio },
    });
    const counts = [];
    for (const provider of ['synthflow', 'vobiz', 'voximplant', 'twilio']) {
      let count = 0;
      for await (const account of tk.subaccounts.list(provider, { limit: 5 })) {
        expect(account.provider === provider, `${provider}: wrong provider on an item`);
        count++;
      }
      counts.push(`${provider} ${count}`);
    }
    return `list: ${counts.join(', ')}`;
  });

  if (options.cli) {
    await check('tenantkit/cli', async ({ runCli }) => {
      let out = '';
      const code = await runCli(['providers', '--json'], {
        stdout: (text) => {
          out += text;
        },
        stderr: () => {},
        env: {},
      });
      expect(code === 0, `runCli exited ${code}`);
      expect(JSON.parse(out).length === 4, 'providers --json did not list 4 providers');
      return 'runCli providers --json';
    });
  }
  return verdicts;
}

module.exports = { scenario };
