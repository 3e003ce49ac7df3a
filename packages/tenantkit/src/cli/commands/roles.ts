/** `tenantkit roles`: the Voximplant roles that can be granted, or the role groups. */
import type { Command } from 'commander';
import type { RegisterCommand } from './context.js';

// Voximplant's own command (its role catalogue): one provider by nature, not a list to derive.
export const registerRoles: RegisterCommand = (program, cli) => {
  program
    .command('roles')
    .description('Voximplant roles that can be granted (or, with --groups, the role groups)')
    .option('--group <name>', 'only the roles of this group')
    .option('--groups', 'list the role groups instead')
    .action(async (options: { group?: string; groups?: boolean }, command: Command) => {
      await cli.withTenantkit('voximplant', command, async (tk) => {
        if (options.groups) {
          const groups = await tk.voximplant.roles.groups();
          cli.emit(command, groups, () => ({
            head: ['id', 'name'],
            rows: groups.map((g) => [g.id, g.name]),
          }));
          return;
        }
        const roles = await tk.voximplant.roles.list(
          options.group === undefined ? undefined : { group_name: options.group },
        );
        cli.emit(command, roles, () => ({
          head: ['id', 'name', 'gui only'],
          rows: roles.map((role) => [role.role_id, role.role_name, role.gui_only]),
        }));
      });
    });
};
