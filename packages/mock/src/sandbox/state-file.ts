/**
 * The optional state file: separate runs (of the sandbox, or of CLI commands that each start one)
 * see the same tenants and credentials. Written after every change, atomically (temp file +
 * rename), so a crash never leaves half a file. One process at a time per file.
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SandboxProvider } from './definition.js';
import { writePrivateFile } from './private-file.js';

export const STATE_FILE_VERSION = 1;

export type StoredState = Partial<Record<SandboxProvider, object>>;

interface StateFile {
  version: number;
  providers: StoredState;
}

export function loadStateFile(file: string | undefined): StoredState {
  if (file === undefined || !existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(
      `sandbox: the state file ${file} is not valid JSON (delete it to start afresh)`,
    );
  }
  const state = parsed as Partial<StateFile> | null;
  if (state?.version !== STATE_FILE_VERSION || typeof state.providers !== 'object') {
    throw new Error(
      `sandbox: the state file ${file} is not a version ${STATE_FILE_VERSION} sandbox state (delete it to start afresh)`,
    );
  }
  return state.providers ?? {};
}

export function saveStateFile(file: string, providers: StoredState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const content: StateFile = { version: STATE_FILE_VERSION, providers };
  // 0600: the file holds the sandbox's throwaway credentials.
  writePrivateFile(temporary, `${JSON.stringify(content, null, 2)}\n`);
  renameSync(temporary, file);
}

const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
const ARTICLE: Record<string, string> = { object: 'an object', array: 'an array' };

/**
 * A provider's stored state must have the shape of a fresh one (same fields, same kinds, nested
 * objects included), or the sandbox would start and then fail on every request. Throws naming the
 * first field that differs.
 */
export function checkStoredState(
  file: string,
  path: string,
  stored: unknown,
  fresh: unknown,
): void {
  const expected = kindOf(fresh);
  if (kindOf(stored) !== expected)
    throw new Error(
      `sandbox: the state file ${file} is not a sandbox state: ${path} must be ${ARTICLE[expected] ?? `a ${expected}`} (delete it to start afresh)`,
    );
  if (expected !== 'object') return;
  for (const [key, value] of Object.entries(fresh as Record<string, unknown>))
    checkStoredState(file, `${path}.${key}`, (stored as Record<string, unknown>)[key], value);
}
