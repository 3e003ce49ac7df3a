export interface PageWalk<TCursor, TPage, TItem> {
  /** Cursor of the first page (a page number, an offset…). */
  first: TCursor;
  fetchPage: (cursor: TCursor) => Promise<TPage>;
  items: (page: TPage) => readonly TItem[];
  /** Cursor of the page after `page`, or undefined when `page` was the last. */
  next: (page: TPage, cursor: TCursor, items: readonly TItem[]) => TCursor | undefined;
  /** Stop after this many items. */
  limit?: number | undefined;
}

/** Walks every page lazily: a page is fetched only when the caller iterates past the previous one. */
export async function* paginate<TCursor, TPage, TItem>(
  walk: PageWalk<TCursor, TPage, TItem>,
): AsyncGenerator<TItem, void, undefined> {
  let cursor: TCursor | undefined = walk.first;
  let yielded = 0;
  const reachedLimit = () => walk.limit !== undefined && yielded >= walk.limit;
  while (cursor !== undefined) {
    // Checked before each fetch: once the limit is reached no further page is fetched (nor can fail).
    if (reachedLimit()) return;
    const page = await walk.fetchPage(cursor);
    const items = walk.items(page);
    for (const item of items) {
      if (reachedLimit()) return;
      yielded++;
      yield item;
    }
    // An empty page ends the walk even if the provider claims more: never loop forever.
    cursor = items.length === 0 ? undefined : walk.next(page, cursor, items);
  }
}

/** Next page number when pages are numbered from 1 and the provider reports a total. */
export function nextPageNumber(page: number, size: number, total: number): number | undefined {
  return page * size < total ? page + 1 : undefined;
}

/** Next offset when the provider reports no total: a short page is the last one. */
export function nextOffset(offset: number, count: number, received: number): number | undefined {
  return received < count ? undefined : offset + received;
}

/**
 * Next offset when the provider also reports a total: a short page, or reaching the total, ends
 * the walk (a total that is not a number is ignored).
 */
export function nextOffsetWithTotal(
  offset: number,
  count: number,
  received: number,
  total: unknown,
): number | undefined {
  const next = nextOffset(offset, count, received);
  if (next === undefined) return undefined;
  return typeof total === 'number' && next >= total ? undefined : next;
}
