import { describe, expect, it } from 'vitest';
import { withDependents } from '../lib/affected.js';

const pkg = (
  dir: string,
  name: string,
  dependencies: Record<string, string> = {},
  devDependencies: Record<string, string> = {},
) => ({
  dir,
  manifest: { name, version: '0.1.0', dependencies, devDependencies },
});

describe('test:affected', () => {
  const packages = [
    pkg('core', '@t/core'),
    pkg('mock', '@t/mock'),
    pkg('vobiz', '@t/vobiz', { '@t/core': 'workspace:^' }, { '@t/mock': 'workspace:^' }),
    pkg('synthflow', '@t/synthflow', { '@t/core': 'workspace:^' }, { '@t/mock': 'workspace:^' }),
    pkg('facade', 'facade', { '@t/vobiz': 'workspace:^', '@t/synthflow': 'workspace:^' }),
  ];

  it('a provider change selects the provider and what depends on it, not its siblings or dependencies', () => {
    expect(withDependents(packages, new Set(['vobiz']))).toEqual(['@t/vobiz', 'facade']);
  });

  it('a core change selects everything built on core', () => {
    expect(withDependents(packages, new Set(['core']))).toEqual([
      '@t/core',
      '@t/synthflow',
      '@t/vobiz',
      'facade',
    ]);
  });
});
