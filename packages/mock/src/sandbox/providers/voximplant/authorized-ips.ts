/**
 * Voximplant authorized IPs: allow- and block-list entries (IPv4 addresses and CIDR networks),
 * filtered listing, removal by network or by contained address, and the check of one address
 * (the most specific listed network decides; with no match an address passes only while no
 * allow-list exists). The list is kept and checked but the sandbox's own calls are not filtered
 * by it: every caller here is 127.0.0.1, and the refusal Voximplant sends is not documented.
 */
import { type Handlers, json, type SandboxRequest } from '../../definition.js';
import { ok, voxError } from './errors.js';
import { integerParam, optionalBoolean, voxTime } from './params.js';
import type { VoximplantAuthorizedIp, VoximplantContext, VoximplantState } from './state.js';

interface Network {
  base: number;
  prefix: number;
}

/** `a.b.c.d` or `a.b.c.d/n` → the network; undefined when it is not IPv4. */
function parse(text: string | undefined, allowPrefix = true): Network | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(text ?? '');
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = match[5] === undefined ? 32 : Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32) return undefined;
  if (match[5] !== undefined && !allowPrefix) return undefined;
  return { base: octets.reduce((sum, octet) => sum * 256 + octet, 0), prefix };
}

function contains(entry: VoximplantAuthorizedIp, address: Network): boolean {
  const network = parse(entry.authorized_ip) as Network;
  const size = 2 ** (32 - network.prefix);
  return Math.floor(network.base / size) === Math.floor(address.base / size);
}

/** Entries in the list `allowed` names (both lists when it was not sent). */
const inList = (request: SandboxRequest) => {
  const allowed = optionalBoolean(request, 'allowed');
  return (entry: VoximplantAuthorizedIp) => allowed === undefined || entry.allowed === allowed;
};

export const authorizedIpHandlers: Handlers<VoximplantState> = {
  AddAuthorizedAccountIP(request, { state, now }) {
    const network = request.query.authorized_ip ?? '';
    if (!parse(network)) return voxError(320);
    const entry: VoximplantAuthorizedIp = {
      authorized_ip: network,
      allowed: optionalBoolean(request, 'allowed') ?? true,
      created: voxTime(now),
      ...(request.query.description !== undefined && { description: request.query.description }),
    };
    // The same network again replaces its entry (whether Voximplant refuses it is not documented).
    state.authorizedIps = [
      ...state.authorizedIps.filter((item) => item.authorized_ip !== network),
      entry,
    ];
    return ok(1);
  },

  GetAuthorizedAccountIPs(request, { state }) {
    const { authorized_ip: exact, contains_ip: containing, description } = request.query;
    const address = containing === undefined ? undefined : parse(containing, false);
    if (containing !== undefined && !address) return voxError(320);
    const matching = state.authorizedIps.filter(
      (entry) =>
        inList(request)(entry) &&
        (exact === undefined || entry.authorized_ip === exact) &&
        (address === undefined || contains(entry, address)) &&
        (description === undefined || entry.description === description),
    );
    const offset = integerParam(request, 'offset') ?? 0;
    const items = matching.slice(offset, offset + (integerParam(request, 'count') ?? 20));
    return json(200, { result: items, total_count: matching.length, count: items.length });
  },

  DelAuthorizedAccountIP(request, context: VoximplantContext) {
    const { authorized_ip: network, contains_ip: containing } = request.query;
    if ((network === undefined) === (containing === undefined))
      return voxError(458, 'authorized_ip, contains_ip');
    const address = containing === undefined ? undefined : parse(containing, false);
    if (containing !== undefined && !address) return voxError(320);
    if (network !== undefined && network !== 'all' && !parse(network)) return voxError(320);
    const removed = context.state.authorizedIps.filter(
      (entry) =>
        inList(request)(entry) &&
        (network === 'all' ||
          entry.authorized_ip === network ||
          (address !== undefined && contains(entry, address))),
    );
    if (removed.length === 0) return voxError(321);
    context.state.authorizedIps = context.state.authorizedIps.filter(
      (entry) => !removed.includes(entry),
    );
    return ok(removed.length);
  },

  CheckAuthorizedAccountIP(request, { state }) {
    const address = parse(request.query.authorized_ip, false);
    if (!address) return voxError(320);
    const deciding = state.authorizedIps
      .filter((entry) => contains(entry, address))
      .sort(
        (a, b) => (parse(b.authorized_ip)?.prefix ?? 0) - (parse(a.authorized_ip)?.prefix ?? 0),
      )[0];
    if (deciding)
      return json(200, { result: deciding.allowed, authorized_ip: deciding.authorized_ip });
    return json(200, { result: !state.authorizedIps.some((entry) => entry.allowed) });
  },
};
