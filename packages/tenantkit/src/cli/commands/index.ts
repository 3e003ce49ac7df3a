/**
 * Every command, in the order `--help` lists them. A new command is a file in this folder that
 * exports a `RegisterCommand`, added here.
 */
import { registerCompletion } from './completion.js';
import type { RegisterCommand } from './context.js';
import { registerCreate } from './create.js';
import { registerDelete } from './delete.js';
import { registerGet } from './get.js';
import { registerList } from './list.js';
import { registerNumbers } from './numbers.js';
import { registerProviders } from './providers.js';
import { registerRoles } from './roles.js';
import { registerTenants } from './tenants.js';
import { registerUpdate } from './update.js';

export const COMMANDS: readonly RegisterCommand[] = [
  registerProviders,
  registerCreate,
  registerGet,
  registerList,
  registerUpdate,
  registerDelete,
  registerNumbers,
  registerRoles,
  registerTenants,
  registerCompletion,
];

export { type CliContext, cliContext, type RegisterCommand } from './context.js';
