/**
 * Synthflow sub-accounts: create (one-time `api_key`, a `sign_in_link` when someone is invited),
 * the single GET's `{subaccounts: [one]}` answer, partial update, delete.
 */
import {
  type Handlers,
  json,
  type SandboxRequest,
  type SandboxResponse,
} from '../../definition.js';
import type { Random } from '../../random.js';
import {
  PERMISSIONS,
  type Permission,
  type SynthflowContext,
  type SynthflowLimits,
  type SynthflowRecord,
  type SynthflowState,
} from './state.js';

/** What Prism has already checked the bodies against (specs/synthflow.yaml). */
interface Body extends SynthflowLimits {
  subaccount_name?: string;
  user_email?: string;
  invite_user_email?: string;
  twilio_account_sid?: string;
  grant_permissions?: Permission[];
  revoke_permissions?: Permission[];
  pricing_tiers_attach?: Array<{ pricing_tier_id: string }>;
  pricing_tiers_detach?: Array<{ pricing_tier_id: string }>;
  import_subscription?: { stripe_subscription_id?: string; synthflow_price_id?: string };
  operation_type?: 'import' | 'return';
  products?: { phone_numbers?: Array<{ number: string }> };
}

const LIMIT_FIELDS = ['concurrency', 'max_agents', 'max_minutes', 'max_workflow_runs'] as const;

/** Ids as Synthflow's examples show them: `<13-digit ms>x<18 digits>`. */
export function synthflowId(random: Random, now: Date): string {
  return `${now.getTime()}x${random.digits(18)}`;
}

const notFound = () => json(404, { detail: 'Subaccount not found.' });

function find(request: SandboxRequest, { state }: SynthflowContext): SynthflowRecord | undefined {
  return state.subaccounts.find((item) => item.subaccount_id === request.params.subaccount_id);
}

/** Duplicates and grant∩revoke are refused with 400, as Synthflow documents. */
function permissionProblem(body: Body): SandboxResponse | undefined {
  const grant = body.grant_permissions ?? [];
  const revoke = body.revoke_permissions ?? [];
  if (new Set(grant).size !== grant.length || new Set(revoke).size !== revoke.length)
    return json(400, { detail: 'A permission may not be listed twice.' });
  if (grant.some((permission) => revoke.includes(permission)))
    return json(400, {
      detail: 'A permission may not be granted and revoked in the same request.',
    });
  return undefined;
}

function applyChanges(record: SynthflowRecord, body: Body): void {
  if (body.subaccount_name !== undefined) record.name = body.subaccount_name;
  for (const field of LIMIT_FIELDS)
    if (body[field] !== undefined) Object.assign(record.limits, { [field]: body[field] });
  for (const permission of body.grant_permissions ?? []) record.permissions[permission] = true;
  for (const permission of body.revoke_permissions ?? []) record.permissions[permission] = false;
  if (body.twilio_account_sid !== undefined) record.twilio_account_sid = body.twilio_account_sid;
}

/** A new member is invited: a one-time sign-in link is handed out. */
function invite(record: SynthflowRecord, email: string, { random, now }: SynthflowContext) {
  if (!record.members.some((member) => member.email === email))
    record.members.push({ email, status: 'pending' });
  return {
    user_email: email,
    sign_in_link: `https://fine-tuner.ai/invite/${synthflowId(random, now)}`,
  };
}

/** The GET item: Synthflow shows `max_minutes` of the limits, and pricing tiers as objects. */
function view(record: SynthflowRecord, state: SynthflowState) {
  return {
    subaccount_id: record.subaccount_id,
    agency_id: state.agencyId,
    name: record.name,
    pricing_tiers: record.pricing_tiers.map((id) => ({ pricing_tier_id: id })),
    permissions: record.permissions,
    subscription: record.subscription,
    minutes_used: record.minutes_used,
    max_minutes: record.limits.max_minutes ?? null,
    members: record.members,
  };
}

/** New sub-accounts inherit the permissions of the most recently created one (Synthflow's docs). */
function inheritedPermissions(state: SynthflowState): Record<Permission, boolean> {
  const latest = state.subaccounts.at(-1);
  if (latest) return { ...latest.permissions };
  return Object.fromEntries(PERMISSIONS.map((name) => [name, true])) as Record<Permission, boolean>;
}

export const subaccountHandlers: Handlers<SynthflowState> = {
  createSubaccount(request, context) {
    const { state, random, now } = context;
    const body = request.body as Body;
    const problem = permissionProblem(body);
    if (problem) return problem;
    const record: SynthflowRecord = {
      subaccount_id: synthflowId(random, now),
      name: '',
      permissions: inheritedPermissions(state),
      limits: {},
      members: [],
      pricing_tiers: [],
      subscription: { stripe_subscription_id: '', synthflow_price_id: '' },
      phone_numbers: [],
      minutes_used: 0,
      created_at: now.toISOString(),
    };
    applyChanges(record, body);
    const invited = body.user_email ? invite(record, body.user_email, context) : {};
    state.subaccounts.push(record);
    return json(200, {
      status: 'ok',
      response: {
        subaccount_id: record.subaccount_id,
        // Handed out once: the sandbox keeps no copy.
        api_key: synthflowId(random, now),
        ...invited,
        ...(body.twilio_account_sid !== undefined && { twilio_connected_successfully: true }),
      },
    });
  },

  listSubaccounts(_request, { state }) {
    const subaccounts = state.subaccounts.map((record) => view(record, state));
    return json(200, { status: 'success', response: { subaccounts } });
  },

  getSubaccount(request, context) {
    const record = find(request, context);
    if (!record) return notFound();
    return json(200, { status: 'ok', response: { subaccounts: [view(record, context.state)] } });
  },

  updateSubaccount(request, context) {
    const record = find(request, context);
    if (!record) return notFound();
    const body = request.body as Body;
    const problem = permissionProblem(body);
    if (problem) return problem;
    applyChanges(record, body);
    const tiers = new Set(record.pricing_tiers);
    for (const tier of body.pricing_tiers_attach ?? []) tiers.add(tier.pricing_tier_id);
    for (const tier of body.pricing_tiers_detach ?? []) tiers.delete(tier.pricing_tier_id);
    record.pricing_tiers = [...tiers];
    if (body.import_subscription) Object.assign(record.subscription, body.import_subscription);
    const numbers = (body.products?.phone_numbers ?? []).map((phone) => phone.number);
    if (body.operation_type === 'return')
      record.phone_numbers = record.phone_numbers.filter((number) => !numbers.includes(number));
    else record.phone_numbers = [...new Set([...record.phone_numbers, ...numbers])];
    const invited = body.invite_user_email ? invite(record, body.invite_user_email, context) : {};
    return json(200, {
      status: 'ok',
      response: { subaccount_id: record.subaccount_id, ...invited },
    });
  },

  deleteSubaccount(request, context) {
    const record = find(request, context);
    if (!record) return notFound();
    context.state.subaccounts.splice(context.state.subaccounts.indexOf(record), 1);
    return json(200, { status: 'ok', response: { answer: 'Subaccount deleted.' } });
  },
};
