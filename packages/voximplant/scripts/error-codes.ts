/**
 * Writes src/data/error-codes.ts (the full table, code + name + message: the
 * `@tenantkit/voximplant/error-codes` subpath) and src/data/error-names.ts (code → name only,
 * packed into one string: what the client needs for `codeName`, a third of the table's weight)
 * from a Voximplant error-code list, one entry per line:
 *   NAME = CODE  -- message
 * (the format of shared/providers/voximplant-error-codes.txt, extracted from the `APIErrorCode`
 * enum of the official Node client, @voximplant/apiclient-nodejs `src/Enums.ts`, Apache-2.0).
 *
 *   tsx packages/voximplant/scripts/error-codes.ts <path/to/voximplant-error-codes.txt>
 *
 * The list is not in the repository, so the output is committed. Exits non-zero on any line it
 * cannot read, a repeated name, or an unexpected entry count.
 */

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXPECTED_ENTRIES = 458;
const LINE = /^([A-Z][A-Z0-9_]*) = (\d+)\s+-- (.*)$/;

const source = process.argv[2];
if (!source) {
  console.error(
    'usage: tsx packages/voximplant/scripts/error-codes.ts <voximplant-error-codes.txt>',
  );
  process.exit(2);
}

const text = readFileSync(source, 'utf8');
const entries: Array<[number, string, string]> = [];
const codes = new Set<number>();
const names = new Set<string>();
const sharedCodes: number[] = [];
text.split('\n').forEach((line, index) => {
  if (line.trim() === '') return;
  const match = LINE.exec(line.trimEnd());
  if (!match) throw new Error(`${source}:${index + 1}: not "NAME = CODE  -- message"`);
  const [, name = '', code = '', message = ''] = match;
  const number = Number(code);
  if (names.has(name)) throw new Error(`${source}:${index + 1}: ${name} is listed twice`);
  // One code may have two names (485: PARAMETER_CANT_BE_EMPTY and _EX); both are kept, and the
  // lookup in src/errors.ts answers the first, so the order of the source is preserved.
  if (codes.has(number)) sharedCodes.push(number);
  codes.add(number);
  names.add(name);
  // The list was copied from TypeScript source: `\'` is an escaped quote there, a quote here.
  entries.push([number, name, message.replace(/\\'/g, "'").trim()]);
});
if (entries.length !== EXPECTED_ENTRIES)
  throw new Error(`${source}: ${entries.length} entries, expected ${EXPECTED_ENTRIES}`);
// Array.prototype.sort is stable: entries sharing a code keep the source's order.
entries.sort((a, b) => a[0] - b[0]);

const sha256 = createHash('sha256').update(text).digest('hex');
const out = join(dirname(fileURLToPath(import.meta.url)), '../src/data/error-codes.ts');
const body = `/**
 * Voximplant Management API error codes: code, symbolic name, message (${entries.length} entries).
 * ${sharedCodes.length ? `Code ${sharedCodes.join(', ')} has two names; the first is the one reported.` : 'Every code has one name.'}
 * Written by packages/voximplant/scripts/error-codes.ts from ${basename(source)}
 * (sha256 ${sha256.slice(0, 16)}…), a list extracted from the \`APIErrorCode\` enum of the
 * official Node client (@voximplant/apiclient-nodejs, src/Enums.ts, Apache-2.0).
 * Do not edit by hand: rerun the script. Messages are the provider's, kept as data.
 */
export const VOXIMPLANT_ERROR_CODES: ReadonlyArray<readonly [code: number, name: string, message: string]> = [
${entries.map((entry) => `  ${JSON.stringify(entry)},`).join('\n')}
];
`;
writeFileSync(out, body);

// Names only, one token per code: the gap from the previous code, then the name (names start with
// a letter, so the digits in front are the gap). Where a code has two names, the first is kept.
let previous = 0;
const tokens: string[] = [];
for (const [code, name] of entries) {
  if (code === previous && tokens.length > 0) continue;
  tokens.push(`${code - previous}${name}`);
  previous = code;
}
const namesOut = join(dirname(out), 'error-names.ts');
writeFileSync(
  namesOut,
  `/**
 * The symbolic name of every Voximplant error code (${tokens.length} codes), packed: each
 * space-separated token is the gap from the previous code, then the name (see src/errors.ts).
 * Written by packages/voximplant/scripts/error-codes.ts with src/data/error-codes.ts (same source,
 * sha256 ${sha256.slice(0, 16)}…). Do not edit by hand: rerun the script.
 */
export const PACKED_ERROR_NAMES =
  ${JSON.stringify(tokens.join(' '))};
`,
);
// Same formatting as the hand-written code, so a rerun leaves no diff.
execFileSync('pnpm', ['exec', 'biome', 'format', '--write', out, namesOut], { stdio: 'inherit' });
console.log(`wrote ${out} (${entries.length} codes) and ${namesOut} (${tokens.length} names)`);
