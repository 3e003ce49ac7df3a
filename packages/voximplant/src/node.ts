/**
 * The Node entry, chosen by the `node` export condition (Node, Bun, Deno): everything the
 * runtime-neutral entry has, and `credentials` (or `VOXIMPLANT_CREDENTIALS`) may also be the path
 * of credentials.json, read at construction. Browsers and edge bundles get `src/index.ts`, which
 * imports no Node built-in.
 */
import { readFileSync } from 'node:fs';
import {
  buildVoximplantClient,
  type VoximplantClient,
  type VoximplantClientOptions,
} from './client.js';
import { defineVoximplantProvider } from './provider.js';

export * from './index.js';

export function createVoximplantClient(options: VoximplantClientOptions = {}): VoximplantClient {
  return buildVoximplantClient(options, (path) => readFileSync(path, 'utf8'));
}

/** The Node entry's definition builds the Node client (credentials.json by path). */
export const voximplantProvider = /* @__PURE__ */ defineVoximplantProvider(createVoximplantClient);
