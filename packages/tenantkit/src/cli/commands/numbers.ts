/** `tenantkit numbers list|assign|unassign`: phone numbers between the parent and its sub-accounts. */
import type { Command } from 'commander';
import type { NumberEntry, Provider } from '../../model.js';
import { integer, providerArgument } from '../input.js';
import { assignmentSheet, numberSheet } from '../output/tables.js';
import type { RegisterCommand } from './context.js';

export const registerNumbers: RegisterCommand = (program, cli) => {
  const numbers = program
    .command('numbers')
    .description('phone numbers moved between the parent account and its sub-accounts (Vobiz)');
  numbers
    .command('list')
    .description("the account's numbers, or with --sub-account the ones a sub-account holds")
    .addArgument(providerArgument())
    .option('--sub-account <id>', 'only the numbers this sub-account holds (Vobiz SA_ auth id)')
    .option('--limit <n>', 'stop after n numbers', integer)
    .action(
      async (
        provider: Provider,
        options: { subAccount?: string; limit?: number },
        command: Command,
      ) => {
        await cli.withTenantkit(provider, command, async (tk) => {
          const found: NumberEntry[] = [];
          const query = {
            ...(options.subAccount !== undefined && { subAccountId: options.subAccount }),
            ...(options.limit !== undefined && { limit: options.limit }),
          };
          for await (const entry of tk.numbers.list(provider, query)) found.push(entry);
          cli.emit(
            command,
            found,
            () => numberSheet(found),
            () => `${found.length} number(s)`,
          );
        });
      },
    );
  numbers
    .command('assign')
    .description("give one of the parent account's numbers to a sub-account")
    .addArgument(providerArgument())
    .argument('<number>', 'the number in E.164 form, e.g. +919876543210')
    .argument('<sub-account-id>', 'the sub-account that gets it (Vobiz SA_ auth id)')
    .action(
      async (
        provider: Provider,
        number: string,
        subAccountId: string,
        _options,
        command: Command,
      ) => {
        await cli.withTenantkit(provider, command, async (tk) => {
          const result = await tk.numbers.assign(provider, number, subAccountId);
          cli.emit(command, result, () => assignmentSheet(result));
        });
      },
    );
  numbers
    .command('unassign')
    .description(
      'take a number back from its sub-account (Vobiz: not within 15 days of its last call)',
    )
    .addArgument(providerArgument())
    .argument('<number>', 'the number in E.164 form')
    .option('--force', 'skip the cool-off (admin accounts only)')
    .action(
      async (
        provider: Provider,
        number: string,
        options: { force?: boolean },
        command: Command,
      ) => {
        await cli.withTenantkit(provider, command, async (tk) => {
          const result = await tk.numbers.unassign(provider, number, {
            ...(options.force && { force: true }),
          });
          cli.emit(command, result, () => assignmentSheet(result));
        });
      },
    );
};
