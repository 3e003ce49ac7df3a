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
import { subAccountTable } from '../output/tables.js';
import type { RegisterCommand } from './context.js';

export const registerUpdate: RegisterCommand = (program, cli) => {
  withInputOptions(
    program
      .command('update')
      .description('change a sub-account (only the fields given)')
      .addArgument(providerArgument())
      .argument('<id>', 'the sub-account id'),
  ).action(async (provider: Provider, id: string, options: InputOptions, command: Command) => {
    await cli.withTenantkit(
      provider,
      command,
      async (tk) => {
        const account = await tk.subaccounts.update(provider, id, toInput(options) as never);
        cli.emit(command, account, () => subAccountTable(account));
      },
      linkedProviders(options),
    );
  });
};
