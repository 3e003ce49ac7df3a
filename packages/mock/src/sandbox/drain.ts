/**
 * Stopping a provider's server without cutting what it is answering: it takes no new connection,
 * idle keep-alive ones close at once, and requests in flight get up to `DRAIN_MS` to finish.
 * Whatever is still open then is cut, and waits in progress (injected latency) end.
 */
import type { Server, ServerResponse } from 'node:http';

export const DRAIN_MS = 2_000;

export class InFlight {
  #count = 0;
  #drained: (() => void) | undefined;
  readonly #cut = new AbortController();

  /** Aborted once the drain time is over: a wait in a request's way ends there. */
  get signal(): AbortSignal {
    return this.#cut.signal;
  }

  /** Counts a request until its answer is sent or its connection closes. */
  track(reply: ServerResponse): void {
    this.#count++;
    reply.once('close', () => {
      this.#count--;
      if (this.#count === 0) this.#drained?.();
    });
  }

  async close(server: Server, drainMs = DRAIN_MS): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (this.#count > 0)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, drainMs);
        this.#drained = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    this.#cut.abort();
    server.closeAllConnections();
    await closed;
  }
}
