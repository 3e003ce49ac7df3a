/**
 * One sandbox per state file: each writes the whole file after every change, so two at once would
 * silently drop each other's tenants. A lock file next to it (`<file>.lock`, holding the owner's
 * pid) makes the second one fail at start instead; a lock whose process is gone is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

function tryCreate(lock: string): boolean {
  try {
    const fd = openSync(lock, 'wx', 0o600);
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Takes the lock of `file`; returns what releases it. Throws when a running process holds it. */
export function lockStateFile(file: string): () => void {
  const lock = `${file}.lock`;
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(lock)) {
      let held = true;
      // Once only: a second stop() must not remove a lock another sandbox took since.
      return () => {
        if (held) rmSync(lock, { force: true });
        held = false;
      };
    }
    const owner = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    if (Number.isSafeInteger(owner) && owner > 0 && isRunning(owner))
      throw new Error(
        `sandbox: the state file ${file} is in use by process ${owner} (one sandbox per state file: stop that one, or use another file)`,
      );
    rmSync(lock, { force: true }); // left by a process that is gone
  }
  throw new Error(`sandbox: cannot take the lock ${lock} (another sandbox is starting on it)`);
}
