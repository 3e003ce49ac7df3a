/**
 * `tenantkit/cli`: the CLI as a function, for scripts and tests that want its exit code in process.
 * The library entry (`tenantkit`) never imports this: the CLI's dependencies (commander,
 * cli-table3) and Node built-ins stay out of browser, edge and library bundles.
 */
export { type CliIo, EXIT, runCli } from './run.js';
