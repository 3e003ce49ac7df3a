/**
 * Passwords without putting them on the command line, where they land in the shell's history and
 * in `ps` for every user of the machine: each secret input flag (`--password`,
 * `--current-password`) also comes as `--<flag>-stdin` (the whole of stdin, one trailing line
 * break dropped) and `--<flag>-env <NAME>` (a variable the user names). A value read this way is
 * scrubbed from the output like any other secret.
 */
import { ValidationError } from '@tenantkit/core';
import { type Command, Option } from 'commander';
import type { CliOutput } from './output/io.js';

/** The secret input flags, by the name commander gives their value. */
const SECRET_INPUTS = [
  { key: 'password', flag: '--password' },
  { key: 'currentPassword', flag: '--current-password' },
] as const;

type SecretKey = (typeof SECRET_INPUTS)[number]['key'];

/** `--password-stdin`, `--password-env <name>` and the same for every secret input flag. */
export function withSecretSources(command: Command): Command {
  for (const { key, flag } of SECRET_INPUTS) {
    const name = flag.slice(2);
    command
      .addOption(
        new Option(`${flag}-stdin`, `read ${name} from stdin (safer than ${flag})`).conflicts([
          key,
          `${key}Env`,
        ]),
      )
      .addOption(
        new Option(
          `${flag}-env <name>`,
          `read ${name} from the environment variable <name>`,
        ).conflicts(key),
      );
  }
  return command;
}

const refused = (field: string, rule: string, message: string) =>
  new ValidationError({ provider: 'tenantkit', operation: 'cli', field, rule, message });

/** The secret inputs read from stdin or the environment, into the options the flags would set. */
export async function readSecretInputs<T extends Partial<Record<SecretKey, string>>>(
  options: T,
  io: CliOutput,
): Promise<T> {
  const flags = options as Record<string, unknown>;
  const fromStdin = SECRET_INPUTS.filter(({ key }) => flags[`${key}Stdin`] === true);
  if (fromStdin.length > 1) {
    throw refused(
      fromStdin.map(({ flag }) => `${flag}-stdin`).join(', '),
      'one-stdin',
      'cannot all read stdin: give one of them by --…-env instead',
    );
  }
  const read: Partial<Record<SecretKey, string>> = {};
  for (const { key, flag } of SECRET_INPUTS) {
    const variable = flags[`${key}Env`];
    if (typeof variable === 'string') {
      const value = io.env[variable];
      if (!value) {
        throw refused(`${flag}-env`, 'set', `names ${variable}, which is not set or empty`);
      }
      read[key] = value;
    }
  }
  const [stdinInput] = fromStdin;
  if (stdinInput) {
    const field = `${stdinInput.flag}-stdin`;
    if (!io.stdin) throw refused(field, 'stdin', 'needs a stdin to read (none was given)');
    // One trailing line break is what `echo` and here-strings add; it is not part of the secret.
    const value = (await io.stdin()).replace(/\r?\n$/, '');
    if (value === '') throw refused(field, 'non-empty', 'read nothing from stdin');
    read[stdinInput.key] = value;
  }
  for (const value of Object.values(read)) io.addSecret(value);
  return { ...options, ...read };
}
