import type { HandlerContext } from '../../definition.js';
import type { RandomState } from '../../random.js';

/** Synthflow's 13 feature areas, in the order of its docs. */
export const PERMISSIONS = [
  'inbound',
  'outbound',
  'widget',
  'chat',
  'assistants',
  'knowledge_base',
  'actions',
  'workflows',
  'contacts',
  'phone_numbers',
  'logs',
  'simulations',
  'analytics',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface SynthflowLimits {
  concurrency?: number;
  max_agents?: number | null;
  max_minutes?: number | null;
  max_workflow_runs?: number | null;
}

export interface SynthflowRecord {
  subaccount_id: string;
  name: string;
  permissions: Record<Permission, boolean>;
  /** Every limit that was set is kept, though Synthflow's GET shows only `max_minutes`. */
  limits: SynthflowLimits;
  members: Array<{ email: string; status: string }>;
  pricing_tiers: string[];
  subscription: { stripe_subscription_id: string; synthflow_price_id: string };
  twilio_account_sid?: string;
  /** Numbers moved in with `operation_type: import` (not part of the GET answer). */
  phone_numbers: string[];
  minutes_used: number;
  created_at: string;
}

export interface SynthflowState extends RandomState {
  agencyId: string;
  /** The agency workspace's API key: the only bearer key this sandbox accepts. */
  apiKey: string;
  subaccounts: SynthflowRecord[];
}

/** What every Synthflow handler is given: the state, the id generator, the time, the sandbox's address. */
export type SynthflowContext = HandlerContext<SynthflowState>;
