/**
 * Provenance: every provider package (a spec without its package yet has no specInfo) exports `specInfo` (written by `pnpm generate`) and it must
 * describe the spec in specs/ exactly — the hash of the file and its `info.version`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { specHash } from '../lib/spec-hash.js';
import { packagedProviderSpecs, repoRoot } from '../lib/specs.js';

const providers = packagedProviderSpecs().map((spec) => spec.provider);

describe.each(providers)('%s specInfo', (provider) => {
  const spec = readFileSync(join(repoRoot, 'specs', `${provider}.yaml`), 'utf8');

  it('matches the sha256 and info.version of specs/<provider>.yaml (else run pnpm generate)', async () => {
    const { specInfo } = (await import(
      join(repoRoot, 'packages', provider, 'src', 'generated', 'spec-info.ts')
    )) as { specInfo: { sha256: string; version: string; spec: string } };
    expect(specInfo.spec).toBe(`specs/${provider}.yaml`);
    expect(specInfo.sha256).toBe(specHash(spec));
    expect(specInfo.version).toBe((parse(spec) as { info: { version: string } }).info.version);
  });

  it('is exported by the package entry point', () => {
    const index = readFileSync(join(repoRoot, 'packages', provider, 'src', 'index.ts'), 'utf8');
    expect(index).toMatch(/export \{[^}]*\bspecInfo\b[^}]*\} from '\.\/generated\/spec-info\.js'/);
  });
});
