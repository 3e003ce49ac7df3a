/**
 * Starts a Prism mock per spec (from specs/, the source of truth) on free loopback ports, once per
 * vitest run: every project that uses the mocks gets the same servers.
 *
 * vitest calls a global setup once per project (five use this one), one after the other before any
 * test starts, and loads this file through each project's own module runner, so module state is
 * not shared between those calls: the running mocks are kept on `globalThis` (one vitest process),
 * counted per project, and stopped by the last project's teardown. Prism holds no state between
 * requests, so sharing it changes no answer.
 */
import type { TestProject } from 'vitest/node';
import { type MockServers, startMockServers } from '../packages/mock/src/index.js';
import { providerSpecs } from './lib/specs.js';

const SHARED = Symbol.for('tenantkit.vitest.prism-mocks');
interface Shared {
  mocks: Promise<MockServers>;
  users: number;
}
const holder = globalThis as { [SHARED]?: Shared };

function startAll(): Promise<MockServers> {
  const specs = Object.fromEntries(providerSpecs().map(({ provider, file }) => [provider, file]));
  return startMockServers({ providers: Object.keys(specs), specs });
}

export default async function setup(project: TestProject) {
  holder[SHARED] ??= { mocks: startAll(), users: 0 };
  const shared = holder[SHARED];
  shared.users += 1;
  let mocks: MockServers;
  try {
    mocks = await shared.mocks;
  } catch (error) {
    // A failed start is not kept: a later run in this process (watch mode) tries again.
    if (holder[SHARED] === shared) delete holder[SHARED];
    throw error;
  }
  project.provide('mockUrls', mocks.urls);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    if (holder[SHARED] === shared) delete holder[SHARED];
    await mocks.stop();
  };
}
