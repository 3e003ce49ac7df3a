/**
 * One valid request through a provider of the sandbox, in the order a real API takes it: the
 * caller's credentials first (a refused caller uses up no rate limit and meets no injected fault),
 * then the injected faults, then the provider's handler for the operation.
 */
import type {
  HandlerContext,
  ProviderDefinition,
  SandboxRequest,
  SandboxResponse,
} from './definition.js';
import type { Fault, FaultInjector } from './faults.js';
import { SandboxFailure } from './prism-gate.js';
import type { RandomState } from './random.js';

export interface Processed {
  response: SandboxResponse;
  /** The fault injected on this request, if any (`reset`: after a successful create). */
  fault?: Fault;
  /** The provider's state changed (a successful create, update or delete). */
  changed: boolean;
}

export async function processRequest<S extends RandomState, C>(
  definition: ProviderDefinition<S, C>,
  faults: FaultInjector,
  request: SandboxRequest,
  context: HandlerContext<S>,
  kind: unknown,
): Promise<Processed> {
  const refusal = definition.authenticate(request, context);
  if (refusal) return { response: refusal, changed: false };
  const verdict = faults.beforeProcessing(Date.now());
  if (verdict) {
    const response =
      verdict.fault === 'rate-limited'
        ? definition.faults.rateLimited(verdict.retryAfterSeconds, context)
        : definition.faults.serverError(context);
    return { response, fault: verdict.fault, changed: false };
  }
  const handler = definition.handlers[request.operationId];
  if (!handler)
    throw new SandboxFailure(
      501,
      `the ${definition.provider} sandbox does not implement ${request.operationId} yet`,
    );
  const response = await handler(request, context);
  const succeeded = definition.succeeded?.(response) ?? response.status < 300;
  const changed = succeeded && kind !== 'read';
  if (succeeded && kind === 'create' && faults.resetAfterCreate())
    return { response, fault: 'reset', changed };
  return { response, changed };
}
