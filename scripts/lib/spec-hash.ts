/**
 * The one definition of a spec's hash (`specInfo.sha256`, written by `pnpm generate`, and the
 * release baseline's `specSha256`) and of the hash over generated files. Line endings are
 * normalised, so a checkout with CRLF hashes the same.
 */
import { createHash } from 'node:crypto';

const normalised = (text: string) => text.replace(/\r\n/g, '\n');

export const specHash = (text: string): string =>
  createHash('sha256').update(normalised(text)).digest('hex');

/** One hash over several files: each path and content, in path order. */
export function filesHash(files: Array<{ path: string; content: string }>): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path)))
    hash.update(`${file.path}\0${normalised(file.content)}\0`);
  return hash.digest('hex');
}
