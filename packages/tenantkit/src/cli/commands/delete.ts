/** `tenantkit delete <provider> <id>`. */
import type { Command } from 'commander';
import type { Provider } from '../../model.js';
import { providerArgument } from '../input.js';
import { deletedTable } from '../output/tables.js';
import type { RegisterCommand } from './context.js';

export const registerDelete: RegisterCommand = (program, cli) => {
  program
    .command('delete')
    .description('delete a sub-account')
    .addArgument(providerArgument())
    .argument('<id>', 'the sub-account id')
    .action(async (provider: Provider, id: string, _options, command: Command) => {
      await cli.withTenantkit(provider, command, async (tk) => {
        const result = await tk.subaccounts.delete(provider, id);
        cli.emit(command, result, () => deletedTable(result));
      });
    });
};
