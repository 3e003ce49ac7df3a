/**
 * Provider methods declared, not written out: one operation of the spec (its generated metadata),
 * how the caller's input is checked and turned into what is sent, how it is sent, and how the
 * answer is read. Every method then runs the same way: check before anything is sent, one
 * `runner.run` with the wire input (logged redacted, its secrets remembered), the answer unwrapped.
 */
import type {
  CallOptions,
  FetchResult,
  OperationInfo,
  RequestPlan,
  Runner,
  SendInit,
} from './runner.js';

/** How an answer is read: `unwrap`, `expects`, `found`, `subject`, `bodyOptional`. */
export type AnswerSpec<TData, TResult> = Omit<RequestPlan<TData, TResult>, 'call' | 'input'>;

export interface MethodSpec<In, Wire, R extends FetchResult, Out> {
  operation: OperationInfo;
  /**
   * Checks the caller's input (a ValidationError naming the field, before anything is sent) and
   * returns what is sent. Default: the input as it is.
   */
  prepare?: (input: In) => Wire;
  send: (init: SendInit, wire: Wire) => Promise<R>;
  /** How the answer is read; a function when it depends on the input (a read by id). */
  answer?:
    | AnswerSpec<Exclude<R['data'], undefined>, Out>
    | ((input: In) => AnswerSpec<Exclude<R['data'], undefined>, Out>);
  /** Whether the wire input goes to the debug log and the redactor (default true). */
  logInput?: boolean;
}

/** One provider method from its declaration: `(input, call?) => Promise<result>`. */
export function operationMethod<In, Wire, R extends FetchResult, Out>(
  runner: Runner,
  spec: MethodSpec<In, Wire, R, Out>,
): (input: In, call?: CallOptions) => Promise<Out> {
  const { operation, send, answer, logInput = true } = spec;
  const prepare = spec.prepare ?? ((input: In) => input as unknown as Wire);
  return async (input, call) => {
    const wire = prepare(input);
    const reading = typeof answer === 'function' ? answer(input) : answer;
    return runner.run(operation, (init) => send(init, wire), {
      ...reading,
      call,
      ...(logInput && { input: wire }),
    });
  };
}
