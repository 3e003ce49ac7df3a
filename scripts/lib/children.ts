/**
 * Child processes that can be stopped whole. The tools run through `node_modules/.bin` shims (a
 * shell script that starts the real binary as *its* child), so killing the shim alone orphaned the
 * binary — a workerd server outlived every consumer-matrix run. Each child here leads its own
 * process group, and stopping it signals the group: the shim and everything it started, and
 * nothing else. Groups still running when this process exits are stopped too.
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) stopGroup(child, 'SIGKILL');
});

export function spawnGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  running.add(child);
  child.once('close', () => running.delete(child));
  return child;
}

/** Signals the child's whole process group (by its PID, which is the group's id). */
export function stopGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}
