/**
 * The facade's part of Voximplant: the adapter that maps the unified model to subuser calls (one
 * update may be several Voximplant methods) and back.
 */
import {
  checkFields,
  createResult,
  defined,
  deleteResult,
  type InputChecker,
  unifiedRecord,
} from '@tenantkit/core';
import type { VoximplantClient } from './api.js';
import { voximplantCapabilities as ROW } from './capabilities.js';
import type { VoximplantFacade, VoximplantSubAccount } from './facade-types.js';
import type { SubUserView } from './generated/openapi.js';

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

/**
 * The facade's id is a string everywhere; Voximplant's `subuser_id` is a positive integer. The
 * facade runs this (the definition's `checkId`) after the path rules every id follows.
 */
export function checkVoximplantId(check: InputChecker, id: string): void {
  if (!/^[1-9]\d{0,15}$/.test(id)) {
    check.fail('id', 'integer-id', 'must be the numeric subuser_id, e.g. 109');
  }
}

export function fromVoximplant(raw: SubUserView): VoximplantSubAccount {
  return unifiedRecord<VoximplantSubAccount>('voximplant', raw, {
    id: String(raw.subuser_id),
    name: raw.subuser_name,
    description: raw.description,
    roles: raw.roles,
  });
}

/** The checked update: passwords come in pairs, and it changes something. */
function updateOf(patch: unknown) {
  const { check, body } = checkFields('voximplant', ROW, 'update', patch);
  if (body.password !== undefined && body.currentPassword === undefined) {
    check.fail(
      'currentPassword',
      'required-with',
      'is required by voximplant to change the password',
    );
  }
  // Alone it would change nothing: say so rather than answer as if it had.
  if (body.currentPassword !== undefined && body.password === undefined) {
    check.fail('password', 'required-with', 'is required with currentPassword (the new password)');
  }
  // Stryker disable next-line StringLiteral: any operation but 'create' allows grant and revoke, as 'update' does
  const { grant, revoke } = roleChange(check, body.roles, 'update');
  if (body.description === undefined && body.password === undefined && !grant && !revoke) {
    check.fail('roles', 'non-empty', 'must grant or revoke at least one role');
  }
  return {
    info: defined({
      description: body.description as string | undefined,
      new_subuser_password: body.password as string | undefined,
      old_subuser_password: body.currentPassword as string | undefined,
    }),
    grant,
    revoke,
  };
}

/** The facade's Voximplant: the unified operations over a Voximplant client (ids come checked). */
export function voximplantFacade(client: VoximplantClient): VoximplantFacade {
  const get: VoximplantFacade['get'] = async (id, call) =>
    // A 200 without that subuser is a NotFoundError from the client, with its real attempts.
    fromVoximplant(await client.subUsers.get({ subuser_id: Number(id), with_roles: true }, call));
  return {
    async create(input, call) {
      const { check, body } = checkFields('voximplant', ROW, 'create', input);
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
      const created = { id: String(answer.subuser_id), name: body.name as string, credentials: {} };
      return createResult('voximplant', created, answer);
    },
    get,
    async *list(options, call) {
      const query = defined({ with_roles: true, count: options.pageSize, limit: options.limit });
      for await (const item of client.subUsers.listAll(query, call)) yield fromVoximplant(item);
    },
    async update(id, patch, call) {
      const subuser_id = Number(id);
      const { info, grant, revoke } = updateOf(patch);
      // Several Voximplant methods make one update: info first, then grants, then removals.
      if (Object.keys(info).length > 0) await client.subUsers.update({ subuser_id, ...info }, call);
      if (grant) await client.subUsers.setRoles({ subuser_id, ...grant }, call);
      if (revoke) await client.subUsers.removeRoles({ subuser_id, ...revoke }, call);
      return get(id, call);
    },
    async delete(id, call) {
      return deleteResult(
        'voximplant',
        id,
        await client.subUsers.delete({ subuser_id: Number(id) }, call),
      );
    },
  };
}
