/** What every command is given: where to write, the global flags, and a session with a provider. */
import type { Command } from 'commander';
import type { Provider } from '../../model.js';
import type { Tenantkit } from '../../tenantkit.js';
import type { CliOutput } from '../output/io.js';
import { type GlobalOptions, withTenantkit } from '../session.js';

export interface CliContext {
  io: CliOutput;
  /** The global flags as given on the command line (`--json`, `--mock`, credentials…). */
  globals(command: Command): GlobalOptions;
  /** `json` as JSON under `--json`, else the human form (a table). */
  emit(command: Command, json: unknown, human: () => string): void;
  /** Runs `use` with a facade configured for `provider` (and its mock under `--mock`). */
  withTenantkit(
    provider: Provider,
    command: Command,
    use: (tk: Tenantkit) => Promise<void>,
    also?: readonly Provider[],
  ): Promise<void>;
}

/** Adds a command (or a group of them) to the program. */
export type RegisterCommand = (program: Command, cli: CliContext) => void;

export function cliContext(io: CliOutput): CliContext {
  const globals = (command: Command) => command.optsWithGlobals<GlobalOptions>();
  return {
    io,
    globals,
    emit: (command, json, human) =>
      io.print(globals(command).json ? JSON.stringify(json, null, 2) : human()),
    withTenantkit: (provider, command, use, also) =>
      withTenantkit(provider, globals(command), io, use, also),
  };
}
