/** Input checks of the authorized-IP methods. */
import { InputChecker } from '@tenantkit/core';
import { type Input, paging, start } from './rules.js';

const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
/** A dotted-quad IPv4 address (the docs say "IP4" throughout the authorized-IP methods). */
const IPV4 = new RegExp(`^(${OCTET}\\.){3}${OCTET}$`);
/** An IPv4 address or a network in CIDR form, e.g. `92.255.220.0/24`. */
const IPV4_NETWORK = new RegExp(`^(${OCTET}\\.){3}${OCTET}(/(3[0-2]|[12]?[0-9]))?$`);

function ipv4(check: InputChecker, field: string, value: unknown, optional = false): void {
  check.matches(field, value, IPV4, 'ipv4', 'an IPv4 address such as 92.255.220.10', { optional });
}

function ipv4Network(check: InputChecker, field: string, value: unknown, optional = false): void {
  check.matches(
    field,
    value,
    IPV4_NETWORK,
    'ipv4-network',
    'an IPv4 address or network such as 92.255.220.0/24',
    { optional },
  );
}

export function checkAddAuthorizedIp(input: unknown): void {
  const [check, query] = start('AddAuthorizedAccountIP', input);
  ipv4Network(check, 'authorized_ip', query.authorized_ip);
  check.boolean('allowed', query.allowed, { optional: true });
  check.string('description', query.description, { optional: true });
}

function ipFilters(check: InputChecker, query: Input): void {
  ipv4Network(check, 'authorized_ip', query.authorized_ip, true);
  check.boolean('allowed', query.allowed, { optional: true });
  ipv4(check, 'contains_ip', query.contains_ip, true);
  check.string('description', query.description, { optional: true });
}

export function checkGetAuthorizedIps(input: unknown): void {
  const [check, query] = start('GetAuthorizedAccountIPs', input, true);
  ipFilters(check, query);
  paging(check, query);
}

export function checkListAllAuthorizedIps(input: unknown): void {
  const check = new InputChecker('voximplant', 'GetAuthorizedAccountIPs');
  const query = input === undefined ? {} : check.record('input', input);
  check.knownFields('', query, [
    'authorized_ip',
    'allowed',
    'contains_ip',
    'description',
    'count',
    'limit',
  ]);
  ipFilters(check, query);
  check.integer('count', query.count, { optional: true, min: 1 });
  check.integer('limit', query.limit, { optional: true, min: 0 });
}

/** Exactly one of `authorized_ip` (or `all`) and `contains_ip` (the docs' "required unless"). */
export function checkDelAuthorizedIp(input: unknown): void {
  const [check, query] = start('DelAuthorizedAccountIP', input);
  check.exclusive(query, ['authorized_ip', 'contains_ip'], 'exactly-one');
  if (query.authorized_ip !== 'all') ipv4Network(check, 'authorized_ip', query.authorized_ip, true);
  ipv4(check, 'contains_ip', query.contains_ip, true);
  check.boolean('allowed', query.allowed, { optional: true });
}

export function checkCheckAuthorizedIp(input: unknown): void {
  const [check, query] = start('CheckAuthorizedAccountIP', input);
  ipv4(check, 'authorized_ip', query.authorized_ip);
}
