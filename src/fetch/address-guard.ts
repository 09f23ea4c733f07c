// SSRF guard: refuse private, loopback, link-local and other non-public addresses.
// The check runs on the addresses DNS actually returns, inside the socket's `lookup`, so the address
// we connect to is the address we checked (no DNS-rebinding gap), and it runs again on every
// redirect hop because every hop opens a new connection through the same lookup.
// Addresses are classified by ipaddr.js's `range()` (its table follows the IANA special-purpose
// registries); only plain `unicast` is public. IPv6 forms that carry an IPv4 address are judged by
// the IPv4 address they carry.
import { isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { BlockedAddressError } from '../errors.js';

/** ipaddr.js range names that are the public internet. Everything else is refused. */
const PUBLIC_RANGES = new Set(['unicast']);

type V6 = ipaddr.IPv6;
const v4FromParts = (hi: number, lo: number): ipaddr.IPv4 => new ipaddr.IPv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);

/**
 * IPv6 ranges that embed an IPv4 address, and where it sits. Such an address is as public as the
 * IPv4 address inside it; a range that maps to null is refused outright.
 */
const EMBEDDED_V4: Record<string, (ip: V6) => ipaddr.IPv4 | null> = {
  ipv4Mapped: (ip) => v4FromParts(ip.parts[6]!, ip.parts[7]!), // ::ffff:a.b.c.d
  rfc6145: (ip) => v4FromParts(ip.parts[6]!, ip.parts[7]!), // ::ffff:0:a.b.c.d (SIIT)
  // NAT64: the well-known prefix 64:ff9b::/96 carries a public address; the local-use prefix
  // 64:ff9b:1::/48 (RFC 8215) translates into whatever network the operator chose: refused.
  rfc6052: (ip) =>
    ip.parts[2] === 0 && ip.parts[3] === 0 && ip.parts[4] === 0 && ip.parts[5] === 0 ? v4FromParts(ip.parts[6]!, ip.parts[7]!) : null,
  '6to4': (ip) => v4FromParts(ip.parts[1]!, ip.parts[2]!), // 2002:aabb:ccdd::/48
  teredo: () => null, // tunnels to an obfuscated client address: not a news site
};

/** ::a.b.c.d, the deprecated "IPv4-compatible" form (RFC 4291 §2.5.5.1); ipaddr.js files it as unicast. */
function ipv4Compatible(ip: V6): ipaddr.IPv4 | null {
  return ip.parts.slice(0, 6).every((p) => p === 0) ? v4FromParts(ip.parts[6]!, ip.parts[7]!) : null;
}

/** The ipaddr.js range of `address`, following embedded IPv4 addresses ("ipv4Mapped→loopback"). */
export function addressRange(address: string): string | null {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!isIP(ip)) return null;
  const parsed = ipaddr.parse(ip);
  if (parsed.kind() === 'ipv4') return parsed.range();
  const v6 = parsed as V6;
  const range = v6.range();
  const compat = range === 'unicast' ? ipv4Compatible(v6) : null;
  if (compat) return `ipv4Compatible→${compat.range()}`;
  const embed = EMBEDDED_V4[range];
  if (!embed) return range;
  const v4 = embed(v6);
  return v4 ? `${range}→${v4.range()}` : range;
}

/** True when `address` (an IP literal) is private, loopback, link-local or otherwise not public. */
export function isBlockedAddress(address: string): boolean {
  const range = addressRange(address);
  if (range === null) return false;
  const last = range.split('→').pop()!;
  // An embedding range with no usable IPv4 address inside (teredo, NAT64 local-use) is refused.
  if (!range.includes('→') && EMBEDDED_V4[range]) return true;
  return !PUBLIC_RANGES.has(last);
}

/**
 * Refuses a URL whose host is an IP literal in a blocked range (those never go through DNS).
 * Host names are checked later, on their resolved addresses, by `guardedLookup`.
 */
export function assertHostAllowed(url: URL, allowPrivate: boolean): void {
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isBlockedAddress(host)) throw new BlockedAddressError(url.href, host, addressRange(host));
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request / net.connect that resolves the name and refuses it when any
 * resolved address is blocked (a name that resolves to both a public and a private address is
 * refused: the socket could pick either). `onBlocked` receives the typed error so the caller can
 * rethrow it instead of the generic socket error.
 */
export function guardedLookup(allowPrivate: boolean, url: string, onBlocked: (err: BlockedAddressError) => void) {
  return (hostname: string, options: { all?: boolean; family?: number } | number, callback: LookupCallback): void => {
    const opts = typeof options === 'number' ? { family: options } : (options ?? {});
    dnsLookup(hostname, { ...opts, all: true }, (err, addresses) => {
      if (err) return callback(err, opts.all ? [] : '', undefined);
      const list = addresses as LookupAddress[];
      if (!allowPrivate) {
        const bad = list.find((a) => isBlockedAddress(a.address));
        if (bad) {
          const blockedErr = new BlockedAddressError(url, bad.address, addressRange(bad.address));
          onBlocked(blockedErr);
          return callback(Object.assign(new Error(blockedErr.message), { code: 'E_BLOCKED_ADDRESS' }), opts.all ? [] : '', undefined);
        }
      }
      if (opts.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', undefined);
      callback(null, first.address, first.family);
    });
  };
}
