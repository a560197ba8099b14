import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from './address.js';

describe('isPrivateAddress', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '224.0.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00:ec2::254', 'ff02::1', '::ffff:127.0.0.1'])(
    'refuses %s',
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );
  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );
});

// IPv6 addresses that embed an IPv4 address, in the spellings a resolver, a URL or a user may produce.
const EMBEDDED_PRIVATE = [
  '::7f00:1', // IPv4-compatible loopback, hex
  '::127.0.0.1', // IPv4-compatible loopback, dotted
  '0:0:0:0:0:0:7f00:1', // uncompressed
  '::a9fe:a9fe', // IPv4-compatible metadata service
  '::ffff:7f00:1', // IPv4-mapped, hex (how WHATWG URLs print it)
  '::FFFF:127.0.0.1', // IPv4-mapped, upper case
  '0:0:0:0:0:ffff:127.0.0.1', // IPv4-mapped, uncompressed
  '0000:0000:0000:0000:0000:ffff:0a00:0001', // IPv4-mapped 10.0.0.1, zero-padded
  '::ffff:0:7f00:1', // IPv4-translated (SIIT)
  '::ffff:0:c0a8:101', // IPv4-translated 192.168.1.1
  '2002:7f00:1::1', // 6to4 of 127.0.0.1
  '2002:c0a8:101:5::9', // 6to4 of 192.168.1.1
  '2002:a9fe:a9fe::', // 6to4 of the metadata service
  '64:ff9b::7f00:1', // NAT64 of loopback
  '64:ff9b::808:808', // NAT64, even of a public address (the prefix itself is refused)
  '64:ff9b:1::a00:1', // local-use NAT64
  '2001:0:7f00:1::1', // Teredo whose server is loopback
  '2001:0:4136:e378:8000:63bf:80ff:fffe', // Teredo whose client is 127.0.0.1 (stored inverted)
  'fe80::1%eth0', // link-local with a zone id
];
const EMBEDDED_PUBLIC = ['2002:808:808::1', '::ffff:0:808:808', '2001:0:4136:e378:8000:63bf:f7f7:f7f7', '2001:db9::7f00:1'];

describe('isPrivateAddress on IPv6 forms that embed an IPv4 address', () => {
  it.each(EMBEDDED_PRIVATE)('refuses %s', (address) => expect(isPrivateAddress(address)).toBe(true));
  it.each(EMBEDDED_PUBLIC)('allows %s, whose embedded address is public', (address) => expect(isPrivateAddress(address)).toBe(false));
  it('does not call host names or garbage private', () => {
    for (const text of ['localhost.example', '', '127.0.0.1.nip.example', ':::1']) expect(isPrivateAddress(text)).toBe(false);
  });
});
