/**
 * `tenantkit`: the facade from a shell. `runCli` is the whole program (the bin only calls it), so
 * tests and the demo can run it in process and get its exit code. This file maps what went wrong
 * to an exit code and a message; the program is in `program.ts`, its commands in `commands/`.
 */
import { ConfigurationError, RequestError, TenantkitError, ValidationError } from '@tenantkit/core';
import { CommanderError } from 'commander';
import { CREDENTIAL_SECRETS } from './credentials.js';
import { CommandExit } from './exit.js';
import { INPUT_SECRET_FLAGS } from './input.js';
import { type CliIo, scrubbedIo } from './output/io.js';
import { printable } from './output/printable.js';
import { buildProgram } from './program.js';
import type { GlobalOptions } from './session.js';

export type { CliIo } from './output/io.js';

export const EXIT = { ok: 0, providerError: 1, usage: 2 } as const;

const SECRETS = {
  flags: [...CREDENTIAL_SECRETS.flags, ...INPUT_SECRET_FLAGS],
  variables: CREDENTIAL_SECRETS.variables,
};

export async function runCli(argv: readonly string[], cliIo: CliIo): Promise<number> {
  let debug = argv.includes('--debug');
  const io = scrubbedIo(argv, cliIo, SECRETS);
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    debug ||= program.opts<GlobalOptions>().debug === true;
    if (error instanceof CommandExit) return error.code;
    if (error instanceof CommanderError) {
      // Help and version end here too, with commander's own exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const usage = error instanceof ValidationError || error instanceof ConfigurationError;
    const message = error instanceof Error ? error.message : String(error);
    // The message quotes the provider: it must not drive the terminal.
    io.stderr(`tenantkit: ${printable(message)}\n`);
    if (error instanceof RequestError && error.outcomeUnknown) {
      io.stderr('tenantkit: check with `tenantkit list` before creating again.\n');
    }
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    else if (!(error instanceof TenantkitError)) io.stderr('(run with --debug for the stack)\n');
    return usage ? EXIT.usage : EXIT.providerError;
  }
}
