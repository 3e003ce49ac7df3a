/** Vobiz's documented error envelope: `{status, error: {code, message, details}, timestamp, requestId}`. */
import { type HandlerContext, json, type SandboxResponse } from '../../definition.js';
import type { VobizState } from './state.js';

export function vobizError(
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown>,
  { random, now }: HandlerContext<VobizState>,
  headers: Record<string, string> = {},
): SandboxResponse {
  const body = {
    status: 'error',
    error: { code, message, details },
    timestamp: `${now.toISOString().slice(0, 19)}Z`,
    requestId: `req_${random.hex(8)}`,
  };
  return json(status, body, headers);
}
