/**
 * Prism in proxy mode, in process, with validation and errors on: every request is checked
 * against the spec before the sandbox sees it (a refused one gets Prism's 401/422 problem), and
 * every answer of the sandbox is checked before it leaves (one the spec does not allow becomes
 * Prism's 500 "VIOLATIONS" problem). Prism's "upstream" is the sandbox itself: a forward
 * component that calls the provider's handler directly, so no extra loopback hop is made.
 */
import type {
  getHttpOperationsFromSpec,
  IHttpProxyConfig,
  IHttpRequest,
  IHttpResponse,
  ProblemJsonError,
} from '@stoplight/prism-http';

export type HttpOperation = Awaited<ReturnType<typeof getHttpOperationsFromSpec>>[number];

/** Prism speaks fp-ts; its Either is a plain tagged object, built here without importing fp-ts. */
type Either<E, A> =
  | { readonly _tag: 'Left'; readonly left: E }
  | { readonly _tag: 'Right'; readonly right: A };
const left = <E>(value: E): Either<E, never> => ({ _tag: 'Left', left: value });
const right = <A>(value: A): Either<never, A> => ({ _tag: 'Right', right: value });

/** A failure of the sandbox itself (a handler that threw, an operation without a handler). */
export class SandboxFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Problem {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export type GateOutcome =
  | { kind: 'answer'; response: IHttpResponse }
  /** Prism refused the request (no such route, security missing, a parameter or body invalid). */
  | { kind: 'invalid-request'; problem: Problem }
  /** The sandbox's answer broke the spec: the caller gets Prism's 500 instead. */
  | { kind: 'invalid-response'; problem: Problem }
  | { kind: 'sandbox-failure'; problem: Problem };

/** The sandbox behind the gate: answers one request Prism found valid. */
export type Upstream = (operation: HttpOperation, input: IHttpRequest) => Promise<IHttpResponse>;

const CONFIG: IHttpProxyConfig = {
  isProxy: true,
  // Never dialled: the forward component below answers in process.
  upstream: new URL('http://sandbox.invalid/'),
  upstreamProxy: undefined,
  checkSecurity: true,
  validateRequest: true,
  validateResponse: true,
  errors: true,
  mock: { dynamic: false },
};

/**
 * DiagnosticSeverity.Error and .Warning. Prism itself only warns about an error status the spec
 * does not declare (real APIs send such); the sandbox must keep to the declared ones.
 */
const VIOLATION_SEVERITIES = new Set([0, 1]);

type PrismHttp = typeof import('@stoplight/prism-http');

function problemOf(prismHttp: PrismHttp, error: ProblemJsonError | Error): Problem {
  // Prism copies `additional` into the problem; its `headers` belong on the reply, not in the body.
  const { headers: _sentAsHeaders, ...json } = prismHttp.ProblemJsonError.toProblemJson(
    error,
  ) as ReturnType<typeof ProblemJsonError.toProblemJson> & { headers?: unknown };
  const extra = (error as ProblemJsonError).additional ?? {};
  const { headers = {}, ...fields } = extra as { headers?: Record<string, string> };
  return {
    status: json.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: { ...json, ...fields },
  };
}

/**
 * Prism is loaded here, when the first gate is made, not when the package is imported: its
 * modules (faker above all) take seconds, and most importers only want a recording fetch or a key.
 */
export async function createGate(operations: HttpOperation[], upstream: Upstream) {
  const [{ createLogger }, prismHttp] = await Promise.all([
    import('@stoplight/prism-core'),
    import('@stoplight/prism-http'),
  ]);
  const { createInstance, ProblemJsonError, UNAUTHORIZED, UNPROCESSABLE_ENTITY, VIOLATIONS } =
    prismHttp;
  const logger = createLogger('tenantkit-sandbox', { level: 'silent' });
  const prism = createInstance(CONFIG, {
    logger,
    // What Prism's own proxy does with a request that failed validation, then the sandbox.
    forward:
      ({ data, validations }, _baseUrl, _proxy, operation) =>
      () =>
      async () => {
        if (validations.length > 0) {
          const security = validations.find((validation) => validation.code === 401);
          return left(
            security
              ? ProblemJsonError.fromTemplate(
                  UNAUTHORIZED,
                  'The request does not meet the security requirements of the spec.',
                  security.tags?.length
                    ? { headers: { 'WWW-Authenticate': security.tags.join(',') } }
                    : undefined,
                )
              : ProblemJsonError.fromTemplate(
                  UNPROCESSABLE_ENTITY,
                  'The request breaks the spec.',
                  {
                    validation: validations.map(({ path, code, message }) => ({
                      location: path,
                      code,
                      message,
                    })),
                  },
                ),
          );
        }
        if (!operation)
          return left(new SandboxFailure(500, 'Prism routed the request to no operation'));
        try {
          return right(await upstream(operation, data));
        } catch (error) {
          return left(
            error instanceof SandboxFailure
              ? error
              : new SandboxFailure(
                  500,
                  `the sandbox failed: ${error instanceof Error ? error.message : String(error)}`,
                ),
          );
        }
      },
  });

  return async function pass(input: IHttpRequest): Promise<GateOutcome> {
    const result = await prism.request(input, operations)();
    if (result._tag === 'Left') {
      const error = result.left;
      if (error instanceof SandboxFailure) {
        const body = { type: 'SANDBOX_FAILURE', title: error.message, status: error.status };
        return {
          kind: 'sandbox-failure',
          problem: {
            status: error.status,
            headers: { 'content-type': 'application/problem+json' },
            body,
          },
        };
      }
      return { kind: 'invalid-request', problem: problemOf(prismHttp, error) };
    }
    const { output, validations } = result.right;
    const errors = validations.output.filter((validation) =>
      VIOLATION_SEVERITIES.has(validation.severity),
    );
    if (errors.length === 0) return { kind: 'answer', response: output };
    const violation = ProblemJsonError.fromTemplate(
      VIOLATIONS,
      'The sandbox answered something the spec does not allow.',
      {
        validation: errors.map(({ path, code, message }) => ({
          location: ['response', ...(path ?? [])],
          code,
          message,
        })),
      },
    );
    return { kind: 'invalid-response', problem: problemOf(prismHttp, violation) };
  };
}
