/**
 * Redaction benchmark (`pnpm bench`): time per byte to scrub one base64 run of 10 KB, 100 KB,
 * 1 MB and 10 MB, with a redactor set up like a client's (its key, a few remembered secrets), plus
 * shapes built to make a backtracking pattern quadratic. Linear scrubbing keeps the time per byte
 * flat as the input grows. Figures, not a test: they depend on the machine.
 */
import { randomBytes } from 'node:crypto';
import { Redactor } from '@tenantkit/core';

const KB = 1024;
const SIZES = [10 * KB, 100 * KB, 1024 * KB, 10 * 1024 * KB];
/** Each size is scrubbed until this many bytes went through (at least 3 times), median taken. */
const BYTES_PER_SIZE = 40 * 1024 * KB;
const MAX_SECONDS_PER_CELL = 20;

const redactor = new Redactor(['sk-bench-parent-key-0123456789']);
redactor.rememberSecret(
  'issued-token-0001-abcdef',
  `Pw9<&'Canary"+/x7`,
  'https://fine-tuner.ai/invite/1739402199888x447700112233445500',
);

function base64Run(bytes: number): string {
  return randomBytes(Math.ceil((bytes * 3) / 4))
    .toString('base64')
    .slice(0, bytes);
}

/** Inputs a backtracking pattern would choke on: long runs around secret names and JWT/tag starts. */
const shapes: Record<string, (bytes: number) => string> = {
  'one base64 run': base64Run,
  // All word characters and `-`: the run the old patterns backtracked over (1.9 s at 10 KB).
  'one base64url run': (bytes) => base64Run(bytes).replace(/\+/g, '-').replace(/\//g, '_'),
  'a run of word characters after "password"': (bytes) => `password${'a'.repeat(bytes - 8)}`,
  '"pass" repeated (one name run)': (bytes) => 'pass'.repeat(bytes / 4),
  '"-eyJ" repeated (JWT starts in one run)': (bytes) => '-eyJ'.repeat(bytes / 4),
  '"token" then spaces, no colon': (bytes) => `token${' '.repeat(bytes - 5)}`,
  '"<" repeated, no ">" (HTML tags)': (bytes) => '<'.repeat(bytes),
};

function nsPerByte(text: string): number {
  const runs: number[] = [];
  const deadline = performance.now() + MAX_SECONDS_PER_CELL * 1000;
  let processed = 0;
  while ((runs.length < 3 || processed < BYTES_PER_SIZE) && performance.now() < deadline) {
    const start = process.hrtime.bigint();
    redactor.text(text);
    runs.push(Number(process.hrtime.bigint() - start) / text.length);
    processed += text.length;
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)] ?? Number.NaN;
}

const label = (bytes: number) =>
  bytes >= 1024 * KB ? `${bytes / 1024 / KB} MB` : `${bytes / KB} KB`;
redactor.text(base64Run(100 * KB)); // warm-up

console.log('\nRedaction: median time per byte of Redactor.text (ns/byte)\n');
console.log(`| input | ${SIZES.map(label).join(' | ')} | 10 MB / 10 KB |`);
console.log(`|---|${SIZES.map(() => '---:').join('|')}|---:|`);
for (const [name, make] of Object.entries(shapes)) {
  const figures = SIZES.map((size) => nsPerByte(make(size)));
  const ratio = (figures.at(-1) ?? Number.NaN) / (figures[0] ?? Number.NaN);
  console.log(
    `| ${name} | ${figures.map((figure) => figure.toFixed(2)).join(' | ')} | ${ratio.toFixed(2)}× |`,
  );
}
console.log('\nFlat rows (a ratio near 1×, or below it as fixed costs fade) mean linear time.');
