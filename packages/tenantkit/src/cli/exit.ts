/**
 * A command that has already said what happened (a summary, or its own message on stderr) ends
 * with this exit code: `runCli` returns it and prints nothing more.
 */
export class CommandExit extends Error {
  override readonly name = 'CommandExit';
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
