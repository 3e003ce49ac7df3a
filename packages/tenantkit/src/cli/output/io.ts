/**
 * Where the CLI writes: the caller's stdout and stderr, with every secret the user gave scrubbed,
 * and the one way around that (`reveal`, for `--show-secrets`).
 */
import { REDACTED, Redactor } from '@tenantkit/core';
import { printable } from './printable.js';

/** What the CLI is given to talk to: the bin passes the process's streams and environment. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** Whether stderr is a terminal: progress bars are drawn only there. */
  isTTY?: boolean;
  /**
   * Whether stdout is a terminal: the output is a table there and TSV elsewhere, unless
   * `--output` says. Left out: a table.
   */
  stdoutIsTTY?: boolean;
  /** All of stdin, for `--password-stdin` and the like (the bin reads the process's). */
  stdin?(): Promise<string>;
  /** Asks a yes/no question on a terminal (`tenants apply --prune` without `--yes`). */
  confirm?(question: string): Promise<boolean>;
  /**
   * Calls `handler` on the first Ctrl-C (a second one ends the process as usual) until the
   * returned function is called: `tenants apply` stops starting work and lets what is in flight
   * finish, so no one-time credential is lost.
   */
  onInterrupt?(handler: () => void): () => void;
}

/** A flag whose value is a secret wherever it appears on the command line. */
export interface SecretFlag {
  flag: string;
  /** Written `name=value`: the value alone may be what is echoed, so it is a secret too. */
  pairs?: boolean;
}

export interface Secrets {
  flags: readonly SecretFlag[];
  /** Environment variables whose values are secrets. */
  variables: readonly string[];
}

export interface CliOutput extends CliIo {
  /** One line (or block) to stdout, scrubbed, ending with a line break. */
  print(text: string): void;
  /** To stdout as is: only for what the user asked to see in clear. */
  reveal(text: string): void;
  /** A secret learnt after the start (read from stdin or a named variable): scrubbed from now on. */
  addSecret(value: string): void;
}

/**
 * The CLI's output with every secret the user gave it scrubbed: the credentials and passwords
 * from flags and the environment, and any `--flag=value` commander echoes in a usage error (a
 * mistyped `--vobiz-auth-tokn=…` included). `--show-secrets` output is written unscrubbed.
 */
export function scrubbedIo(argv: readonly string[], io: CliIo, secrets: Secrets): CliOutput {
  const redactor = new Redactor();
  for (const variable of secrets.variables) redactor.addSecret(io.env[variable]?.trim());
  argv.forEach((arg, index) => {
    const secret = secrets.flags.find(({ flag }) => arg === flag || arg.startsWith(`${flag}=`));
    if (!secret) return;
    const value = arg === secret.flag ? argv[index + 1] : arg.slice(secret.flag.length + 1);
    redactor.addSecret(value);
    if (secret.pairs && value?.includes('='))
      redactor.addSecret(value.split('=').slice(1).join('='));
  });
  // Known values and tokens (the JWT a client signed may be echoed in any field); the name rules
  // would reshape the JSON printed there.
  const stdout = (text: string) => io.stdout(redactor.tokens(text));
  return {
    env: io.env,
    ...(io.isTTY !== undefined && { isTTY: io.isTTY }),
    ...(io.stdoutIsTTY !== undefined && { stdoutIsTTY: io.stdoutIsTTY }),
    ...(io.stdin && { stdin: io.stdin }),
    ...(io.confirm && { confirm: io.confirm }),
    ...(io.onInterrupt && { onInterrupt: io.onInterrupt }),
    stdout,
    print: (text) => stdout(text.endsWith('\n') ? text : `${text}\n`),
    // A flag starts a run of `-`/word characters (the lookbehind keeps the scan linear). All of
    // stderr is made printable: the --debug stack and request logs quote the provider too.
    stderr: (text) =>
      io.stderr(
        printable(redactor.text(text).replace(/(?<![\w-])(--[\w-]+)=[^\s'"]+/g, `$1=${REDACTED}`)),
      ),
    reveal: (text) => io.stdout(text),
    addSecret: (value) => redactor.addSecret(value),
  };
}
