/**
 * The role catalogue (seeded: the role names Voximplant's docs list, with the ids the spec's
 * examples use) and how roles are granted, listed and inherited. GetRoles / GetRoleGroups.
 */
import type { Handler, Handlers, SandboxRequest, SandboxResponse } from '../../definition.js';
import { ok, voxError } from './errors.js';
import { booleanParam } from './params.js';
import type { VoximplantContext, VoximplantState } from './state.js';

interface RoleDefinition {
  role_id: number;
  role_name: string;
  gui_only: boolean;
  group: string;
  /** Roles this one contains: holding it means holding them too (inherited). */
  child_ids?: number[];
}

export const ROLE_GROUPS = [
  { id: 1, name: 'Administration' },
  { id: 2, name: 'Calls' },
  { id: 3, name: 'Billing' },
  { id: 4, name: 'Development' },
] as const;

export const ROLES: readonly RoleDefinition[] = [
  { role_id: 1, role_name: 'Owner', gui_only: true, group: 'Administration', child_ids: [2] },
  { role_id: 2, role_name: 'Admin', gui_only: true, group: 'Administration', child_ids: [4, 5, 8] },
  { role_id: 3, role_name: 'Support', gui_only: true, group: 'Calls' },
  { role_id: 4, role_name: 'Supervisor', gui_only: true, group: 'Calls', child_ids: [3] },
  { role_id: 5, role_name: 'Developer', gui_only: false, group: 'Development' },
  { role_id: 6, role_name: 'CallListManager', gui_only: false, group: 'Calls' },
  { role_id: 7, role_name: 'Accountant', gui_only: true, group: 'Billing' },
  { role_id: 8, role_name: 'UserManager', gui_only: false, group: 'Administration' },
  { role_id: 9, role_name: 'PhoneNumberManager', gui_only: false, group: 'Calls' },
  { role_id: 10, role_name: 'Payer', gui_only: true, group: 'Billing' },
  { role_id: 11, role_name: 'PayerNoVerify', gui_only: true, group: 'Billing' },
  { role_id: 12, role_name: 'Scenarios', gui_only: false, group: 'Development' },
];

const BY_ID = new Map(ROLES.map((role) => [role.role_id, role]));
const BY_NAME = new Map(ROLES.map((role) => [role.role_name, role]));
const parentsOf = (id: number) =>
  ROLES.filter((role) => role.child_ids?.includes(id)).map((role) => role.role_id);

function catalogueView(role: RoleDefinition) {
  const parents = parentsOf(role.role_id);
  return {
    role_name: role.role_name,
    role_id: role.role_id,
    gui_only: role.gui_only,
    ...(role.child_ids && { child_ids: role.child_ids }),
    ...(parents.length > 0 && { parent_role_id: parents }),
  };
}

/** As GetSubUsers / GetKeys show the roles of an entry (`with_roles`). */
export function heldRoles(roleIds: readonly number[]) {
  return roleIds.map((id) => {
    const role = BY_ID.get(id) as RoleDefinition;
    return { role_name: role.role_name, role_id: role.role_id, gui_only: role.gui_only };
  });
}

/** GetSubUserRoles / GetKeyRoles: the roles held, plus (expanded) those held through them. */
export function rolesAnswer(request: SandboxRequest, roleIds: readonly number[]): SandboxResponse {
  const direct = heldRoles(roleIds).map((role) => ({
    ...role,
    inherited: false,
    parent_role_id: [],
  }));
  if (!booleanParam(request, 'with_expanded_roles')) return ok(direct);
  const inherited = new Map<number, number[]>();
  const visit = (parent: number) => {
    for (const child of BY_ID.get(parent)?.child_ids ?? []) {
      if (roleIds.includes(child)) continue;
      const parents = inherited.get(child) ?? [];
      if (parents.includes(parent)) continue;
      inherited.set(child, [...parents, parent]);
      visit(child);
    }
  };
  for (const id of roleIds) visit(id);
  const expanded = [...inherited].map(([id, parents]) => ({
    ...heldRoles([id])[0],
    inherited: true,
    parent_role_id: parents,
  }));
  return ok([...direct, ...expanded]);
}

export type RoleSelection = { roleIds: number[] } | { refusal: SandboxResponse };

/**
 * `role_id` or `role_name` (`;`-joined), never both (449); on Set/Remove one is required. Unknown
 * ids or names are refused (440 / 441).
 */
export function selectedRoles(request: SandboxRequest, required: boolean): RoleSelection {
  const { role_id: ids, role_name: names } = request.query;
  if (ids !== undefined && names !== undefined) return { refusal: voxError(449) };
  if (ids !== undefined) {
    const roleIds = ids.split(';').map(Number);
    if (roleIds.some((id) => !BY_ID.has(id))) return { refusal: voxError(440) };
    return { roleIds };
  }
  if (names !== undefined) {
    const roles = names.split(';').map((name) => BY_NAME.get(name));
    if (roles.some((role) => role === undefined)) return { refusal: voxError(441) };
    return { roleIds: roles.map((role) => (role as RoleDefinition).role_id) };
  }
  return required ? { refusal: voxError(485, 'role_id') } : { roleIds: [] };
}

export const addRoles = (held: readonly number[], added: readonly number[]) =>
  [...new Set([...held, ...added])].sort((a, b) => a - b);

export const removeRoles = (held: readonly number[], removed: readonly number[]) =>
  held.filter((id) => !removed.includes(id));

/** A key or a subuser the request names, or the provider's refusal when there is none. */
type FindHolder = (
  request: SandboxRequest,
  context: VoximplantContext,
) => { holder: { role_ids: number[] } } | { refusal: SandboxResponse };

/** Set…Roles, Get…Roles and Remove…Roles of one kind of role holder (keys, subusers). */
export function holderRoleHandlers(
  find: FindHolder,
): Record<'set' | 'get' | 'remove', Handler<VoximplantState>> {
  const change =
    (apply: typeof addRoles): Handler<VoximplantState> =>
    (request, context) => {
      const found = find(request, context);
      if ('refusal' in found) return found.refusal;
      const roles = selectedRoles(request, true);
      if ('refusal' in roles) return roles.refusal;
      found.holder.role_ids = apply(found.holder.role_ids, roles.roleIds);
      return ok(1);
    };
  return {
    set: change(addRoles),
    get(request, context) {
      const found = find(request, context);
      return 'refusal' in found ? found.refusal : rolesAnswer(request, found.holder.role_ids);
    },
    // Keys made through this API belong to the account, not to a subuser, so no key can still
    // hold a role a subuser loses (error 439) and `force` has nothing to strip.
    remove: change(removeRoles),
  };
}

export const roleHandlers: Handlers<VoximplantState> = {
  GetRoles(request) {
    const group = request.query.group_name;
    const roles = ROLES.filter((role) => group === undefined || role.group === group);
    return ok(roles.map(catalogueView));
  },
  GetRoleGroups() {
    return ok(ROLE_GROUPS);
  },
};
