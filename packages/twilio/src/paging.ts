import { PagingError } from '@tenantkit/core';

/**
 * The query of the page `next_page_uri` points to, to be sent to the client's own base URL; or
 * `undefined` when there is none (`null`, absent or empty: the last page). Twilio's link is a
 * path and query relative to its server. It is followed only when it names the same list path on
 * the client's origin: a link to another host or resource ends the walk with a `PagingError`
 * rather than sending credentials there.
 */
export function nextPageQuery(
  nextPageUri: unknown,
  baseUrl: string,
  listPath: string,
  pages: number,
): Record<string, string> | undefined {
  if (nextPageUri === null || nextPageUri === undefined || nextPageUri === '') return undefined;
  const elsewhere = (why: string) =>
    new PagingError({
      provider: 'twilio',
      operation: 'listAll',
      pages,
      reason: 'cursor-elsewhere',
      message: `next_page_uri ${why}; not followed`,
    });
  if (typeof nextPageUri !== 'string') throw elsewhere('is not a string');
  const origin = new URL(baseUrl).origin;
  let target: URL;
  try {
    target = new URL(nextPageUri, origin);
  } catch {
    throw elsewhere('is not a URL');
  }
  if (target.origin !== origin) throw elsewhere(`points to another origin (${target.origin})`);
  if (target.pathname !== listPath) throw elsewhere(`points to another resource than ${listPath}`);
  const query: Record<string, string> = {};
  for (const [name, value] of target.searchParams) query[name] = value;
  return query;
}
