/**
 * HTTPS on loopback: one throwaway certificate per run, and a fetch that trusts it (undici's own
 * fetch with an agent pinned to that certificate; the global fetch of Node 20 takes no CA).
 */
import type { FetchLike } from '@tenantkit/core';
import { throwawayTlsCertificate } from '@tenantkit/mock';
import { Agent, fetch as undiciFetch } from 'undici';

export const tls = throwawayTlsCertificate();

const agent = new Agent({ connect: { ca: tls.cert } });

/** `fetch`, trusting the throwaway certificate; it honours `redirect` like any fetch. */
export const trustingFetch: FetchLike = async (request, init) => {
  const body = request.body ? await request.arrayBuffer() : undefined;
  const response = await undiciFetch(request.url, {
    method: request.method,
    headers: [...request.headers],
    body,
    redirect: init?.redirect ?? request.redirect,
    signal: init?.signal ?? request.signal,
    dispatcher: agent,
  });
  return response as unknown as Response;
};

export function closeTls(): Promise<void> {
  return agent.close();
}
