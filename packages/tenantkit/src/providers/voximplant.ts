import { InputChecker } from '@tenantkit/core';
import {
  type SubUserView,
  type VoximplantClient,
  voximplantOperations,
} from '@tenantkit/voximplant';
import { checkFields } from '../capabilities.js';
import type { VoximplantSubAccount } from '../model.js';
import { type Adapter, defined, notFound, redacted } from './shared.js';

type RoleSelector = { role_id: number[] } | { role_name: string[] };

/** Role lists are all ids (→ `role_id`) or all names (→ `role_name`); Voximplant refuses both at once. */
function roleSelector(
  check: InputChecker,
  field: string,
  value: unknown,
): RoleSelector | undefined {
  const items = check.array(field, value, { optional: true, minItems: 1 });
  if (!items) return undefined;
  if (items.every((item) => typeof item === 'number')) {
    items.forEach((item, index) => {
      check.integer(`${field}[${index}]`, item, { min: 1 });
    });
    return { role_id: items as number[] };
  }
  if (items.every((item) => typeof item === 'string')) {
    items.forEach((item, index) => {
      check.nonBlank(`${field}[${index}]`, item);
    });
    return { role_name: items as string[] };
  }
  return check.fail(
    field,
    'role-refs',
    'must be all role ids (numbers) or all role names (strings)',
  );
}

function roleChange(check: InputChecker, value: unknown, operation: 'create' | 'update') {
  if (value === undefined) return {};
  const change = check.record('roles', value);
  check.knownFields('roles', change, operation === 'create' ? ['grant'] : ['grant', 'revoke']);
  return {
    grant: roleSelector(check, 'roles.grant', change.grant),
    revoke: roleSelector(check, 'roles.revoke', change.revoke),
  };
}

/** The facade's id is a string everywhere; Voximplant's `subuser_id` is a positive integer. */
export function subUserId(operation: string, id: unknown): number {
  const check = new InputChecker('voximplant', `subaccounts.${operation}`);
  check.nonBlank('id', id);
  if (!/^[1-9]\d{0,15}$/.test(id as string)) {
    check.fail('id', 'integer-id', 'must be the numeric subuser_id, e.g. 109');
  }
  return Number(id);
}

export function fromVoximplant(raw: SubUserView): VoximplantSubAccount {
  return defined({
    provider: 'voximplant' as const,
    id: String(raw.subuser_id),
    name: raw.subuser_name,
    description: raw.description,
    roles: raw.roles,
    raw: redacted(raw),
  });
}

export function voximplantAdapter(client: VoximplantClient): Adapter<'voximplant'> {
  const get = async (id: string, call?: Parameters<VoximplantClient['subUsers']['list']>[1]) => {
    const subuserId = subUserId('get', id);
    const found = await client.subUsers.list({ subuser_id: subuserId, with_roles: true }, call);
    const item = found.find((user) => user.subuser_id === subuserId);
    if (!item) throw notFound('voximplant', voximplantOperations.GetSubUsers, id, found);
    return fromVoximplant(item);
  };
  return {
    async create(input, call) {
      const { check, body } = checkFields('voximplant', 'create', input);
      check.string('password', body.password);
      const { grant } = roleChange(check, body.roles, 'create');
      const answer = await client.subUsers.add(
        defined({
          new_subuser_name: body.name as string,
          new_subuser_password: body.password as string,
          description: body.description as string | undefined,
          ...grant,
        }),
        call,
      );
      return {
        provider: 'voximplant',
        id: String(answer.subuser_id),
        name: body.name as string,
        credentials: {},
        raw: redacted(answer),
      };
    },
    get,
    async *list(options, call) {
      const query = defined({ with_roles: true, count: options.pageSize, limit: options.limit });
      for await (const item of client.subUsers.listAll(query, call)) yield fromVoximplant(item);
    },
    async update(id, patch, call) {
      const subuserId = subUserId('update', id);
      const { check, body } = checkFields('voximplant', 'update', patch);
      if (body.password !== undefined && body.currentPassword === undefined) {
        check.fail(
          'currentPassword',
          'required-with',
          'is required by voximplant to change the password',
        );
      }
      // Alone it would change nothing: say so rather than answer as if it had.
      if (body.currentPassword !== undefined && body.password === undefined) {
        check.fail(
          'password',
          'required-with',
          'is required with currentPassword (the new password)',
        );
      }
      const { grant, revoke } = roleChange(check, body.roles, 'update');
      if (body.description === undefined && body.password === undefined && !grant && !revoke) {
        check.fail('roles', 'non-empty', 'must grant or revoke at least one role');
      }
      // Several Voximplant methods make one update: info first, then grants, then removals.
      if (body.description !== undefined || body.password !== undefined) {
        await client.subUsers.update(
          defined({
            subuser_id: subuserId,
            description: body.description as string | undefined,
            new_subuser_password: body.password as string | undefined,
            old_subuser_password: body.currentPassword as string | undefined,
          }),
          call,
        );
      }
      if (grant) await client.subUsers.setRoles({ subuser_id: subuserId, ...grant }, call);
      if (revoke) await client.subUsers.removeRoles({ subuser_id: subuserId, ...revoke }, call);
      return get(id, call);
    },
    async delete(id, call) {
      const subuserId = subUserId('delete', id);
      const answer = await client.subUsers.delete({ subuser_id: subuserId }, call);
      return { provider: 'voximplant', id, deleted: true, raw: redacted(answer) };
    },
  };
}
