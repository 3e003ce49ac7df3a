/**
 * The package's entry loads: importing it builds its provider definition, which core's
 * `defineProvider` checks (a capability row that honours a field on neither operation, or a
 * definition that contradicts itself, throws). Imported inside the test, so a broken definition
 * fails this test instead of failing every other test file before any test runs (which a
 * mutation run would not count as a failure).
 */
import { describe, expect, it } from 'vitest';

describe('the vobiz entry', () => {
  it('imports, and its provider definition carries the capability row the adapter checks against', async () => {
    const entry = await import('../src/index.js');
    expect(entry.vobizProvider.name).toBe('vobiz');
    expect(entry.vobizProvider.capabilities).toBe(entry.vobizCapabilities);
  });
});
