/**
 * Items in the batches they arrive in. A list is an async iterable of items, fetched page by page;
 * the items of a page come one after another without waiting, the next page only after a request.
 * So a batch ends where the next item is not there by the event loop's next turn: in practice, at
 * a page boundary. The CLI prints each batch at once, instead of the whole list at the end.
 */
const WAITING = Symbol('waiting');

/** Resolves after pending I/O callbacks had their turn (a setImmediate). */
const nextTurn = () => new Promise<typeof WAITING>((resolve) => setImmediate(resolve, WAITING));

export async function* batches<T>(items: AsyncIterable<T>): AsyncGenerator<T[]> {
  const iterator = items[Symbol.asyncIterator]();
  let batch: T[] = [];
  let finished = false;
  try {
    let pending = iterator.next();
    for (;;) {
      let next = await Promise.race([pending, nextTurn()]);
      if (next === WAITING) {
        // The next item needs a request: what arrived so far is shown while it is made.
        if (batch.length > 0) yield batch;
        batch = [];
        next = await pending;
      }
      if (next.done) break;
      batch.push(next.value);
      pending = iterator.next();
    }
    finished = true;
    if (batch.length > 0) yield batch;
  } finally {
    // Stopped early (an error while printing): let the list release what it holds.
    if (!finished) await iterator.return?.();
  }
}
