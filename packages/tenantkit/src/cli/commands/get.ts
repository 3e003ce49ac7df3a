/** `tenantkit get <provider> <id>`: one sub-account. */
import type { Command } from 'commander';
import type { Provider } from '../../model.js';
import { subAccountIds } from '../help-names.js';
import { providerArgument } from '../input.js';
import { subAccountSheet } from '../output/tables.js';
import type { RegisterCommand } from './context.js';

export const registerGet: RegisterCommand = (program, cli) => {
  program
    .command('get')
    .description('show one sub-account')
    .addArgument(providerArgument())
    .argument('<id>', subAccountIds())
    .action(async (provider: Provider, id: string, _options, command: Command) => {
      await cli.withTenantkit(provider, command, async (tk) => {
        const account = await tk.subaccounts.get(provider, id);
        cli.emit(command, account, () => subAccountSheet(account));
      });
    });
};
