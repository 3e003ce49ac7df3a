import { type CallOptions, nextOffsetWithTotal, paginate, type Runner } from '@tenantkit/core';
import type { Client } from 'openapi-fetch';
import type {
  AuthorizedAccountIp,
  AuthorizedIpCheckResult,
  AuthorizedIpListResult,
  paths,
} from './generated/openapi.js';
import { methodsOver } from './method.js';
import { countOf, envelopeWithBoolean, envelopeWithList } from './shapes.js';
import {
  checkAddAuthorizedIp,
  checkCheckAuthorizedIp,
  checkDelAuthorizedIp,
  checkGetAuthorizedIps,
  checkListAllAuthorizedIps,
} from './validate/authorized-ips.js';
import type { InputOf } from './wire.js';

export type AddAuthorizedIpInput = InputOf<'AddAuthorizedAccountIP'>;
export type ListAuthorizedIpsInput = InputOf<'GetAuthorizedAccountIPs'>;
export type ListAllAuthorizedIpsInput = Omit<ListAuthorizedIpsInput, 'offset'> & {
  limit?: number;
};
type DelInput = InputOf<'DelAuthorizedAccountIP'>;
/** Exactly one of `authorized_ip` (a network, or `'all'`) and `contains_ip`. */
export type DeleteAuthorizedIpsInput = Pick<DelInput, 'allowed'> &
  ({ authorized_ip: string; contains_ip?: never } | { contains_ip: string; authorized_ip?: never });
export type CheckAuthorizedIpInput = InputOf<'CheckAuthorizedAccountIP'>;

/**
 * The account's IPv4 allow- and block-list. Once an allow-list is in use, every call from another
 * address is refused, this client's included: check before you add or remove. Owner, Admin or
 * Developer role.
 */
export interface VoximplantAuthorizedIps {
  /** AddAuthorizedAccountIP: allow a network (or block it with `allowed: false`). Answers 1. */
  add(input: AddAuthorizedIpInput, options?: CallOptions): Promise<number>;
  /** GetAuthorizedAccountIPs: one page with `total_count`. */
  list(input?: ListAuthorizedIpsInput, options?: CallOptions): Promise<AuthorizedIpListResult>;
  listAll(
    input?: ListAllAuthorizedIpsInput,
    options?: CallOptions,
  ): AsyncIterable<AuthorizedAccountIp>;
  /** DelAuthorizedAccountIP: answers how many entries were removed. */
  delete(input: DeleteAuthorizedIpsInput, options?: CallOptions): Promise<number>;
  /** CheckAuthorizedAccountIP: may this IPv4 address call, and which listed network decided it. */
  check(input: CheckAuthorizedIpInput, options?: CallOptions): Promise<AuthorizedIpCheckResult>;
}

const COUNT = { unwrap: countOf, expects: 'a numeric `result` (1, or how many were removed)' };

export function createVoximplantAuthorizedIps(
  runner: Runner,
  api: Client<paths>,
  pageSize: number,
): VoximplantAuthorizedIps {
  const method = methodsOver(runner, api);
  const ips: VoximplantAuthorizedIps = {
    add: method('AddAuthorizedAccountIP', checkAddAuthorizedIp, COUNT),
    list: method('GetAuthorizedAccountIPs', checkGetAuthorizedIps, {
      unwrap: envelopeWithList<AuthorizedIpListResult>('authorized_ip', 'string'),
      expects: 'a `result` list of networks, each with its `authorized_ip`',
    }),
    async *listAll(input, call) {
      checkListAllAuthorizedIps(input);
      const { limit, count = pageSize, ...filters } = input ?? {};
      yield* paginate({
        first: 0,
        limit,
        fetchPage: (offset: number) => ips.list({ ...filters, offset, count }, call),
        items: (page) => page.result,
        next: (page, offset, items) =>
          nextOffsetWithTotal(offset, count, items.length, page.total_count),
        key: (entry) => entry.authorized_ip,
        maxPages: runner.maxPages,
        provider: 'voximplant',
        operation: 'GetAuthorizedAccountIPs',
      });
    },
    delete: method(
      'DelAuthorizedAccountIP',
      checkDelAuthorizedIp,
      COUNT,
      (input) => input as DelInput,
    ),
    check: method('CheckAuthorizedAccountIP', checkCheckAuthorizedIp, {
      unwrap: envelopeWithBoolean<AuthorizedIpCheckResult>,
      expects: 'a boolean `result`',
    }),
  };
  return ips;
}
