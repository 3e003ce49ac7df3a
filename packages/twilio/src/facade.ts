/**
 * The facade's part of Twilio: `name` ↔ `FriendlyName`, `enabled` ↔ active/suspended, `delete` =
 * close (irreversible), the main account left out of `list` and refused by `delete`.
 */
import {
  checkFields,
  createResult,
  defined,
  deleteResult,
  InputChecker,
  secretOf,
  unifiedRecord,
} from '@tenantkit/core';
import type { TwilioClient } from './api.js';
import { twilioCapabilities as ROW } from './capabilities.js';
import type { TwilioFacade, TwilioUnifiedSubAccount } from './facade-types.js';
import type { Account, CreateAccountForm, UpdateAccountForm } from './generated/openapi.js';

/** Unified input → Twilio form fields: `name` ↔ `FriendlyName`, `enabled` ↔ active/suspended. */
function toWire(operation: 'create' | 'update', input: unknown): UpdateAccountForm {
  const { check, body } = checkFields('twilio', ROW, operation, input);
  check.boolean('enabled', body.enabled, { optional: true });
  const status = body.enabled === undefined ? undefined : body.enabled ? 'active' : 'suspended';
  return defined({ FriendlyName: body.name as string | undefined, Status: status });
}

/** Twilio dates are RFC 2822 (`Thu, 30 Jul 2015 20:00:00 +0000`); the model's are ISO 8601. */
function isoDate(value: string | null | undefined): string | undefined {
  const time = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** A Twilio account → unified. A closed sub-account is `enabled: false` too (`raw.status` says which). */
export function fromTwilio(raw: Account): TwilioUnifiedSubAccount {
  // auth_token sits under a secret name: `raw` carries it as [REDACTED].
  return unifiedRecord<TwilioUnifiedSubAccount>('twilio', raw, {
    // The client refuses an answer without the SID.
    id: raw.sid as string,
    name: raw.friendly_name ?? '',
    enabled: raw.status === undefined ? undefined : raw.status === 'active',
    createdAt: isoDate(raw.date_created),
  });
}

/** The facade's Twilio: the unified operations over a Twilio client. */
export function twilioFacade(client: TwilioClient): TwilioFacade {
  return {
    async create(input, call) {
      const body = toWire('create', input) as CreateAccountForm;
      const answer = await client.subaccounts.create(body, call);
      const name = answer.friendly_name ?? body.FriendlyName ?? '';
      const credentials = { authToken: secretOf(answer.auth_token) };
      return createResult('twilio', { id: answer.sid as string, name, credentials }, answer);
    },
    async get(id, call) {
      return fromTwilio(await client.subaccounts.get(id, call));
    },
    async *list(options, call) {
      // Twilio lists the calling account with its sub-accounts: the facade lists sub-accounts only.
      let yielded = 0;
      if (options.limit === 0) return;
      const query = { PageSize: options.pageSize };
      for await (const account of client.subaccounts.listAll(query, call)) {
        if (account.sid === client.accountSid) continue;
        yield fromTwilio(account);
        if (++yielded === options.limit) return;
      }
    },
    async update(id, patch, call) {
      return fromTwilio(await client.subaccounts.update(id, toWire('update', patch), call));
    },
    async delete(id, call) {
      // Twilio has no DELETE: closing is final (numbers released, data deleted after 30 days).
      if (id === client.accountSid)
        new InputChecker('twilio', 'subaccounts.delete').fail(
          'id',
          'not-main-account',
          'is the main account the client acts for; only its sub-accounts can be closed',
        );
      return deleteResult('twilio', id, await client.subaccounts.close(id, call));
    },
  };
}
