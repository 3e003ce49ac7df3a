/** Writes the capability matrix (from the code table) into README.md between its markers. */
import { readFileSync, writeFileSync } from 'node:fs';
import { capabilityMarkdown } from '../src/capabilities.js';

const README = new URL('../README.md', import.meta.url);
const START = '<!-- capability-matrix:start -->';
const END = '<!-- capability-matrix:end -->';
const text = readFileSync(README, 'utf8');
const from = text.indexOf(START);
const to = text.indexOf(END);
if (from === -1 || to === -1) throw new Error(`README.md lacks ${START} … ${END}`);
writeFileSync(
  README,
  `${text.slice(0, from + START.length)}\n${capabilityMarkdown()}\n${text.slice(to)}`,
);
