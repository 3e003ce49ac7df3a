/**
 * The file sink for secrets (`--secrets-out`): created with mode 0600 and never overwritten (an
 * existing file is refused before anything is sent), one JSON object per line, written as each
 * secret arrives so a run stopped halfway keeps what it already made.
 */
import { closeSync, constants, openSync, writeSync } from 'node:fs';
import type { TenantSecret } from './secrets.js';

export interface SecretsFile {
  write(secret: TenantSecret): void;
  close(): void;
  readonly count: number;
}

export class SecretsFileExistsError extends Error {
  override readonly name = 'SecretsFileExistsError';
}

/** Opens FILE for secrets; refuses a file that already exists (it may hold secrets). */
export function openSecretsFile(path: string): SecretsFile {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new SecretsFileExistsError(
        `${path} already exists; secrets are never written over a file (choose a new path or move it away)`,
      );
    throw error;
  }
  let count = 0;
  return {
    write(secret) {
      const { value, ...where } = secret;
      writeSync(fd, `${JSON.stringify({ ...where, value: value.reveal() })}\n`);
      count++;
    },
    close() {
      closeSync(fd);
    },
    get count() {
      return count;
    },
  };
}
