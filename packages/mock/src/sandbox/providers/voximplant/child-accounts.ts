/**
 * Voximplant child accounts (seeded; the API here has no way to create one): filtered, ordered,
 * paged listing with `total_count`, and changes to one, several or `all` of them.
 */
import {
  type Handlers,
  json,
  type SandboxRequest,
  type SandboxResponse,
} from '../../definition.js';
import type { Random } from '../../random.js';
import { ok, voxError } from './errors.js';
import { booleanParam, integerParam, listParam, optionalBoolean, voxTime } from './params.js';
import { passwordHash, passwordProblem } from './passwords.js';
import type { VoximplantChildAccount, VoximplantContext, VoximplantState } from './state.js';

const SELECTORS = ['child_account_id', 'child_account_name', 'child_account_email'] as const;
const FLAGS = [
  'active',
  'account_notifications',
  'tariff_changing_notifications',
  'news_notifications',
  'support_robokassa',
  'support_bank_card',
  'support_invoice',
  'can_use_restricted',
] as const;

export function seedChildren(
  parentName: string,
  random: Random,
  now: Date,
): VoximplantChildAccount[] {
  return [1, 2, 3].map((index) => ({
    account_id: random.integer(1_000_000, 9_999_999),
    account_name: `${parentName}-child-${index}`,
    account_email: `child-${index}@sandbox.example`,
    created: voxTime(new Date(now.getTime() - index * 86_400_000)),
    active: index !== 3,
    frozen: false,
    language_code: 'en',
    location: 'Etc/GMT',
    min_balance_to_notify: 5,
    account_notifications: true,
    tariff_changing_notifications: true,
    news_notifications: false,
    balance: 10 * index,
    credit_limit: 0,
    currency: 'USD',
    support_robokassa: false,
    support_bank_card: true,
    support_invoice: true,
    can_use_restricted: false,
  }));
}

function profile(child: VoximplantChildAccount) {
  const { password_sha256: _hash, can_use_restricted: _restricted, ...fields } = child;
  return fields;
}

/** The children a selector names; an unknown one is the selector's own error code. */
function select(
  request: SandboxRequest,
  { state }: VoximplantContext,
): VoximplantChildAccount[] | SandboxResponse {
  const given = SELECTORS.filter((name) => request.query[name] !== undefined);
  if (given.length !== 1) return voxError(458, SELECTORS.join(', '));
  const [selector] = given as [(typeof SELECTORS)[number]];
  if (request.query[selector] === 'all' && selector === 'child_account_id') return state.children;
  const wanted = listParam(request, selector) ?? [];
  const key =
    selector === 'child_account_id'
      ? 'account_id'
      : selector === 'child_account_name'
        ? 'account_name'
        : 'account_email';
  const chosen = wanted.map((value) =>
    state.children.find((child) => String(child[key]) === value),
  );
  if (chosen.some((child) => child === undefined))
    return voxError(
      selector === 'child_account_id' ? 194 : selector === 'child_account_name' ? 198 : 199,
    );
  return chosen as VoximplantChildAccount[];
}

export const childAccountHandlers: Handlers<VoximplantState> = {
  GetChildrenAccounts(request, { state }) {
    const ids = listParam(request, 'child_account_id')?.map(Number);
    const { child_account_name: name, child_account_email: email } = request.query;
    if (!booleanParam(request, 'ignore_invalid_accounts')) {
      if (ids?.some((id) => !state.children.some((child) => child.account_id === id)))
        return voxError(194);
      if (name !== undefined && !state.children.some((child) => child.account_name === name))
        return voxError(198);
      if (email !== undefined && !state.children.some((child) => child.account_email === email))
        return voxError(199);
    }
    const active = optionalBoolean(request, 'active');
    const frozen = optionalBoolean(request, 'frozen');
    const order = (request.query.order_by ?? 'child_account_name').replace(
      'child_',
      '',
    ) as 'account_id';
    const matching = state.children
      .filter(
        (child) =>
          (ids === undefined || ids.includes(child.account_id)) &&
          (name === undefined || child.account_name === name) &&
          (email === undefined || child.account_email === email) &&
          (active === undefined || child.active === active) &&
          (frozen === undefined || child.frozen === frozen),
      )
      .sort((a, b) => String(a[order]).localeCompare(String(b[order]), 'en', { numeric: true }));
    const brief = booleanParam(request, 'brief_output');
    const medium = booleanParam(request, 'medium_output');
    // The full output pages by 20 by default; the brief and medium ones return everything.
    const count = integerParam(request, 'count') ?? (brief || medium ? matching.length : 20);
    const offset = integerParam(request, 'offset') ?? 0;
    const items = matching.slice(offset, offset + count).map((child) => {
      if (brief) return { account_id: child.account_id };
      if (medium)
        return {
          account_id: child.account_id,
          account_name: child.account_name,
          account_email: child.account_email,
        };
      return profile(child);
    });
    return json(200, { result: items, total_count: matching.length, count: items.length });
  },

  SetChildAccountInfo(request, context) {
    const targets = select(request, context);
    if (!Array.isArray(targets)) return targets;
    const { query } = request;
    const email = query.new_child_account_email;
    if (email !== undefined) {
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return voxError(201);
      const taken = [
        context.state.account.email,
        ...context.state.children
          .filter((child) => !targets.includes(child))
          .map((child) => child.account_email),
      ];
      if (targets.length > 1 || taken.includes(email)) return voxError(128);
    }
    const password = query.new_child_account_password;
    const weak = password === undefined ? undefined : passwordProblem(password);
    if (weak) return weak;
    for (const child of targets) {
      if (email !== undefined) child.account_email = email;
      if (password !== undefined) child.password_sha256 = passwordHash(child.account_id, password);
      for (const flag of FLAGS) {
        const value = optionalBoolean(request, flag);
        if (value !== undefined) child[flag] = value;
      }
      if (query.language_code !== undefined) child.language_code = query.language_code;
      if (query.location !== undefined) child.location = query.location;
      if (query.min_balance_to_notify !== undefined)
        child.min_balance_to_notify = Number(query.min_balance_to_notify);
    }
    return ok(1);
  },
};
