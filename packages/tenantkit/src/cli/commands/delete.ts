/** `tenantkit delete <provider> <id>`. */
import { ValidationError } from '@tenantkit/core';
import type { Command } from 'commander';
import { CAPABILITIES } from '../../capabilities.js';
import type { Provider } from '../../model.js';
import { providerArgument } from '../input.js';
import { deletedSheet } from '../output/tables.js';
import type { RegisterCommand } from './context.js';

export const registerDelete: RegisterCommand = (program, cli) => {
  program
    .command('delete')
    .description('delete a sub-account')
    .addArgument(providerArgument())
    .argument('<id>', 'the sub-account id')
    .option('--yes', 'confirm a delete that cannot be undone (Twilio: it closes the sub-account)')
    .action(
      async (provider: Provider, id: string, options: { yes?: boolean }, command: Command) => {
        // Where delete is more than a removal (Twilio closes, for good), it must be confirmed.
        const irreversible = CAPABILITIES[provider]?.delete;
        if (irreversible && !options.yes) {
          throw new ValidationError({
            provider,
            operation: 'subaccounts.delete',
            field: '--yes',
            rule: 'confirm',
            message: `is needed: delete on ${provider} means ${irreversible}. Run it again with --yes to confirm`,
          });
        }
        await cli.withTenantkit(provider, command, async (tk) => {
          const result = await tk.subaccounts.delete(provider, id);
          cli.emit(command, result, () => deletedSheet(result));
        });
      },
    );
};
