/** `tenantkit update <provider> <id>`: changes only the fields given. */
import type { Command } from 'commander';
import type { Provider } from '../../model.js';
import {
  type InputOptions,
  linkedProviders,
  providerArgument,
  toInput,
  withInputOptions,
} from '../input.js';
import { subAccountSheet } from '../output/tables.js';
import { readSecretInputs } from '../secret-inputs.js';
import type { RegisterCommand } from './context.js';

export const registerUpdate: RegisterCommand = (program, cli) => {
  withInputOptions(
    program
      .command('update')
      .description('change a sub-account (only the fields given)')
      .addArgument(providerArgument())
      .argument('<id>', 'the sub-account id'),
  ).action(async (provider: Provider, id: string, options: InputOptions, command: Command) => {
    // Read before the session: a missing secret is refused before anything starts.
    const input = toInput(await readSecretInputs(options, cli.io));
    await cli.withTenantkit(
      provider,
      command,
      async (tk) => {
        const account = await tk.subaccounts.update(provider, id, input as never);
        cli.emit(command, account, () => subAccountSheet(account));
      },
      linkedProviders(options),
    );
  });
};
