/** What the global setup (scripts/vitest.global-setup.ts) provides to every test file. */
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the Prism mock per provider spec (every `specs/<provider>.yaml`). */
    mockUrls: Partial<Record<string, string>>;
  }
}
