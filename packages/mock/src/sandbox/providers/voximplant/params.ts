/**
 * Voximplant's parameters arrive as query strings: numbers in decimal, booleans as `true`/`false`
 * (Prism has checked the types), lists joined with `;`.
 */
import type { SandboxRequest } from '../../definition.js';

export const integerParam = (request: SandboxRequest, name: string): number | undefined =>
  request.query[name] === undefined ? undefined : Number(request.query[name]);

export const booleanParam = (request: SandboxRequest, name: string): boolean =>
  request.query[name]?.toLowerCase() === 'true';

/** A boolean filter: undefined when it was not sent. */
export const optionalBoolean = (request: SandboxRequest, name: string): boolean | undefined =>
  request.query[name] === undefined ? undefined : booleanParam(request, name);

/** UTC timestamps as Voximplant prints them: `YYYY-MM-DD HH:mm:ss`. */
export const voxTime = (date: Date): string => date.toISOString().slice(0, 19).replace('T', ' ');

export const listParam = (request: SandboxRequest, name: string): string[] | undefined =>
  request.query[name]?.split(';');

/** `offset`/`count` paging; the defaults are not documented (GetAdminRoles' 0 and 20 are used). */
export function page<T>(request: SandboxRequest, items: readonly T[]): T[] {
  const offset = integerParam(request, 'offset') ?? 0;
  const count = integerParam(request, 'count') ?? 20;
  return items.slice(offset, offset + count);
}
