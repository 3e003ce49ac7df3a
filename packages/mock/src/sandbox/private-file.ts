/**
 * Files that hold secrets (the state file, the Voximplant credentials file) are readable by their
 * owner only. `writeFileSync`'s mode applies only when it creates the file, so an existing one
 * (left readable by an older run or a copy) is removed first and made afresh with 0600.
 */
import { rmSync, writeFileSync } from 'node:fs';

export function writePrivateFile(file: string, content: string): void {
  rmSync(file, { force: true });
  writeFileSync(file, content, { mode: 0o600, flag: 'wx' });
}
