/**
 * Vobiz-hosted KYC sessions: the email flow "sends" a link (to the given address, else the
 * sub-account's email), the redirect flow answers a widget address. No webhook is ever called.
 */
import type { Handlers } from '../../definition.js';
import { json } from '../../definition.js';
import { vobizError } from './errors.js';
import { findSubAccount, subAccountNotFound } from './lookup.js';
import type { VobizKycSession, VobizState } from './state.js';

interface Body {
  account_auth_id?: string;
  flow_type: 'email' | 'redirect';
  customer_email?: string;
  expires_in_days?: number;
}

const DAY_MS = 24 * 3600 * 1000;

/** `customer@example.com` → `c*******@example.com`. */
const masked = (email: string) =>
  email.replace(/^(.)([^@]*)/, (_, first: string, rest: string) => first + '*'.repeat(rest.length));

export const kycSessionHandlers: Handlers<VobizState> = {
  createSubAccountKycSession(request, context) {
    const subAuthId = request.params.sub_auth_id;
    const record = findSubAccount(subAuthId, context);
    if (!record) return subAccountNotFound(subAuthId, context);
    const body = request.body as Body;
    if (body.account_auth_id !== undefined && body.account_auth_id !== subAuthId) {
      return vobizError(
        400,
        'BAD_REQUEST',
        'account_auth_id must be the sub-account of the path',
        { field: 'account_auth_id' },
        context,
      );
    }
    const email = body.flow_type === 'email' ? (body.customer_email ?? record.email) : null;
    if (body.flow_type === 'email' && !email) {
      return vobizError(
        400,
        'BAD_REQUEST',
        'customer_email is required: the sub-account has no email',
        { field: 'customer_email' },
        context,
      );
    }
    const id = context.random.uuid();
    const session: VobizKycSession = {
      session_id: id,
      flow_type: body.flow_type,
      customer_email: email,
      status: email ? 'email_sent' : 'created',
      expires_at: new Date(
        context.now.getTime() + (body.expires_in_days ?? 30) * DAY_MS,
      ).toISOString(),
      widget_url: email ? null : `https://kyc.sandbox.example/session/${id}`,
    };
    record.kyc.sessions.push(session);
    return json(201, {
      ...session,
      account_auth_id: record.auth_id,
      ...(email && {
        email_dispatched_to: masked(email),
        message: 'KYC email dispatched successfully',
      }),
    });
  },
};
