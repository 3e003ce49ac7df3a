/** The `tenantkit` program: its global flags, and every command of `commands/`. */
import { Command } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { COMMANDS, cliContext } from './commands/index.js';
import { credentialOptions } from './credentials.js';
import { globalOptions } from './global-flags.js';
import { providerNames } from './help-names.js';
import type { CliOutput } from './output/io.js';

export function buildProgram(io: CliOutput): Command {
  const program = new Command('tenantkit')
    .description(`Sub-accounts on ${providerNames()} through one interface.`)
    .version(packageJson.version, '-V, --version')
    // Errors are thrown to `runCli`, which picks the exit code; nothing calls process.exit.
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run tenantkit --help for usage)');
  for (const option of [...globalOptions(), ...credentialOptions()]) program.addOption(option);
  const cli = cliContext(io);
  for (const register of COMMANDS) register(program, cli);
  return program;
}
