/**
 * Per provider: which fields the file manages, how each compares with what the provider reads
 * back, and the create or update that brings the record to the file. Only fields the file names
 * are compared; a field the provider cannot read back is "not comparable", never a change.
 */
import type {
  SubAccount,
  SynthflowCreateInput,
  SynthflowUpdateInput,
  VobizCreateInput,
  VobizUpdateInput,
  VoximplantCreateInput,
  VoximplantUpdateInput,
} from '../model.js';
import type {
  SynthflowTenant,
  TenantProvider,
  TenantSpec,
  VobizTenant,
  VoximplantTenant,
} from './types.js';

export interface FieldChange {
  /** Unified field path, e.g. `limits.rateLimit`, `permissions.cdr`, `roles`. */
  field: string;
  current: unknown;
  desired: unknown;
}

export interface Comparison {
  changes: FieldChange[];
  /** Fields the file sets that the provider cannot read back: sent on create only. */
  notComparable: string[];
}

/** Secrets resolved for one create, by field (`password`, `extra.twilio_auth_token`). */
export type ResolvedSecrets = Readonly<Record<string, string>>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

class Comparer {
  readonly changes: FieldChange[] = [];
  readonly notComparable: string[] = [];
  field(field: string, current: unknown, desired: unknown): void {
    if (desired !== undefined && !same(current, desired))
      this.changes.push({ field, current: current ?? null, desired });
  }
  blind(field: string, desired: unknown): void {
    if (desired !== undefined) this.notComparable.push(field);
  }
  result(): Comparison {
    return { changes: this.changes, notComparable: this.notComparable };
  }
}

function compareSynthflow(want: SynthflowTenant, have: SubAccount<'synthflow'>): Comparison {
  const c = new Comparer();
  c.blind('email', want.email);
  const { maxMinutes, ...unreadable } = want.limits ?? {};
  // Synthflow reads back max_minutes only (null: unlimited).
  c.field('limits.maxMinutes', have.limits?.maxMinutes, maxMinutes);
  for (const [name, value] of Object.entries(unreadable)) c.blind(`limits.${name}`, value);
  const held = (have.permissions ?? {}) as Record<string, boolean | undefined>;
  for (const [name, value] of Object.entries(want.permissions ?? {}))
    c.field(`permissions.${name}`, held[name], value);
  for (const [name, value] of Object.entries(want.extra ?? {})) c.blind(`extra.${name}`, value);
  return c.result();
}

function compareVobiz(want: VobizTenant, have: SubAccount<'vobiz'>): Comparison {
  const c = new Comparer();
  c.field('email', have.email, want.email);
  c.field('description', have.description, want.description);
  c.field('enabled', have.enabled, want.enabled);
  c.field('limits.rateLimit', have.limits?.rateLimit, want.limits?.rateLimit);
  const held = (have.permissions ?? {}) as Record<string, boolean | undefined>;
  for (const [name, value] of Object.entries(want.permissions ?? {}))
    c.field(`permissions.${name}`, held[name], value);
  c.blind('password', want.password);
  const raw = have.raw as unknown as Record<string, unknown>;
  const { business_type: businessType, ...updatable } = want.extra ?? {};
  for (const [name, value] of Object.entries(updatable))
    if (name in raw) c.field(`extra.${name}`, raw[name], value);
    else c.blind(`extra.${name}`, value);
  // Vobiz takes the business type at creation only.
  c.blind('extra.business_type', businessType);
  return c.result();
}

function compareVoximplant(want: VoximplantTenant, have: SubAccount<'voximplant'>): Comparison {
  const c = new Comparer();
  c.field('description', have.description, want.description);
  if (want.roles !== undefined) {
    const held = (have.roles ?? []).map((role) => role.role_name).sort();
    c.field('roles', held, [...want.roles].sort());
  }
  c.blind('password', want.password ?? { generate: true });
  return c.result();
}

export function compare(
  provider: TenantProvider,
  want: NonNullable<TenantSpec[TenantProvider]>,
  have: SubAccount,
): Comparison {
  if (provider === 'synthflow')
    return compareSynthflow(want as SynthflowTenant, have as SubAccount<'synthflow'>);
  if (provider === 'vobiz') return compareVobiz(want as VobizTenant, have as SubAccount<'vobiz'>);
  return compareVoximplant(want as VoximplantTenant, have as SubAccount<'voximplant'>);
}

/** Permission switches as Synthflow's grant/revoke lists. */
function grantRevoke(permissions: Record<string, boolean | undefined>) {
  const grant = Object.keys(permissions).filter((name) => permissions[name] === true);
  const revoke = Object.keys(permissions).filter((name) => permissions[name] === false);
  return {
    ...(grant.length > 0 && { grant }),
    ...(revoke.length > 0 && { revoke }),
  } as NonNullable<SynthflowCreateInput['permissions']>;
}

/** Secret fields of a provider's spec, and the default when the file names none. */
export function secretFields(
  provider: TenantProvider,
  want: NonNullable<TenantSpec[TenantProvider]>,
): Record<string, import('./types.js').SecretRef> {
  if (provider === 'synthflow') {
    const token = (want as SynthflowTenant).extra?.twilio_auth_token;
    return token ? { 'extra.twilio_auth_token': token } : {};
  }
  if (provider === 'vobiz') {
    const password = (want as VobizTenant).password;
    return password ? { password } : {};
  }
  return { password: (want as VoximplantTenant).password ?? { generate: true } };
}

export function createInput(
  provider: TenantProvider,
  name: string,
  want: NonNullable<TenantSpec[TenantProvider]>,
  secrets: ResolvedSecrets,
): SynthflowCreateInput | VobizCreateInput | VoximplantCreateInput {
  if (provider === 'synthflow') {
    const spec = want as SynthflowTenant;
    const twilioToken = secrets['extra.twilio_auth_token'];
    const extra = {
      ...(spec.extra?.twilio_account_sid !== undefined && {
        twilio_account_sid: spec.extra.twilio_account_sid,
      }),
      ...(twilioToken !== undefined && { twilio_auth_token: twilioToken }),
    };
    return {
      name,
      ...(spec.email !== undefined && { email: spec.email }),
      ...(spec.limits && { limits: spec.limits }),
      ...(spec.permissions && { permissions: grantRevoke(spec.permissions) }),
      ...(Object.keys(extra).length > 0 && { extra }),
    };
  }
  if (provider === 'vobiz') {
    const { password: _ref, ...spec } = want as VobizTenant;
    return {
      name,
      ...spec,
      ...(secrets.password !== undefined && { password: secrets.password }),
    } as VobizCreateInput;
  }
  const spec = want as VoximplantTenant;
  return {
    name,
    password: secrets.password ?? '',
    ...(spec.description !== undefined && { description: spec.description }),
    ...(spec.roles && spec.roles.length > 0 && { roles: { grant: spec.roles } }),
  };
}

/** The update that applies `changes` (only compared fields ever change after creation). */
export function updateInput(
  provider: TenantProvider,
  changes: readonly FieldChange[],
  have: SubAccount,
): SynthflowUpdateInput | VobizUpdateInput | VoximplantUpdateInput {
  const wanted = (prefix: string) =>
    Object.fromEntries(
      changes
        .filter((change) => change.field.startsWith(prefix))
        .map((change) => [change.field.slice(prefix.length), change.desired]),
    );
  const top = (field: string) => changes.find((change) => change.field === field)?.desired;
  const limits = wanted('limits.');
  const permissions = wanted('permissions.');
  if (provider === 'synthflow') {
    return {
      ...(Object.keys(limits).length > 0 && { limits }),
      ...(Object.keys(permissions).length > 0 && {
        permissions: grantRevoke(permissions as Record<string, boolean>),
      }),
    } as SynthflowUpdateInput;
  }
  if (provider === 'vobiz') {
    const extra = wanted('extra.');
    const update: Record<string, unknown> = {};
    for (const field of ['email', 'description', 'enabled'])
      if (top(field) !== undefined) update[field] = top(field);
    if (Object.keys(limits).length > 0) update.limits = limits;
    // The whole object is sent, what is held now with the changes on top, so nothing is dropped.
    if (Object.keys(permissions).length > 0)
      update.permissions = { ...(have.permissions as object | undefined), ...permissions };
    if (Object.keys(extra).length > 0) update.extra = extra;
    return update as VobizUpdateInput;
  }
  const update: VoximplantUpdateInput = {};
  if (top('description') !== undefined) update.description = top('description') as string;
  const roles = changes.find((change) => change.field === 'roles');
  if (roles) {
    const held = roles.current as string[];
    const desired = roles.desired as string[];
    const grant = desired.filter((name) => !held.includes(name));
    const revoke = held.filter((name) => !desired.includes(name));
    update.roles = {
      ...(grant.length > 0 && { grant }),
      ...(revoke.length > 0 && { revoke }),
    };
  }
  return update;
}
