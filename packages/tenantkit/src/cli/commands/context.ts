/** What every command is given: where to write, the global flags, and a session with a provider. */
import type { Command } from 'commander';
import type { Provider } from '../../model.js';
import type { Tenantkit } from '../../tenantkit.js';
import { type OutputFormat, outputFormat } from '../global-flags.js';
import type { CliOutput } from '../output/io.js';
import { renderTable, renderTsv, type Sheet } from '../output/sheet.js';
import { type GlobalOptions, withTenantkit } from '../session.js';

export interface CliContext {
  io: CliOutput;
  /** The global flags as given on the command line (`--output`, `--mock`, credentials…). */
  globals(command: Command): GlobalOptions;
  /** `--output`, else `--json`, else a table on a terminal and TSV in a pipe. */
  format(command: Command): OutputFormat;
  /**
   * `json` as JSON, or the sheets as a table (with the footer under it) or as TSV (rows only:
   * a script counts them itself).
   */
  emit(command: Command, json: unknown, sheets: () => Sheet | Sheet[], footer?: () => string): void;
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
  const format = (command: Command) => outputFormat(globals(command), io.stdoutIsTTY);
  return {
    io,
    globals,
    format,
    emit: (command, json, sheets, footer) =>
      io.print(rendered(format(command), json, sheets, footer)),
    withTenantkit: (provider, command, use, also) =>
      withTenantkit(provider, globals(command), io, use, also),
  };
}

export function rendered(
  format: OutputFormat,
  json: unknown,
  sheets: () => Sheet | Sheet[],
  footer?: () => string,
): string {
  if (format === 'json') return JSON.stringify(json, null, 2);
  const all = [sheets()].flat();
  if (format === 'tsv') return all.map(renderTsv).join('\n\n');
  return [...all.map(renderTable), ...(footer ? [footer()] : [])].join('\n');
}
