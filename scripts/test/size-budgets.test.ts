/** `pnpm size` reads each package's budget from its own package.json; a provider without one fails. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sizeCases } from '../lib/size-budgets.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A repository with the given specs and packages (dir → package.json). */
function repo(specs: string[], packages: Record<string, object>): string {
  const root = mkdtempSync(join(tmpdir(), 'size-budgets-'));
  roots.push(root);
  mkdirSync(join(root, 'specs'));
  for (const spec of specs) writeFileSync(join(root, 'specs', `${spec}.yaml`), 'openapi: 3.1.0\n');
  for (const [dir, manifest] of Object.entries(packages)) {
    mkdirSync(join(root, 'packages', dir), { recursive: true });
    writeFileSync(join(root, 'packages', dir, 'package.json'), JSON.stringify(manifest));
  }
  return root;
}

describe('size budgets', () => {
  it('one case per package with a budget: everything first, then each client, then the facade', () => {
    const root = repo(['acme'], {
      core: { name: '@t/core', tenantkit: { size: { import: '*' } } },
      facade: { name: 'facade', tenantkit: { size: { import: 'createFacade', ceilingKb: 40 } } },
      acme: {
        name: '@t/acme',
        tenantkit: {
          provider: 'acme',
          size: { import: 'createAcmeClient', targetKb: 6, ceilingKb: 9 },
        },
      },
      mock: { name: '@t/mock' },
    });
    expect(sizeCases(root)).toEqual([
      {
        name: '@t/core (everything)',
        consumer: "export * from '@t/core';",
        targetKb: undefined,
        ceilingKb: undefined,
      },
      {
        name: '@t/acme',
        consumer: "import { createAcmeClient } from '@t/acme';\nconsole.log(createAcmeClient);",
        targetKb: 6,
        ceilingKb: 9,
      },
      {
        name: 'facade',
        consumer: "import { createFacade } from 'facade';\nconsole.log(createFacade);",
        targetKb: undefined,
        ceilingKb: 40,
      },
    ]);
  });

  it('a provider package without a budget is an error naming its package.json', () => {
    const root = repo(['acme', 'zeta'], {
      acme: {
        name: '@t/acme',
        tenantkit: { provider: 'acme', size: { import: 'createAcmeClient' } },
      },
      zeta: { name: '@t/zeta', tenantkit: { provider: 'zeta' } },
    });
    expect(() => sizeCases(root)).toThrow(
      'no size budget in packages/zeta/package.json: add "tenantkit": { "size": { … } }',
    );
  });
});
