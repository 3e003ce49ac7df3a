import { describe, expect, it } from 'vitest';
import { nextOffset, nextOffsetWithTotal, nextPageNumber, paginate } from '../src/index.js';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('paginate', () => {
  const pages = [[1, 2], [3, 4], [5]];
  const walk = (limit?: number) => {
    const fetched: number[] = [];
    const iterable = paginate({
      first: 1,
      fetchPage: async (page: number) => {
        fetched.push(page);
        return { items: pages[page - 1] ?? [], total: 5 };
      },
      items: (page) => page.items,
      next: (_page, cursor) => nextPageNumber(cursor, 2, 5),
      limit,
    });
    return { iterable, fetched };
  };

  it('walks every page in order', async () => {
    const { iterable, fetched } = walk();
    expect(await collect(iterable)).toEqual([1, 2, 3, 4, 5]);
    expect(fetched).toEqual([1, 2, 3]);
  });

  it('stops at the limit without fetching further pages', async () => {
    const { iterable, fetched } = walk(3);
    expect(await collect(iterable)).toEqual([1, 2, 3]);
    expect(fetched).toEqual([1, 2]);
  });

  it('a limit on a page boundary fetches no further page (regression: it fetched one more)', async () => {
    const { iterable, fetched } = walk(2);
    expect(await collect(iterable)).toEqual([1, 2]);
    expect(fetched).toEqual([1]);
  });

  it('a limit of 0 fetches nothing', async () => {
    const { iterable, fetched } = walk(0);
    expect(await collect(iterable)).toEqual([]);
    expect(fetched).toEqual([]);
  });

  it('is lazy: nothing is fetched before iteration', () => {
    const { fetched } = walk();
    expect(fetched).toEqual([]);
  });

  it('an empty page ends the walk even if the provider claims more', async () => {
    let calls = 0;
    const items = await collect(
      paginate({
        first: 0,
        fetchPage: async () => {
          calls++;
          return [] as number[];
        },
        items: (page) => page,
        next: (_page, cursor) => cursor + 1,
      }),
    );
    expect(items).toEqual([]);
    expect(calls).toBe(1);
  });

  it('a failing page rejects the iteration', async () => {
    const iterable = paginate({
      first: 0,
      fetchPage: async () => {
        throw new Error('boom');
      },
      items: (page: number[]) => page,
      next: () => undefined,
    });
    await expect(collect(iterable)).rejects.toThrow('boom');
  });
});

describe('cursors', () => {
  it.each([
    [1, 10, 25, 2],
    [2, 10, 25, 3],
    [3, 10, 25, undefined],
    [1, 10, 10, undefined],
    [1, 10, 0, undefined],
  ])('nextPageNumber(%d, %d, %d) = %j', (page, size, total, next) => {
    expect(nextPageNumber(page, size, total)).toBe(next);
  });

  it.each([
    [0, 20, 20, 20],
    [20, 20, 5, undefined],
    [40, 20, 0, undefined],
  ])('nextOffset(%d, %d, %d) = %j', (offset, count, received, next) => {
    expect(nextOffset(offset, count, received)).toBe(next);
  });

  it.each([
    [0, 20, 20, 45, 20],
    [20, 20, 20, 40, undefined], // the total is reached on a full page: no empty page is asked for
    [20, 20, 5, 100, undefined], // a short page ends it whatever the total says
    [0, 20, 20, undefined, 20], // no total: like nextOffset
    [0, 20, 20, '40', 20], // a total that is not a number is ignored
  ])('nextOffsetWithTotal(%d, %d, %d, %j) = %j', (offset, count, received, total, next) => {
    expect(nextOffsetWithTotal(offset, count, received, total)).toBe(next);
  });
});
