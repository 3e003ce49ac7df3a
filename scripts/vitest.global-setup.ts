/** Starts a Prism mock per spec (from specs/, the source of truth) on free loopback ports. */
import type { TestProject } from 'vitest/node';
import { startMockServers } from '../packages/mock/src/index.js';
import { providerSpecs } from './lib/specs.js';

export default async function setup(project: TestProject) {
  const specs = Object.fromEntries(providerSpecs().map(({ provider, file }) => [provider, file]));
  const mocks = await startMockServers({ providers: Object.keys(specs), specs });
  project.provide('mockUrls', mocks.urls);
  return () => mocks.stop();
}
