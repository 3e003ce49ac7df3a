/** Writes the capability matrix (from the code table) between the markers of both READMEs. */
import { readFileSync, writeFileSync } from 'node:fs';
import { capabilityMarkdown } from '../src/capabilities.js';

/** The package README and the repository README both show the matrix; a test keeps them equal. */
export const MATRIX_READMES = [
  new URL('../README.md', import.meta.url),
  new URL('../../../README.md', import.meta.url),
];
const START = '<!-- capability-matrix:start -->';
const END = '<!-- capability-matrix:end -->';

for (const readme of MATRIX_READMES) {
  const text = readFileSync(readme, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from === -1 || to === -1) throw new Error(`${readme.pathname} lacks ${START} … ${END}`);
  writeFileSync(
    readme,
    `${text.slice(0, from + START.length)}\n${capabilityMarkdown()}\n${text.slice(to)}`,
  );
}
