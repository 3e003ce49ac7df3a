/**
 * Voximplant's wire rules, in one place. Every parameter travels in the query string of a POST:
 * booleans as lowercase `true`/`false` (as the docs and four of the five official clients send
 * them; the Python client's `True`/`False` is not documented as accepted), numbers as decimal
 * strings, lists (`role_id`, `role_name`, …) as one value joined with `;` (percent-encoded like any
 * other character; the API and Prism accept both).
 */
import type { operations } from './generated/openapi.js';

export type OperationId = keyof operations;

/** The query parameters of an operation exactly as the spec types them (lists are strings). */
export type QueryOf<Op extends OperationId> = NonNullable<operations[Op]['parameters']['query']>;

/** The parameters the spec types as one `;`-joined string, and the arrays callers pass instead. */
export interface ListParams {
  role_id: number[];
  role_name: string[];
  child_account_id: number[];
}

/** SetChildAccountInfo's three selectors are lists (ids also `all`); GetChildrenAccounts takes one name or email. */
interface ChildSelectorLists extends Omit<ListParams, 'child_account_id'> {
  child_account_id: number[] | 'all';
  child_account_name: string[];
  child_account_email: string[];
}

type ListParamsOf<Op extends OperationId> = Op extends 'SetChildAccountInfo'
  ? ChildSelectorLists
  : ListParams;

/** What a method takes: the spec's query parameters, with the `;`-joined lists as arrays. */
export type InputOf<Op extends OperationId> = {
  [K in keyof QueryOf<Op>]: K extends keyof ListParamsOf<Op> ? ListParamsOf<Op>[K] : QueryOf<Op>[K];
};

/** One value as the API reads it. */
export function wireValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  if (Array.isArray(value)) return value.map(wireValue).join(';');
  throw new TypeError(`voximplant: ${kindOf(value)} cannot be sent as a query parameter`);
}

/** How a message names a value it cannot send: `an object`, `an undefined value`, `a function`. */
function kindOf(value: unknown): string {
  if (value === undefined) return 'an undefined value';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Method input → the spec's query type: lists joined with `;`, absent values dropped. */
export function toQuery<Op extends OperationId>(input: InputOf<Op>): QueryOf<Op> {
  const query: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) query[key] = Array.isArray(value) ? wireValue(value) : value;
  }
  // Same keys, only the list values changed to the string the spec declares.
  return query as QueryOf<Op>;
}

/** The openapi-fetch `querySerializer`: every value through `wireValue`, undefined/null skipped. */
export function serializeQuery(query: Record<string, unknown>): string {
  let search = '';
  for (const key in query) {
    const value = query[key];
    if (value === undefined || value === null) continue;
    search += `${search ? '&' : ''}${encodeURIComponent(key)}=${encodeURIComponent(wireValue(value))}`;
  }
  return search;
}
