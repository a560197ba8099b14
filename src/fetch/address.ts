// The private-address guard: a feed list is user input, and a URL (or a redirect) that points at the
// machine itself, the LAN or a cloud metadata service must not be fetched unless the user says so.
// Checked on the resolved address (the DNS lookup the socket really uses), so a public name that
// resolves to 127.0.0.1 is refused too.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { FetchError } from './errors.js';

type Net = [string, number];

/** Ranges never fetched by default: IANA special-purpose blocks a public web server cannot live in. */
const BLOCKED_V4: readonly Net[] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, incl. the 169.254.169.254 metadata service
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments (some metadata endpoints)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
];
const BLOCKED_V6: readonly Net[] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local, incl. the fd00:ec2::254 metadata service
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64: embeds an IPv4 address we cannot vouch for
  ['64:ff9b:1::', 48], // NAT64 for local use (RFC 8215): the operator's own translation
];

/**
 * IPv6 forms that carry an IPv4 address, where the packet (or a relay) really goes: the IPv4 address is
 * checked against BLOCKED_V4, so `::7f00:1`, `::ffff:7f00:1` or `2002:7f00:1::1` are loopback too.
 * `word` is the index of the first of the two 16-bit groups that hold it; Teredo stores its client
 * address with every bit inverted.
 */
const EMBEDDED_V4: ReadonlyArray<{ net: Net; word: number; inverted?: boolean }> = [
  { net: ['::', 96], word: 6 }, // IPv4-compatible (deprecated, still routed by some stacks)
  { net: ['::ffff:0:0', 96], word: 6 }, // IPv4-mapped
  { net: ['::ffff:0:0:0', 96], word: 6 }, // IPv4-translated (SIIT, RFC 6145)
  { net: ['2002::', 16], word: 1 }, // 6to4
  { net: ['2001::', 32], word: 2 }, // Teredo server
  { net: ['2001::', 32], word: 6, inverted: true }, // Teredo client
];

const parseNet = ([net, bits]: Net): [ipaddr.IPv4 | ipaddr.IPv6, number] => [ipaddr.parse(net), bits];
const blockedV4 = BLOCKED_V4.map(parseNet);
const blockedV6 = BLOCKED_V6.map(parseNet);
const embeddings = EMBEDDED_V4.map((form) => ({ ...form, net: parseNet(form.net) }));

function embeddedV4(address: ipaddr.IPv6): ipaddr.IPv4[] {
  const found: ipaddr.IPv4[] = [];
  for (const { net, word, inverted } of embeddings) {
    if (!address.match(net)) continue;
    const mask = inverted ? 0xffff : 0;
    const high = (address.parts[word] ?? 0) ^ mask;
    const low = (address.parts[word + 1] ?? 0) ^ mask;
    found.push(new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]));
  }
  return found;
}

const inBlockedV4 = (address: ipaddr.IPv4): boolean => blockedV4.some((net) => address.match(net));

/**
 * True for loopback, private, link-local, multicast, reserved and metadata addresses, in any spelling
 * ipaddr.js reads (dotted or hex IPv4-mapped, compressed or not, with a zone id), and for IPv6 addresses
 * that embed such an IPv4 address. Strings that are not an IP address are not private.
 */
export function isPrivateAddress(address: string): boolean {
  if (!isIP(address) || !ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return inBlockedV4(parsed as ipaddr.IPv4);
  const v6 = parsed as ipaddr.IPv6;
  return blockedV6.some((net) => v6.match(net)) || embeddedV4(v6).some(inBlockedV4);
}

const refusal = (host: string, address: string): FetchError =>
  new FetchError(
    'private-address',
    `${host} resolves to ${address}, a private or local address; refused (use --allow-private for local setups)`,
  );

/** Throws for a URL whose host is a literal private address (sockets skip the lookup for IP literals). */
export function assertPublicLiteral(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isPrivateAddress(host)) throw refusal(host, host);
}

/** A `lookup` for sockets that fails when any address the name resolves to is private. */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return (callback as (e: NodeJS.ErrnoException) => void)(error);
    const bad = addresses.find((entry) => isPrivateAddress(entry.address));
    if (bad) return (callback as (e: Error) => void)(refusal(hostname, bad.address));
    if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0];
    if (!first) return (callback as (e: Error) => void)(new FetchError('network', `${hostname} has no address`));
    callback(null, first.address, first.family);
  });
};
