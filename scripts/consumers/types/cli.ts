// The `tenantkit/cli` subpath (package exports: node16 and bundler resolution only).
import { EXIT, runCli } from 'tenantkit/cli';

export const exitCode: Promise<number> = runCli(['providers'], {
  stdout: () => {},
  stderr: () => {},
  env: {},
});
export const usage: number = EXIT.usage;
