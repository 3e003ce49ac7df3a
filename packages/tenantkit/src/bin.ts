#!/usr/bin/env node
import { createInterface } from 'node:readline/promises';
import { runCli } from './cli/index.js';

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTTY: process.stderr.isTTY === true,
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
}).then((code) => {
  process.exitCode = code;
});
