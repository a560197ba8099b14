// The private-address guard: a feed list is user input, and a URL (or a redirect) that points at the
// machine itself, the LAN or a cloud metadata service must not be fetched unless the user says so.
// Checked on the resolved address (the DNS lookup the socket really uses), so a public name that
// resolves to 127.0.0.1 is refused too.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { FetchError } from './errors.js';

/** Ranges never fetched by default: IANA special-purpose blocks a public web server cannot live in. */
const BLOCKED_V4: ReadonlyArray<[string, number]> = [
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
const BLOCKED_V6: ReadonlyArray<[string, number]> = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local, incl. the fd00:ec2::254 metadata service
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64: embeds an IPv4 address we cannot vouch for
];

const blocked = new BlockList();
for (const [net, prefix] of BLOCKED_V4) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of BLOCKED_V6) blocked.addSubnet(net, prefix, 'ipv6');

const V4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** True for loopback, private, link-local, multicast, reserved and metadata addresses. */
export function isPrivateAddress(address: string): boolean {
  const mapped = V4_MAPPED.exec(address)?.[1];
  if (mapped) return blocked.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return false;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
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
