/** `tenantkit completion bash|zsh`: a completion script made from the commands themselves. */
import { Argument, type Command } from 'commander';
import { bashCompletion, zshCompletion } from '../completion.js';
import type { RegisterCommand } from './context.js';

const SHELLS = { bash: bashCompletion, zsh: zshCompletion } as const;

export const registerCompletion: RegisterCommand = (program, cli) => {
  program
    .command('completion')
    .description('print a shell completion script: source <(tenantkit completion bash)')
    .addArgument(new Argument('<shell>', 'bash | zsh').choices(Object.keys(SHELLS)))
    .action((shell: keyof typeof SHELLS, _options, _command: Command) => {
      cli.io.print(SHELLS[shell](program));
    });
};
