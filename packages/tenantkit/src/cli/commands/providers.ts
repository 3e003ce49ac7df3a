/** `tenantkit providers`: which providers are configured, their specs, and what each supports. */
import type { Command } from 'commander';
import { CAPABILITIES } from '../../capabilities.js';
import { DEFINITIONS, PROVIDERS } from '../../registry.js';
import { hasCredentials } from '../credentials.js';
import { matrixSheet } from '../output/tables.js';
import type { RegisterCommand } from './context.js';

export const registerProviders: RegisterCommand = (program, cli) => {
  program
    .command('providers')
    .description(
      'configured providers, what each supports, and the spec each client was built from',
    )
    .action(async (_options, command: Command) => {
      const options = cli.globals(command);
      const configured = PROVIDERS.filter(
        (provider) => options.mock || hasCredentials(provider, options, cli.io.env),
      );
      const rows = PROVIDERS.map((provider) => ({
        provider,
        configured: configured.includes(provider),
        spec: {
          version: DEFINITIONS[provider].specInfo.version,
          sha256: DEFINITIONS[provider].specInfo.sha256.slice(0, 12),
        },
        capabilities: CAPABILITIES[provider],
      }));
      cli.emit(command, rows, () => [
        {
          head: ['provider', 'configured', 'spec version', 'spec sha256'],
          rows: rows.map((row) => [
            row.provider,
            row.configured ? (options.mock ? 'yes (mock)' : 'yes') : 'no',
            row.spec.version,
            row.spec.sha256,
          ]),
        },
        matrixSheet(),
      ]);
    });
};
