/** `tenantkit list <provider>`: every sub-account, all pages, each page printed as it arrives. */
import type { Command } from 'commander';
import type { Provider, SubAccount } from '../../model.js';
import { batches } from '../batches.js';
import { pagingProviders } from '../help-names.js';
import { integer, providerArgument } from '../input.js';
import { listPrinter } from '../output/list-printer.js';
import { SUB_ACCOUNT_COLUMNS, subAccountRow } from '../output/tables.js';
import type { RegisterCommand } from './context.js';

export const registerList: RegisterCommand = (program, cli) => {
  program
    .command('list')
    .description('list every sub-account (all pages, each printed as it arrives)')
    .addArgument(providerArgument())
    .option('--limit <n>', 'stop after n sub-accounts', integer)
    .option('--page-size <n>', `items per request (${pagingProviders()})`, integer)
    .action(
      async (
        provider: Provider,
        options: { limit?: number; pageSize?: number },
        command: Command,
      ) => {
        await cli.withTenantkit(provider, command, async (tk) => {
          const format = cli.format(command);
          const printer = listPrinter<SubAccount>(format, cli.io.stdout, {
            head: SUB_ACCOUNT_COLUMNS,
            row: subAccountRow,
          });
          let count = 0;
          let complete = false;
          try {
            for await (const batch of batches(tk.subaccounts.list(provider, options))) {
              printer.add(batch);
              count += batch.length;
            }
            complete = true;
          } finally {
            printer.end(complete);
          }
          if (format === 'table') cli.io.stdout(`${count} sub-account(s) on ${provider}\n`);
        });
      },
    );
};
