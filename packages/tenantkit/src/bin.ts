#!/usr/bin/env node
import { createInterface } from 'node:readline/promises';
import { EXIT, runCli } from './cli/index.js';

// `tenantkit list … | head`: the reader has gone, so there is nothing left to print to. Stop
// quietly, as other command-line tools do, instead of crashing with a stack on stderr.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(EXIT.ok);
});

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTTY: process.stderr.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
  // Read only when a flag asks for it (`--password-stdin`): a terminal would wait for input.
  async stdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  // Only a terminal can answer (`tenants apply --prune`); scripts pass --yes.
  ...(process.stdin.isTTY && {
    async confirm(question: string) {
      const prompt = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return (await prompt.question(question)).trim() === 'yes';
      } finally {
        prompt.close();
      }
    },
  }),
  onInterrupt(handler) {
    // Once: the listener goes with the first Ctrl-C, so a second one ends the process at once.
    process.once('SIGINT', handler);
    return () => process.off('SIGINT', handler);
  },
}).then((code) => {
  process.exitCode = code;
});
