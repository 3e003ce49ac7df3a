/** The facade's part of Synthflow: unified input → Synthflow body, Synthflow answer → unified. */
import {
  checkFields,
  createResult,
  defined,
  deleteResult,
  type FacadeContext,
  limitsToWire,
  mergeExtra,
  secretOf,
  unifiedRecord,
} from '@tenantkit/core';
import type { SynthflowClient } from './api.js';
import { synthflowCapabilities as ROW } from './capabilities.js';
import type { SynthflowFacade, SynthflowSubAccount } from './facade-types.js';
import {
  type CreateSubaccountRequest,
  permissionValues,
  type Subaccount,
  type UpdateSubaccountRequest,
} from './generated/openapi.js';
import { resolveTwilioLink, type TwilioAccountReader, type TwilioPair } from './twilio-link.js';

/** Unified input → Synthflow body. Value rules (permission names, integers) are the client's. */
function toWire(
  operation: 'create' | 'update',
  input: unknown,
  linked?: TwilioPair,
): Record<string, unknown> {
  const { check, body } = checkFields('synthflow', ROW, operation, input);
  const given = body.extra as Record<string, unknown> | undefined;
  if (linked && (given?.twilio_account_sid !== undefined || given?.twilio_auth_token !== undefined))
    check.fail(
      'twilio + extra.twilio_*',
      'at-most-one',
      'cannot be combined: name the Twilio sub-account once',
    );
  const wire: Record<string, unknown> = {
    subaccount_name: body.name,
    [operation === 'create' ? 'user_email' : 'invite_user_email']: body.email,
  };
  if (body.limits !== undefined) Object.assign(wire, limitsToWire(check, body.limits, ROW.limits));
  if (body.permissions !== undefined) {
    const change = check.record('permissions', body.permissions);
    check.knownFields('permissions', change, ['grant', 'revoke']);
    check.enumList('permissions.grant', change.grant, permissionValues, { optional: true });
    check.enumList('permissions.revoke', change.revoke, permissionValues, { optional: true });
    wire.grant_permissions = change.grant;
    wire.revoke_permissions = change.revoke;
  }
  // Stryker disable next-line OptionalChaining,ArrayDeclaration: Synthflow's row always lists its extra fields
  const extra = mergeExtra(check, wire, body.extra, ROW.fields.extra?.allowed[operation] ?? []);
  return defined({ ...extra, ...linked });
}

/** Synthflow sub-account → unified. Synthflow reports only `max_minutes` of the limits it takes. */
export function fromSynthflow(raw: Subaccount): SynthflowSubAccount {
  const limits = raw.max_minutes === undefined ? undefined : { maxMinutes: raw.max_minutes };
  return unifiedRecord<SynthflowSubAccount>('synthflow', raw, {
    // Stryker disable next-line StringLiteral: the client refuses a sub-account without its id, so the fallback is never used
    id: raw.subaccount_id ?? '',
    name: raw.name ?? '',
    limits,
    permissions: raw.permissions,
  });
}

/** The facade's Synthflow: the unified operations over a Synthflow client. */
export function synthflowFacade(client: SynthflowClient, context: FacadeContext): SynthflowFacade {
  /** The body, with the linked Twilio sub-account's SID and token when `twilio` is given. */
  const bodyOf = async (operation: 'create' | 'update', input: unknown) => {
    // Every other rule first: nothing is read from Twilio for an input that would be refused.
    const plain = toWire(operation, input);
    const link = (input as Record<string, unknown>).twilio;
    if (link === undefined) return plain;
    // The facade hands out the Twilio client it built (a ConfigurationError if it has none).
    const twilio = () => context.clientOf('twilio') as TwilioAccountReader;
    return toWire(operation, input, await resolveTwilioLink(operation, link, twilio));
  };
  const get: SynthflowFacade['get'] = async (id, call) => {
    // The client answers with the sub-account asked for only, or throws a NotFoundError (with
    // the attempts it made) when Synthflow's 200 holds none.
    const answer = await client.subaccounts.get(id, call);
    return fromSynthflow(answer.subaccounts![0]!);
  };
  return {
    async create(input, call) {
      const body = (await bodyOf('create', input)) as CreateSubaccountRequest;
      const answer = await client.subaccounts.create(body, call);
      const credentials = {
        apiKey: secretOf(answer.api_key),
        signInLink: secretOf(answer.sign_in_link),
      };
      // The client refuses a create answer without its id.
      const created = { id: answer.subaccount_id!, name: body.subaccount_name, credentials };
      return createResult('synthflow', created, answer);
    },
    get,
    async *list(options, call) {
      // Stryker disable next-line ArrayDeclaration: the client answers an absent list as []
      const { subaccounts = [] } = await client.subaccounts.list(call);
      // Stryker disable next-line ConditionalExpression: slice(0, undefined) is the whole list
      const items = options.limit === undefined ? subaccounts : subaccounts.slice(0, options.limit);
      for (const item of items) yield fromSynthflow(item);
    },
    async update(id, patch, call) {
      const body = (await bodyOf('update', patch)) as UpdateSubaccountRequest;
      await client.subaccounts.update(id, body, call);
      // Synthflow's update answer carries only the id: read the sub-account back.
      return get(id, call);
    },
    async delete(id, call) {
      return deleteResult('synthflow', id, await client.subaccounts.delete(id, call));
    },
  };
}
