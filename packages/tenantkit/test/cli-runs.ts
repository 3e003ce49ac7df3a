/**
 * The CLI run two ways: in process (`runCli`, what the binary calls; a few milliseconds) and as
 * the built binary, spawned (a Node start, ~0.4 s of CPU: only where the binary's own wiring is
 * what is tested — stdout a pipe, stdin, a closed stdout).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/index.js';

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

export interface InProcessOptions extends Omit<SpawnOptions, 'nodeArgs' | 'stdin'> {
  /** What `--password-stdin` reads (no stdin at all when left out). */
  stdin?: string;
  /** As the binary says of a pipe (false) or a terminal (true); left out, as runCli's callers. */
  stdoutIsTTY?: boolean;
}

export async function cliInProcess(args: string[], options: InProcessOptions): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const { stdin } = options;
  const code = await runCli(args, {
    stdout(text) {
      stdout += text;
      options.onStdout?.(stdout, () => {});
    },
    stderr(text) {
      stderr += text;
    },
    env: options.env,
    ...(options.stdoutIsTTY !== undefined && { stdoutIsTTY: options.stdoutIsTTY }),
    ...(stdin !== undefined && { stdin: async () => stdin }),
  });
  return { code, stdout, stderr };
}
