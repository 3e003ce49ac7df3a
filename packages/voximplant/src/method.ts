/**
 * Every Management API method is `POST /<MethodName>` with its arguments in the query, so each
 * client method is declared by one row: the operation, its input check, how its answer is read,
 * and (rarely) how the input becomes the query. Core's `operationMethod` runs it.
 */
import { type AnswerSpec, type CallOptions, operationMethod, type Runner } from '@tenantkit/core';
import type { Client } from 'openapi-fetch';
import type { paths } from './generated/openapi.js';
import { operations } from './generated/operations.js';
import { type InputOf, type OperationId, type QueryOf, toQuery } from './wire.js';

type Answer<In, Out> = AnswerSpec<unknown, Out> | ((input: In) => AnswerSpec<unknown, Out>);
/** openapi-fetch's POST over a path chosen at run time (each path is `/<operationId>`). */
type Post = (
  path: string,
  init: { params: { query: unknown } },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export type Method<In, Out> = (input: In, options?: CallOptions) => Promise<Out>;

/** The method declarer over one runner and openapi-fetch client. */
export function methodsOver(runner: Runner, api: Client<paths>) {
  const post = api.POST as unknown as Post;
  return function method<Id extends OperationId, Out, In = InputOf<Id>>(
    id: Id,
    check: (input: NoInfer<In>) => void,
    answer: Answer<NoInfer<In>, Out>,
    /** Input → the method's parameters; default the input itself (none: `{}`). */
    toInput: (input: In) => InputOf<Id> = (input) => (input ?? {}) as InputOf<Id>,
  ): Method<In, Out> {
    return operationMethod(runner, {
      operation: operations[id],
      prepare: (input: In): QueryOf<Id> => {
        check(input);
        return toQuery<Id>(toInput(input));
      },
      send: (init, query) => post(`/${id}`, { ...init, params: { query } }),
      answer: answer as Answer<In, Out>,
    }) as Method<In, Out>;
  };
}
