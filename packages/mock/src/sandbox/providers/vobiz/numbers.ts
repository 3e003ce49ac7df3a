/**
 * Vobiz numbers: the parent's list (its sub-accounts' numbers included unless asked otherwise,
 * each naming its holder), assigning one to a sub-account and taking it back — refused with 409
 * within 15 days of its last call (the cool-off), `force` being for admin accounts only.
 */
import {
  type Handlers,
  json,
  type SandboxRequest,
  type SandboxResponse,
} from '../../definition.js';
import type { Random } from '../../random.js';
import { vobizError } from './errors.js';
import { findSubAccount, subAccountNotFound } from './lookup.js';
import type { VobizContext, VobizNumber, VobizState } from './state.js';

const COOL_OFF_MS = 15 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
const REGIONS = [
  ['80', 'Karnataka'],
  ['22', 'Mumbai'],
  ['11', 'Delhi'],
  ['44', 'Chennai'],
] as const;

/** The parent's numbers at the start: one per region; the first carried a call three days ago. */
export function seedNumbers(parent: string, random: Random, now: Date): VobizNumber[] {
  const purchased = new Date(now.getTime() - 90 * DAY_MS).toISOString();
  return REGIONS.map(([area, region], index) => ({
    id: random.uuid(),
    e164: `+91${area}${random.digits(8)}`,
    region,
    holder: parent,
    setup_fee: 100,
    monthly_fee: 200 + 100 * index,
    purchased_at: purchased,
    updated_at: purchased,
    last_call_at: index === 0 ? new Date(now.getTime() - 3 * DAY_MS).toISOString() : null,
  }));
}

function view(number: VobizNumber) {
  return {
    id: number.id,
    account_id: number.holder,
    e164: number.e164,
    country: 'IN',
    region: number.region,
    capabilities: { voice: true, sms: false, mms: false, fax: false },
    status: 'active',
    provider: '',
    setup_fee: number.setup_fee,
    monthly_fee: number.monthly_fee,
    currency: 'INR',
    voice_enabled: true,
    tags: [],
    purchased_at: number.purchased_at,
    is_blocked: false,
    created_at: number.purchased_at,
    updated_at: number.updated_at,
    is_trial_number: false,
    minimum_commitment_months: 0,
    aadhaar_verification_required: false,
    aadhaar_verified: false,
    source: 'purchased',
  };
}

function findNumber(
  request: SandboxRequest,
  context: VobizContext,
): { number: VobizNumber } | { refusal: SandboxResponse } {
  const number = context.state.numbers.find((item) => item.e164 === request.params.e164);
  const missing = vobizError(
    404,
    'NOT_FOUND',
    `DID ${request.params.e164} is not a number of this account`,
    { e164: request.params.e164 },
    context,
  );
  return number ? { number } : { refusal: missing };
}

export const numberHandlers: Handlers<VobizState> = {
  listNumbers(request, { state }) {
    const page = Number(request.query.page ?? 1);
    const perPage = Number(request.query.per_page ?? 25);
    const withSubAccounts = request.query.include_subaccounts !== 'false';
    const search = request.query.search;
    const matching = state.numbers.filter(
      (number) =>
        (withSubAccounts || number.holder === state.parent.authId) &&
        (search === undefined || number.e164.includes(search)),
    );
    return json(200, {
      items: matching.slice((page - 1) * perPage, page * perPage).map(view),
      page,
      per_page: perPage,
      total: matching.length,
    });
  },

  assignNumberToSubAccount(request, context) {
    const found = findNumber(request, context);
    if ('refusal' in found) return found.refusal;
    const target = (request.body as { sub_account_id: string }).sub_account_id;
    if (!findSubAccount(target, context)) return subAccountNotFound(target, context);
    const { number } = found;
    if (number.holder !== context.state.parent.authId && number.holder !== target) {
      return vobizError(
        400,
        'BAD_REQUEST',
        `DID ${number.e164} is assigned to ${number.holder}; return it to the parent first`,
        { e164: number.e164 },
        context,
      );
    }
    number.holder = target;
    number.updated_at = context.now.toISOString();
    return json(200, { message: 'DID assigned to the sub-account' });
  },

  unassignNumberFromSubAccount(request, context) {
    const found = findNumber(request, context);
    if ('refusal' in found) return found.refusal;
    const { number } = found;
    if (number.holder === context.state.parent.authId) {
      return vobizError(
        400,
        'BAD_REQUEST',
        `DID ${number.e164} is not assigned to a sub-account`,
        { e164: number.e164 },
        context,
      );
    }
    const coolOffEnds = number.last_call_at ? Date.parse(number.last_call_at) + COOL_OFF_MS : 0;
    if (coolOffEnds > context.now.getTime()) {
      // The sandbox's parent is not an admin account, so `force` is refused as Vobiz does.
      if (request.query.force === 'true')
        return vobizError(403, 'FORBIDDEN', 'force is for admin accounts only', {}, context);
      return json(409, {
        error: 'did_cool_off_in_effect',
        cool_off_until: `${new Date(coolOffEnds).toISOString().slice(0, 19)}Z`,
        cool_off_remaining_seconds: Math.ceil((coolOffEnds - context.now.getTime()) / 1000),
      });
    }
    number.holder = context.state.parent.authId;
    number.updated_at = context.now.toISOString();
    return json(200, { message: 'DID returned to the parent account' });
  },
};
