/** Finding a sub-account of the parent by its `SA_` auth id, and the 404 when there is none. */
import type { SandboxResponse } from '../../definition.js';
import { vobizError } from './errors.js';
import type { VobizContext, VobizRecord } from './state.js';

export function findSubAccount(
  authId: string | undefined,
  { state }: VobizContext,
): VobizRecord | undefined {
  return state.subAccounts.find((item) => item.auth_id === authId);
}

export function subAccountNotFound(
  authId: string | undefined,
  context: VobizContext,
): SandboxResponse {
  const id = authId ?? '';
  return vobizError(404, 'NOT_FOUND', `Sub-account ${id} not found`, { sub_auth_id: id }, context);
}
