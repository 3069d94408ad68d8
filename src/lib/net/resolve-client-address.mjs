// The client's address for the audit trail. Plain JavaScript because scripts/server.mjs, which runs
// unbundled under Node, sets it on every request; the app reads what the server set (client-address.ts).
import { BlockList, isIP } from 'node:net';

/** The request header scripts/server.mjs overwrites on every request with the resolved address. */
export const CLIENT_ADDRESS_HEADER = 'x-hih-client-address';

/** '::ffff:10.0.0.1' (IPv4 on a dual-stack socket) → '10.0.0.1'; '[::1]:443' and '1.2.3.4:80' lose the port. */
export function normalizeAddress(raw) {
  let a = String(raw ?? '').trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(a)) a = a.slice(7);
  return isIP(a) ? a.toLowerCase() : null;
}

/**
 * TRUSTED_PROXIES: addresses and CIDR ranges separated by commas or spaces ('127.0.0.1, 10.0.0.0/8, ::1').
 * Throws on an entry that is neither, so a typo stops the server instead of trusting nothing silently.
 */
export function parseTrustedProxies(setting) {
  const list = new BlockList();
  for (const entry of String(setting ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)) {
    const [addr, bits, extra] = entry.split('/');
    const ip = normalizeAddress(addr);
    const family = ip && isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    const prefix = bits === undefined ? null : Number(bits);
    const max = family === 'ipv6' ? 128 : 32;
    if (!ip || extra !== undefined || (prefix !== null && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= max))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or a CIDR range`);
    }
    if (prefix === null) list.addAddress(ip, family);
    else list.addSubnet(ip, prefix, family);
  }
  return list;
}

function trusts(list, ip) {
  return list.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The socket's peer, unless that peer is a trusted proxy: then the right-most X-Forwarded-For entry
 * that no trusted proxy added (entries to the left of it are whatever the client chose to send).
 * A trusted proxy that passed something unreadable leaves the last address known for sure.
 */
export function resolveClientAddress(remoteAddress, forwardedFor, trusted) {
  let address = normalizeAddress(remoteAddress);
  if (!address) return null;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : String(forwardedFor ?? '')).split(',').filter((h) => h.trim());
  for (let i = hops.length - 1; i >= 0 && trusts(trusted, address); i--) {
    const hop = normalizeAddress(hops[i]);
    if (!hop) break;
    address = hop;
  }
  return address;
}
