/**
 * What each method accepts as a `{result}`: anything else (null, a number where a list belongs,
 * a list holding null) is an InvalidResponseError from the runner, never a TypeError later.
 */
import { type AnswerSpec, isRecord, recordsOf } from '@tenantkit/core';
import type {
  KeyInfo,
  KeyView,
  RoleGroupView,
  RoleView,
  SubUserId,
  SubUserView,
} from './generated/openapi.js';

interface Answer<T> {
  unwrap: (data: unknown) => T | undefined;
  expects: string;
}

/** `{result}` → result, when `accept` takes it. */
function result<T>(accept: (value: unknown) => T | undefined, expects: string): Answer<T> {
  return {
    unwrap: (data) => (isRecord(data) && 'result' in data ? accept(data.result) : undefined),
    expects: `a \`result\` holding ${expects}`,
  };
}

const withId =
  <T>(field: string, type: 'number' | 'string') =>
  (value: unknown): T[] | undefined =>
    recordsOf<Record<string, unknown>>(value)?.every((item) => typeof item[field] === type)
      ? (value as T[])
      : undefined;

/** The API answers 1 to a change it made. */
export const COUNT = result(
  (value) => (typeof value === 'number' ? value : undefined),
  'a number (1 when done)',
);
export const ADDED = result(
  (value) =>
    isRecord(value) && Number.isSafeInteger(value.subuser_id) ? (value as SubUserId) : undefined,
  'the new `subuser_id`',
);
export const ROLES = result(withId<RoleView>('role_id', 'number'), 'a list of roles');
export const ROLE_GROUPS = result(withId<RoleGroupView>('id', 'number'), 'a list of role groups');

/** A list by id filter holds only that id: another subuser in the answer is dropped, not returned. */
export function subUsers(onlyId?: number): Answer<SubUserView[]> {
  return result((value) => {
    const list = withId<SubUserView>('subuser_id', 'number')(value);
    return onlyId === undefined ? list : list?.filter((item) => item.subuser_id === onlyId);
  }, 'a list of subusers, each with its `subuser_id`');
}

/**
 * The one subuser asked for: a 200 whose list does not hold it is a NotFoundError, thrown by the
 * runner with the attempts it really made (the facade used to build that error itself).
 */
export function oneSubUser(id: number): AnswerSpec<unknown, SubUserView[]> {
  return { ...subUsers(id), found: (list) => list.length > 0, subject: `subuser ${id}` };
}

export function keys(onlyId?: string): Answer<KeyView[]> {
  return result((value) => {
    const list = withId<KeyView>('key_id', 'string')(value);
    return onlyId === undefined ? list : list?.filter((item) => item.key_id === onlyId);
  }, 'a list of keys, each with its `key_id`');
}

/**
 * CreateKey answers an object or a one-element array; either way it must name the new key (the
 * spec marks every KeyInfo field optional, so its `key_id` is all that is required).
 */
export const CREATED_KEY = result((value) => {
  const info = Array.isArray(value) ? value[0] : value;
  return isRecord(info) && typeof info.key_id === 'string' ? (info as KeyInfo) : undefined;
}, 'the new key and its `key_id`');
