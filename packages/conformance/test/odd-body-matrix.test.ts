/**
 * Odd-body matrix: every success shape a client does not expect × every operation of every
 * client and of the facade. Each one is an InvalidResponseError (a create's with
 * `outcomeUnknown: true`); nothing escapes as a bare TypeError, and nothing resolves as a
 * success with a made-up id or empty credentials.
 */
import { InvalidResponseError, TenantkitError, type UnifiedOperation } from '@tenantkit/core';
import { type ScriptedServer, type Step, startScriptedServer } from '@tenantkit/test-support';
import { afterAll, describe, expect, it } from 'vitest';
import type { OddBodyOperation, OperationKind } from './support/cell-kit.js';
import { CELLS, missingCells } from './support/cells.js';
import { facadeAt, facadeOperations } from './support/facade.js';

// Started at collection time: the cells below are built from clients that need its URL.
const server: ScriptedServer = await startScriptedServer();
let bareTypeErrors = 0;
let cellsRun = 0;
afterAll(async () => {
  await server.close();
  console.log(`odd-body matrix: ${cellsRun} cells, ${bareTypeErrors} bare TypeErrors`);
});

const json = (text: string): Step => ({
  status: 200,
  body: text,
  headers: { 'content-type': 'application/json' },
});

/** Shapes no operation of any provider accepts. */
const GENERIC: Record<string, Step> = {
  null: json('null'),
  '42': json('42'),
  '"ok"': json('"ok"'),
  true: json('true'),
  '[]': json('[]'),
  '[null]': json('[null]'),
  'an empty 200': json(''),
  'an empty 204': { status: 204 },
};

/** Every operation of every client: each provider's `oddBody` cell (test/cells/<provider>.ts). */
const clientOperations = (): OddBodyOperation[] =>
  CELLS.flatMap((cells) =>
    cells.oddBody.client({ baseUrl: server.url, maxRetries: 0, timeoutMs: 5_000 }),
  );

/** The facade's operations, each with the shapes of the client operation it starts with. */
function facadeOps(): OddBodyOperation[] {
  return CELLS.flatMap(({ provider, oddBody }) => {
    const operations = facadeOperations(facadeAt(provider, server.url), provider);
    return Object.entries(operations).map(([name, call]) => ({
      name: `facade ${provider} ${name}`,
      kind: (name === 'create' ? 'create' : 'other') as OperationKind,
      call,
      shapes: oddBody.facade[name as UnifiedOperation] ?? [],
      ...(oddBody.facadeAccepts?.[name as UnifiedOperation] && {
        accepts: oddBody.facadeAccepts[name as UnifiedOperation],
      }),
    }));
  });
}

const cells = [...clientOperations(), ...facadeOps()].flatMap((operation) =>
  [
    ...Object.entries(GENERIC).filter(([shape]) => !operation.accepts?.includes(shape)),
    ...operation.shapes.map((body): [string, Step] => [body, json(body)]),
  ].map(([shape, step]) => ({ operation, shape, step })),
);

describe('odd-body matrix', () => {
  it('covers every provider of the registry', () => {
    expect(missingCells(), 'providers without test/cells/<provider>.ts').toEqual([]);
  });

  it.each(cells)('$operation.name answered $shape', async ({ operation, shape: _shape, step }) => {
    server.script([], step);
    cellsRun++;
    const error = await operation.call().then(
      (value) => ({ resolved: value }),
      (caught: unknown) => caught,
    );
    if (error instanceof TypeError) bareTypeErrors++;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toBeInstanceOf(TenantkitError);
    expect((error as InvalidResponseError).outcomeUnknown).toBe(operation.kind === 'create');
  });
});
