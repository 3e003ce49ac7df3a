/**
 * What a provider brings to the conformance matrices, as types: its cells are hand-written
 * hostile wire fixtures (its own error body with canaries planted in it, its odd bodies, the raw
 * client's redirect, the records a wrong answer names), one module per provider in `test/cells/`
 * (`test/cells/<provider>.ts`, exporting `cells`). The matrices gather them from the registry's
 * provider list (`support/cells.ts`): a provider without its module fails a test that names it.
 */
import type { CallOptions, CoreOptions, UnifiedOperation } from '@tenantkit/core';
import type { Provider, TenantkitOptions } from 'tenantkit';

export type ClientOptions = CoreOptions & { baseUrl: string };

export interface ClientUnderTest {
  /** A read of one item (retried on transient failures). */
  read(call?: CallOptions): Promise<unknown>;
  /** A create (never retried blindly). Its input carries `CANARY.inputSecret`. */
  create(): Promise<unknown>;
  /** The client object itself, for `util.inspect(client)`. */
  readonly client: object;
}

/** The client behind one small interface: the fault matrix, canaries, fuzzers, redirects. */
export interface ClientCell {
  /** The client's own credentials: they must never leak. */
  readonly secrets: readonly string[];
  make(options: ClientOptions): ClientUnderTest;
  /** What the server answers to a successful read / create. */
  readonly readOk: unknown;
  readonly createOk: unknown;
  /** An error body in this provider's own shape, with canaries planted in it. */
  errorBody(message: string): unknown;
}

/** The facade over the provider at a base URL, and one valid input per operation. */
export interface FacadeCell<P extends Provider> {
  options(baseUrl: string): NonNullable<TenantkitOptions[P]>;
  /** The id its facade reads (what every wrong-record answer is not). */
  id: string;
  create: object;
  update: object;
}

/** The leak matrix's client target: which secrets the client knows, sends and receives. */
export interface LeakTarget {
  /** Known to the client from the start. */
  parent: Record<string, string>;
  /** Sent by `create`, and by `prime` when `primeSends`. */
  sent: Record<string, string>;
  primeSends: boolean;
  /** Handed out by the answer to `prime`. */
  received: Record<string, string>;
  primeAnswer: unknown;
  /** The client signs a JWT per request (a secret of its own, echoed like the others). */
  signsJwt: boolean;
  make(options: ClientOptions): {
    client: object;
    prime(): Promise<unknown>;
    read(): Promise<unknown>;
    create(): Promise<unknown>;
  };
  /** An error body in the provider's shape: `message` where its message goes, `fields` beside it. */
  errorBody(message: string, fields: Record<string, string>): unknown;
  /** The status of a "client error" answer (Voximplant reports them inside a 200). */
  clientErrorStatus: number;
}

/** A client built from broken credentials: the error must not carry `secret`. */
export interface LeakLoader {
  name: string;
  secret: string;
  load(): unknown;
}

/** The CLI's part of the leak matrix for one provider. */
export interface LeakCli {
  read: string[];
  create: string[];
  /** Secrets the create command sends. */
  sent: Record<string, string>;
  /** The provider's credentials as the CLI's environment (files it needs go in `dir`). */
  env(dir: string): Record<string, string>;
  /**
   * The answer to a successful CLI create when it is not the target's `primeAnswer` (its
   * one-time credentials are then not part of what the CLI could print).
   */
  createAnswer?: unknown;
}

export interface LeakCells {
  target: LeakTarget;
  /** `dir`: a temporary folder for credential files. */
  loaders(dir: string): LeakLoader[];
  cli: LeakCli;
}

export type OperationKind = 'create' | 'other';

/** One operation of the odd-body matrix and the success shapes only it refuses. */
export interface OddBodyOperation {
  name: string;
  kind: OperationKind;
  call: () => Promise<unknown>;
  shapes: string[];
  /** Generic shapes this operation accepts (Vobiz delete: a 204). */
  accepts?: string[];
}

export interface OddBodyCells {
  /** Every operation of the provider client, built at `options`. */
  client(options: ClientOptions): OddBodyOperation[];
  /** The facade's operations: the shapes of the client operation each starts with. */
  facade: Record<UnifiedOperation, string[]>;
  /** Generic shapes a facade operation accepts. */
  facadeAccepts?: Partial<Record<UnifiedOperation, string[]>>;
}

export interface WrongRecordCells {
  /** Client reads and changes whose answer names another record: each a NotFoundError. */
  client: { name: string; answers: unknown[]; call(baseUrl: string): Promise<unknown> }[];
  /** The facade's get and update read-back, answered with another record. */
  facade: { op: 'get' | 'update'; answers: unknown[] }[];
}

/** Everything one provider brings to the conformance matrices. */
export interface ProviderCells<P extends Provider = Provider> {
  provider: P;
  client: ClientCell;
  facade: FacadeCell<P>;
  leak: LeakCells;
  oddBody: OddBodyCells;
  /** The raw openapi-fetch client's POST of a create, which must not follow a redirect. */
  redirect: { raw(baseUrl: string): Promise<{ response: Response }> };
  wrongRecord: WrongRecordCells;
}

/** An odd-body operation, in one line. */
export const operation = (
  name: string,
  kind: OperationKind,
  call: () => Promise<unknown>,
  shapes: string[],
): OddBodyOperation => ({ name, kind, call, shapes });

/** Walks a paged list to its end (at most 51 items: an endless walk is a finding too). */
export const walk = async (items: AsyncIterable<unknown>) => {
  const out = [];
  for await (const item of items) if (out.push(item) > 50) break;
  return out;
};
