/** reportedPageSize: a page size an answer reports is used only when it is a positive safe integer. */
import { describe, expect, it } from 'vitest';
import { reportedPageSize } from '../src/index.js';

describe('reportedPageSize', () => {
  it.each([1, 25, Number.MAX_SAFE_INTEGER])('%s is used', (size) => {
    expect(reportedPageSize(size)).toBe(size);
  });

  it.each([
    0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.MAX_SAFE_INTEGER + 1,
    '25',
    null,
    undefined,
  ])('%s is not', (size) => {
    expect(reportedPageSize(size)).toBeUndefined();
  });
});
