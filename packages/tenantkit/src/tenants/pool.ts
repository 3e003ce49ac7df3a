/**
 * Runs tasks with at most `limit` at once; a failing task does not stop the others. Once any of
 * `signals` is aborted no task is started; those running finish.
 */
export async function runPool<T>(
  tasks: readonly T[],
  limit: number,
  run: (task: T) => Promise<void>,
  signals: readonly (AbortSignal | undefined)[] = [],
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length && !signals.some((signal) => signal?.aborted)) {
      const task = tasks[next++] as T;
      await run(task);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}
