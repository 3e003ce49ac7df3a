/** `tenantkit create <provider>`: a new sub-account; its one-time credentials redacted unless asked. */
import type { Command } from 'commander';
import type { Provider } from '../../model.js';
import {
  type InputOptions,
  linkedProviders,
  providerArgument,
  toInput,
  withInputOptions,
} from '../input.js';
import { createdSheet } from '../output/tables.js';
import { readSecretInputs } from '../secret-inputs.js';
import { type RegisterCommand, rendered } from './context.js';

export const registerCreate: RegisterCommand = (program, cli) => {
  withInputOptions(
    program
      .command('create')
      .description('create a sub-account (prints its one-time credentials redacted)')
      .addArgument(providerArgument())
      .option('--show-secrets', 'print the one-time credentials in clear'),
  ).action(
    async (
      provider: Provider,
      options: InputOptions & { showSecrets?: boolean },
      command: Command,
    ) => {
      // Read before the session: a missing secret is refused before anything starts.
      const input = toInput(await readSecretInputs(options, cli.io));
      await cli.withTenantkit(
        provider,
        command,
        async (tk) => {
          const result = await tk.subaccounts.create(provider, input as never);
          const show = options.showSecrets === true;
          const json = show ? { ...result, credentials: revealAll(result.credentials) } : result;
          // Asked for in clear: written as is (the scrubbed output would hide a value equal to a flag's).
          const out = rendered(cli.format(command), json, () => createdSheet(result, show));
          if (show) cli.io.reveal(`${out}\n`);
          else cli.io.print(out);
          if (!show && Object.keys(result.credentials).length > 0) {
            cli.io.stderr(
              `The credentials are redacted: ${provider} hands them out only once. Run create with --show-secrets to print them.\n`,
            );
          }
        },
        linkedProviders(options),
      );
    },
  );
};

function revealAll(credentials: object): Record<string, string> {
  return Object.fromEntries(
    Object.entries(credentials).map(([key, secret]) => [
      key,
      (secret as { reveal(): string }).reveal(),
    ]),
  );
}
