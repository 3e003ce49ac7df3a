/**
 * Voximplant subusers: numeric ids, logins lower-cased and unique per account (a duplicate is
 * error 436 in an HTTP 200), the password rule, role grants and removals, offset/count listing.
 */
import type { Handlers, SandboxRequest, SandboxResponse } from '../../definition.js';
import { ok, voxError } from './errors.js';
import { booleanParam, integerParam, page } from './params.js';
import { passwordHash, passwordProblem } from './passwords.js';
import { addRoles, heldRoles, holderRoleHandlers, selectedRoles } from './roles.js';
import type { VoximplantContext, VoximplantState, VoximplantSubUser } from './state.js';

const NAME_RULE = /^[a-z][a-z0-9_.-]*$/;

type Found = { subUser: VoximplantSubUser } | { refusal: SandboxResponse };

function findSubUser(request: SandboxRequest, { state }: VoximplantContext): Found {
  const id = integerParam(request, 'subuser_id');
  const subUser = state.subUsers.find((item) => item.subuser_id === id);
  return subUser ? { subUser } : { refusal: voxError(434) };
}

const subUserRoles = holderRoleHandlers((request, context) => {
  const found = findSubUser(request, context);
  return 'refusal' in found ? found : { holder: found.subUser };
});

function listView(subUser: VoximplantSubUser, withRoles: boolean) {
  return {
    subuser_id: subUser.subuser_id,
    subuser_name: subUser.subuser_name,
    ...(subUser.description !== undefined && { description: subUser.description }),
    ...(withRoles && { roles: heldRoles(subUser.role_ids) }),
  };
}

export const subUserHandlers: Handlers<VoximplantState> = {
  AddSubUser(request, { state }) {
    const name = (request.query.new_subuser_name ?? '').toLowerCase();
    const password = request.query.new_subuser_password ?? '';
    if (name.length < 5 || name.length > 20) return voxError(452);
    if (!NAME_RULE.test(name)) return voxError(453);
    const weak = passwordProblem(password);
    if (weak) return weak;
    const roles = selectedRoles(request, false);
    if ('refusal' in roles) return roles.refusal;
    if (state.subUsers.some((item) => item.subuser_name === name)) return voxError(436);
    const id = state.nextSubUserId++;
    state.subUsers.push({
      subuser_id: id,
      subuser_name: name,
      ...(request.query.description !== undefined && { description: request.query.description }),
      password_sha256: passwordHash(id, password),
      role_ids: addRoles([], roles.roleIds),
    });
    return ok({ subuser_id: id });
  },

  GetSubUsers(request, { state }) {
    const id = integerParam(request, 'subuser_id');
    const matching = state.subUsers.filter((item) => id === undefined || item.subuser_id === id);
    const withRoles = booleanParam(request, 'with_roles');
    return ok(page(request, matching).map((item) => listView(item, withRoles)));
  },

  SetSubUserInfo(request, context) {
    const found = findSubUser(request, context);
    if ('refusal' in found) return found.refusal;
    const { subUser } = found;
    const {
      new_subuser_password: next,
      old_subuser_password: current,
      description,
    } = request.query;
    if (next !== undefined) {
      if (current === undefined) return voxError(448);
      if (passwordHash(subUser.subuser_id, current) !== subUser.password_sha256)
        return voxError(496, 'old_subuser_password');
      const weak = passwordProblem(next);
      if (weak) return weak;
      subUser.password_sha256 = passwordHash(subUser.subuser_id, next);
    }
    if (description !== undefined) subUser.description = description;
    return ok(1);
  },

  DelSubUser(request, context) {
    const found = findSubUser(request, context);
    if ('refusal' in found) return found.refusal;
    context.state.subUsers.splice(context.state.subUsers.indexOf(found.subUser), 1);
    return ok(1);
  },

  SetSubUserRoles: subUserRoles.set,
  GetSubUserRoles: subUserRoles.get,
  RemoveSubUserRoles: subUserRoles.remove,
};
