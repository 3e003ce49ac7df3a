/**
 * The flags every command takes, besides the credentials (`credentials.ts`): where the output
 * goes and in what form, how long a request may take, how often it is retried, `--mock`, `--debug`.
 * Each value is checked as it is parsed, so a bad one exits 2 before anything starts.
 */
import { ValidationError } from '@tenantkit/core';
import { Option } from 'commander';

/** setTimeout's largest delay: a longer one fires at once (Node clamps it to 1 ms). */
const MAX_TIMEOUT_MS = 2_147_483_647;
/** Each retry waits longer (up to 8 s): more than this is a hang, not resilience. */
const MAX_RETRIES = 20;

export const OUTPUT_FORMATS = ['table', 'json', 'tsv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

function wholeNumber(flag: string, min: number, max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < min || number > max) {
      throw new ValidationError({
        provider: 'tenantkit',
        operation: 'cli',
        field: flag,
        rule: `integer ${min}–${max}`,
        message: `must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`,
      });
    }
    return number;
  };
}

export function globalOptions(): Option[] {
  return [
    new Option(
      '-o, --output <format>',
      'table (default on a terminal), tsv (default in a pipe) or json',
    ).choices(OUTPUT_FORMATS),
    new Option('--json', 'the same as --output json'),
    new Option(
      '--mock',
      'run against embedded Prism mocks with dummy credentials (needs @tenantkit/mock)',
    ),
    new Option('--base-url <url>', "the provider's base URL (or TENANTKIT_<PROVIDER>_BASE_URL)"),
    new Option('--timeout <ms>', 'per-request timeout in milliseconds (default 30000)').argParser(
      wholeNumber('--timeout', 1, MAX_TIMEOUT_MS),
    ),
    new Option(
      '--max-retries <n>',
      'retries after a failed attempt (default 2; 0 disables)',
    ).argParser(wholeNumber('--max-retries', 0, MAX_RETRIES)),
    new Option('--debug', 'print stack traces and redacted request logs on stderr'),
  ];
}

/** The format a command prints in: `--output`, else `--json`, else by where stdout goes. */
export function outputFormat(
  options: { output?: string; json?: boolean },
  stdoutIsTTY: boolean | undefined,
): OutputFormat {
  if (options.output !== undefined) return options.output as OutputFormat;
  if (options.json) return 'json';
  // Left unsaid (runCli in process, as before): a table.
  return stdoutIsTTY === false ? 'tsv' : 'table';
}
