/**
 * The bench's view of the client side of a rate limit: when each request left the client, per
 * provider, and the most of them in any window of the provider's. More than the sandbox's limit in
 * a window means the client burst; 429s without that mean the requests bunched on the way.
 */
import type { FetchLike } from '@tenantkit/core';
import { mostInWindow } from '@tenantkit/test-support';

export class SendLog {
  readonly #times = new Map<string, number[]>();
  readonly #latencies = new Map<string, number[]>();

  /** A fetch that notes the time a request is handed to the network, then sends it. */
  fetchFor(provider: string): FetchLike {
    const times: number[] = [];
    const latencies: number[] = [];
    this.#times.set(provider, times);
    this.#latencies.set(provider, latencies);
    return async (request, init) => {
      const sentAt = performance.now();
      times.push(sentAt);
      const response = await globalThis.fetch(request, init);
      latencies.push(performance.now() - sentAt);
      return response;
    };
  }

  /** Time to the answer's headers, median and 95th percentile, in ms. */
  latency(provider: string): { p50: number; p95: number } {
    const sorted = [...(this.#latencies.get(provider) ?? [])].sort((a, b) => a - b);
    const at = (share: number) => Math.round(sorted[Math.floor(share * (sorted.length - 1))] ?? 0);
    return { p50: at(0.5), p95: at(0.95) };
  }

  /** The most requests a provider's client sent within any `windowMs` (a sliding window). */
  maxInWindow(provider: string, windowMs: number): number {
    return mostInWindow(this.#times.get(provider) ?? [], windowMs);
  }
}
