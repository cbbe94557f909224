import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where webhooks may go (SSRF). With private addresses allowed (development, tests: the default
 * outside production) anything http(s) goes. Otherwise (production) the address must be https and
 * every address its host resolves to must be public unicast: no loopback, private (RFC 1918, ULA),
 * link-local (which holds the cloud metadata address 169.254.169.254), CGNAT, unspecified,
 * multicast, broadcast, reserved or documentation ranges, nor any IPv6 form that embeds an IPv4
 * address (mapped, NAT64, 6to4, Teredo, IPv4-compatible); fd00:ec2::254 is unique-local.
 */

/** Why an address is refused, for the delivery log and the 422 problem; null when it may be used. */
export type Refusal = string | null;

/** Whether `ip` (a literal IPv4 or IPv6 address) is public unicast: the only kind production may reach. */
export function isPublicAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  // `process` turns an IPv4-mapped IPv6 address (::ffff:127.0.0.1) into the IPv4 address it maps.
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv6') {
    const parts = (address as ipaddr.IPv6).parts;
    // ::/96 (IPv4-compatible, deprecated) and ::/128, ::1 are never a public host.
    if (parts.slice(0, 6).every((p) => p === 0)) return false;
  }
  return address.range() === 'unicast';
}

/** The host of a URL as an address literal (IPv6 without brackets), or null when it is a name. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) && (bare.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(bare)) ? bare : null;
}

/**
 * The check made when an endpoint is saved: what can be told without DNS. In strict mode the URL
 * must be https and must not be a literal address that is not public. A host name is checked at
 * delivery time, after DNS (see `resolveWebhookHost`).
 */
export function checkWebhookUrl(url: string, allowPrivate: boolean): Refusal {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'The address is not a URL.';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'The address must be http(s).';
  if (allowPrivate) return null;
  if (parsed.protocol !== 'https:') return 'Webhook addresses must use https.';
  const literal = literalAddress(parsed.hostname);
  if (literal && !isPublicAddress(literal)) {
    return `${literal} is not a public address: webhooks may not go to loopback, private, link-local or metadata addresses.`;
  }
  return null;
}

export interface ResolvedHost {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves `hostname` (all its addresses) and, in strict mode, refuses it unless every address is
 * public. The request must then connect to the returned address (`pinnedLookup`), so a second DNS
 * answer (rebinding) cannot switch it to another.
 */
export async function resolveWebhookHost(
  hostname: string,
  allowPrivate: boolean,
): Promise<{ ok: true; host: ResolvedHost } | { ok: false; error: string }> {
  const literal = literalAddress(hostname);
  let addresses: { address: string; family: number }[];
  if (literal) {
    addresses = [{ address: literal, family: literal.includes(':') ? 6 : 4 }];
  } else {
    try {
      addresses = await dnsLookup(hostname, { all: true, verbatim: true });
    } catch (err) {
      return { ok: false, error: `DNS: ${(err as NodeJS.ErrnoException).code ?? 'lookup failed'}` };
    }
  }
  if (addresses.length === 0) return { ok: false, error: 'DNS: no address' };
  if (!allowPrivate) {
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused) return { ok: false, error: `address refused: ${refused.address} is not public` };
  }
  const first = addresses[0]!;
  return { ok: true, host: { address: first.address, family: first.family === 6 ? 6 : 4 } };
}

/** A `lookup` for http(s).request that answers the address already checked, whatever the name. */
export function pinnedLookup(host: ResolvedHost): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: host.address, family: host.family }]);
    else callback(null, host.address, host.family);
  }) as unknown as LookupFunction;
}
