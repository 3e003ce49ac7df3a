/**
 * The providers the sandbox has a stateful model of (`providers/<p>/`), in the order they start:
 * the sandbox's one list. Everything else here (the default providers, the credentials type, the
 * CLI environment) is derived from it. A provider without a model is served by Prism alone.
 */
import { synthflow } from './providers/synthflow/index.js';
import { twilio } from './providers/twilio/index.js';
import { vobiz } from './providers/vobiz/index.js';
import { voximplant } from './providers/voximplant/index.js';

export const MODELS = { synthflow, vobiz, voximplant, twilio } as const;

export type SandboxProvider = keyof typeof MODELS;
export const SANDBOX_PROVIDERS = Object.freeze(Object.keys(MODELS) as SandboxProvider[]);
