/** The built `tenantkit` binary, spawned: its real stdout, stderr, stdin and exit code. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface SpawnOptions {
  env: Record<string, string | undefined>;
  /** Written to stdin, which is then closed (closed at once when left out). */
  stdin?: string;
  /** Called with all of stdout so far, each time more arrives (`close` stops reading it). */
  onStdout?(stdout: string, close: () => void): void;
  /** Node options for the child (a preload that reports what it does). */
  nodeArgs?: string[];
}

export function spawnCli(args: string[], options: SpawnOptions): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
      env: { PATH: process.env.PATH, ...options.env } as NodeJS.ProcessEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      options.onStdout?.(stdout, () => child.stdout.destroy());
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
