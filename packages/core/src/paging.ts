import { PagingError, type ProviderName } from './errors.js';

export interface PageWalk<TCursor, TPage, TItem> {
  /** Cursor of the first page (a page number, an offset…). */
  first: TCursor;
  fetchPage: (cursor: TCursor) => Promise<TPage>;
  items: (page: TPage) => readonly TItem[];
  /** Cursor of the page after `page`, or undefined when `page` was the last. */
  next: (page: TPage, cursor: TCursor, items: readonly TItem[]) => TCursor | undefined;
  /** Stop after this many items. */
  limit?: number | undefined;
  /** An item's identity: a page whose items were all seen before ends the walk with a PagingError. */
  key?: (item: TItem) => unknown;
  /** Most pages fetched; one more ends the walk with a PagingError. Default 1,000. */
  maxPages?: number | undefined;
  /** Who walks, for the PagingError's message. */
  provider?: ProviderName;
  operation?: string;
}

const DEFAULT_MAX_PAGES = 1_000;

/**
 * Walks every page lazily: a page is fetched only when the caller iterates past the previous one.
 * A provider that repeats itself cannot make it loop: a cursor seen before, a page bringing no
 * new item, or more than `maxPages` pages end it with a `PagingError`.
 */
export async function* paginate<TCursor, TPage, TItem>(
  walk: PageWalk<TCursor, TPage, TItem>,
): AsyncGenerator<TItem, void, undefined> {
  const maxPages = walk.maxPages ?? DEFAULT_MAX_PAGES;
  const cursors = new Set<TCursor>();
  const keys = new Set<unknown>();
  let cursor: TCursor | undefined = walk.first;
  let yielded = 0;
  let pages = 0;
  // Stryker disable next-line ConditionalExpression: without a limit, `yielded >= undefined` is false anyway
  const reachedLimit = () => walk.limit !== undefined && yielded >= walk.limit;
  const stop = (reason: PagingError['reason'], message: string) =>
    new PagingError({
      provider: walk.provider ?? 'tenantkit',
      operation: walk.operation ?? 'listAll',
      pages,
      reason,
      message,
    });
  while (cursor !== undefined) {
    // Checked before each fetch: once the limit is reached no further page is fetched (nor can fail).
    if (reachedLimit()) return;
    if (pages >= maxPages) {
      throw stop('page-cap', `stopped after ${pages} pages (maxPages)`);
    }
    cursors.add(cursor);
    const page = await walk.fetchPage(cursor);
    pages++;
    const items = walk.items(page);
    if (walk.key && items.length > 0) {
      let fresh = false;
      for (const item of items) {
        const key = walk.key(item);
        if (!keys.has(key)) fresh = true;
        keys.add(key);
      }
      if (!fresh) {
        throw stop('repeated-page', `page ${pages} repeats items already listed`);
      }
    }
    for (const item of items) {
      if (reachedLimit()) return;
      yielded++;
      yield item;
    }
    // An empty page ends the walk even if the provider claims more: never loop forever.
    cursor = items.length === 0 ? undefined : walk.next(page, cursor, items);
    // Stryker disable next-line ConditionalExpression: the set never holds undefined (the loop stops on it)
    if (cursor !== undefined && cursors.has(cursor)) {
      throw stop(
        'cursor-not-advancing',
        `the cursor after page ${pages} points back to a page already fetched`,
      );
    }
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
  // Stryker disable next-line ConditionalExpression: a shortcut; the line below answers undefined too
  if (next === undefined) return undefined;
  return typeof total === 'number' && next >= total ? undefined : next;
}

/** A page size an answer reports, when it is a usable one (a positive safe integer); else undefined. */
export function reportedPageSize(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}
