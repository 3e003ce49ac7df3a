/**
 * Regression: an app that loads core twice (the CJS build through one package, the ESM build through
 * another) got Secrets from one copy that were not `instanceof Secret` of the other, so a user's
 * `value instanceof Secret` check let a one-time API key through as "not a secret".
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as source from '../src/index.js';

const esmPath = new URL('../dist/index.js', import.meta.url);
const cjsPath = new URL('../dist/index.cjs', import.meta.url);
const built = existsSync(esmPath) && existsSync(cjsPath);

describe('Secret across copies of core (the built ESM and CJS files)', () => {
  it('dist is built (run `pnpm build` first)', () => {
    expect(built).toBe(true);
  });

  it.runIf(built)('a Secret from each copy is an instance of every copy’s Secret', async () => {
    const esm = (await import(esmPath.href)) as typeof source;
    const cjs = createRequire(import.meta.url)(cjsPath.pathname) as typeof source;
    expect(esm.Secret).not.toBe(cjs.Secret); // really two copies
    const copies = { esm, cjs, source };
    for (const [madeBy, maker] of Object.entries(copies)) {
      const secret = new maker.Secret('sk-canary-0147');
      expect(secret.reveal()).toBe('sk-canary-0147');
      expect(inspect(secret)).not.toContain('canary');
      for (const [checkedBy, checker] of Object.entries(copies))
        expect(secret instanceof checker.Secret, `${madeBy} vs ${checkedBy}`).toBe(true);
    }
  });

  it('other values are not Secrets', () => {
    const spread = { ...new source.Secret('sk-canary') };
    for (const value of [null, undefined, 'sk-canary', 42, {}, { reveal: () => 'x' }, spread])
      expect(value instanceof source.Secret).toBe(false);
  });
});
