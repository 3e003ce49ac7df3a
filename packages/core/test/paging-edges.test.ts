/**
 * What a caller of `paginate` sees at its edges: the error a stopped walk raises (its default
 * provider and operation, its exact message), and an empty page that ends a keyed walk quietly.
 * Also the two record helpers every client checks answers with.
 */
import { describe, expect, it } from 'vitest';
import { isRecord, PagingError, paginate, recordsOf } from '../src/index.js';

async function collect<T>(walk: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of walk) out.push(item);
  return out;
}

async function stopOf(walk: AsyncIterable<unknown>): Promise<PagingError> {
  const error = await collect(walk).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PagingError)) throw new Error(`expected a PagingError, got ${error}`);
  return error;
}

describe('paginate: how a walk stops', () => {
  it('a walk without a provider or operation names itself tenantkit.listAll', async () => {
    const error = await stopOf(
      paginate({
        first: 1,
        fetchPage: async (n: number) => [n],
        items: (page: number[]) => page,
        next: (_page, n) => n + 1,
        maxPages: 2,
      }),
    );
    expect(error).toMatchObject({
      provider: 'tenantkit',
      operation: 'listAll',
      reason: 'page-cap',
    });
    expect(error.message).toBe('tenantkit.listAll: stopped after 2 pages (maxPages)');
  });

  it('a page of items already listed says which page', async () => {
    const error = await stopOf(
      paginate({
        first: 1,
        fetchPage: async () => ['a', 'b'],
        items: (page: string[]) => page,
        next: (_page, n) => n + 1,
        key: (item) => item,
        provider: 'p',
        operation: 'listThings',
      }),
    );
    expect(error.message).toBe('p.listThings: page 2 repeats items already listed');
  });

  it('a cursor pointing back says after which page', async () => {
    const error = await stopOf(
      paginate({
        first: 'a',
        fetchPage: async (cursor: string) => [cursor],
        items: (page: string[]) => page,
        next: (_page, cursor) => (cursor === 'a' ? 'b' : 'a'),
        provider: 'p',
        operation: 'listThings',
      }),
    );
    expect(error.message).toBe(
      'p.listThings: the cursor after page 2 points back to a page already fetched',
    );
  });

  it('an empty page ends a keyed walk quietly (nothing repeated, nothing new)', async () => {
    const pages: Record<number, string[]> = { 1: ['a', 'b'], 2: [] };
    await expect(
      collect(
        paginate({
          first: 1,
          fetchPage: async (n: number) => pages[n] ?? ['never'],
          items: (page: string[]) => page,
          next: (_page, n) => n + 1,
          key: (item) => item,
        }),
      ),
    ).resolves.toEqual(['a', 'b']);
  });
});

describe('record helpers', () => {
  it.each([
    [{}, true],
    [{ a: 1 }, true],
    [null, false],
    [undefined, false],
    [[], false],
    ['text', false],
    [42, false],
  ])('isRecord(%j) is %s', (value, expected) => {
    expect(isRecord(value)).toBe(expected);
  });

  it('recordsOf answers a list made only of records, else undefined', () => {
    const list = [{ a: 1 }, { b: 2 }];
    expect(recordsOf(list)).toBe(list);
    expect(recordsOf([])).toEqual([]);
    expect(recordsOf([{ a: 1 }, null])).toBeUndefined();
    expect(recordsOf([{ a: 1 }, [1]])).toBeUndefined();
    expect(recordsOf({ a: 1 })).toBeUndefined();
    expect(recordsOf(undefined)).toBeUndefined();
  });
});
