/** `tenantkit list <provider>`: every sub-account, all pages. */
import type { Command } from 'commander';
import type { Provider, SubAccount } from '../../model.js';
import { integer, providerArgument } from '../input.js';
import { subAccountList } from '../output/tables.js';
import type { RegisterCommand } from './context.js';

export const registerList: RegisterCommand = (program, cli) => {
  program
    .command('list')
    .description('list every sub-account (all pages)')
    .addArgument(providerArgument())
    .option('--limit <n>', 'stop after n sub-accounts', integer)
    .option('--page-size <n>', 'items per request (Vobiz, Voximplant)', integer)
    .action(
      async (
        provider: Provider,
        options: { limit?: number; pageSize?: number },
        command: Command,
      ) => {
        await cli.withTenantkit(provider, command, async (tk) => {
          const accounts: SubAccount[] = [];
          for await (const account of tk.subaccounts.list(provider, options))
            accounts.push(account);
          cli.emit(
            command,
            accounts,
            () => `${subAccountList(accounts)}\n${accounts.length} sub-account(s) on ${provider}`,
          );
        });
      },
    );
};
