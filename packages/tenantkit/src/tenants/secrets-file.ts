/**
 * The file sink for secrets (`--secrets-out`): created with mode 0600 and never overwritten (an
 * existing file is refused before anything is sent), one JSON object per line, written as each
 * secret arrives so a run stopped halfway keeps what it already made.
 */
import { closeSync, constants, openSync, unlinkSync, writeSync } from 'node:fs';
import type { TenantSecret } from './secrets.js';

export interface SecretsFile {
  write(secret: TenantSecret): void;
  /** Closes the file; one that received no secret is removed, so the same path can be used again. */
  close(): void;
  readonly count: number;
}

/** The secrets file cannot be made (before anything is sent): its path is the problem. */
export class SecretsFileError extends Error {
  override readonly name: string = 'SecretsFileError';
}

export class SecretsFileExistsError extends SecretsFileError {
  override readonly name = 'SecretsFileExistsError';
}

/** Opens FILE for secrets; refuses a file that already exists (it may hold secrets). */
export function openSecretsFile(path: string): SecretsFile {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new SecretsFileExistsError(
        `${path} already exists; secrets are never written over a file (choose a new path or move it away)`,
      );
    throw new SecretsFileError(
      `cannot create the secrets file ${path} (${code ?? (error as Error).message}); nothing was changed`,
    );
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
      // Made by this call (O_EXCL) and still empty: nothing of the user's is removed.
      if (count === 0) unlinkSync(path);
    },
    get count() {
      return count;
    },
  };
}
