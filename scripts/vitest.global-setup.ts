/** Starts a Prism mock per spec (from specs/, the source of truth) on free loopback ports. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type MockProvider, PROVIDERS, startMockServers } from '../packages/mock/src/index.js';
import { specsDir } from './lib/specs.js';

export default async function setup(project: TestProject) {
  const specs: Partial<Record<MockProvider, string>> = {};
  for (const provider of PROVIDERS) {
    const file = join(specsDir, `${provider}.yaml`);
    if (existsSync(file)) specs[provider] = file;
  }
  const mocks = await startMockServers({ providers: Object.keys(specs) as MockProvider[], specs });
  project.provide('mockUrls', mocks.urls);
  return () => mocks.stop();
}
