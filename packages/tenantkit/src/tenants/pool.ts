/** Runs tasks with at most `limit` at once; a failing task does not stop the others. */
export async function runPool<T>(
  tasks: readonly T[],
  limit: number,
  run: (task: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length && !signal?.aborted) {
      const task = tasks[next++] as T;
      await run(task);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}
