/**
 * Regression: run without a command, the CLI prints its help on stderr, and stderr is scrubbed with
 * the free-text rules (`name: value` with a secret name). The help line "credentials.json: its
 * path…" read as such a pair, so a user who ran plain `tenantkit` saw
 * "credentials.json: [REDACTED] path or its JSON text" — no secret anywhere, only a mangled help.
 */
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../src/cli/index.js';
import { DEFINITIONS, PROVIDERS } from '../src/registry.js';

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: {},
  });
  return { code, stdout, stderr };
}

describe('CLI help on stderr (no command given)', () => {
  it('is printed whole: nothing in it is taken for a secret', async () => {
    const { code, stderr } = await cli();
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain('--voximplant-credentials');
    expect(stderr).not.toContain('[REDACTED]');
  });

  it('still scrubs a secret the user typed into a mistyped flag', async () => {
    const { code, stderr } = await cli('--vobiz-auth-tokn=tok-canary-5521', 'list', 'vobiz');
    expect(code).toBe(EXIT.usage);
    expect(stderr).not.toContain('tok-canary-5521');
  });
});

describe('CLI --help', () => {
  it('names every provider of the registry in its description', async () => {
    const { code, stdout } = await cli('--help');
    expect(code).toBe(EXIT.ok);
    const description = stdout.split('\n').find((line) => line.startsWith('Sub-accounts on'));
    for (const provider of PROVIDERS) expect(description?.toLowerCase()).toContain(provider);
  });

  it("get's id names every provider's sub-account id", async () => {
    const { stdout } = await cli('get', '--help');
    const id = stdout.replace(/\s+/g, ' ');
    for (const provider of PROVIDERS)
      expect(id).toContain(DEFINITIONS[provider].configuration.subAccountId);
    expect(id).toContain('Twilio account SID (AC…)');
  });

  it('--page-size names the providers whose lists come in pages, Twilio among them', async () => {
    const paging = PROVIDERS.filter((p) => DEFINITIONS[p].capabilities.paging.supported);
    expect(paging).toContain('twilio');
    for (const command of [['list'], ['tenants', 'plan'], ['tenants', 'apply']]) {
      const { stdout } = await cli(...command, '--help');
      const help = stdout.replace(/\s+/g, ' ').toLowerCase();
      expect(help).toContain(`(${paging.join(', ')})`);
      expect(help).not.toMatch(/\(synthflow/);
    }
  });
});
