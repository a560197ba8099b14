// Item 8: loopback, private and metadata addresses in every spelling the guard may meet, as resolved
// addresses and as URL literals fetched for real. A dual-stack loopback server counts the requests that
// reach it: any request is a leak. IPv4-mapped spellings do reach it when allowed (the control case).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isPrivateAddress } from '../../../src/fetch/address.js';
import { createFetcher, FetchError } from '../../../src/fetch/index.js';
import { Crash, tally, type Case } from '../outcomes.js';

/** IPv4 and IPv6 spellings of loopback, private, link-local and metadata addresses. */
const PRIVATE = [
  '127.0.0.1', '127.255.255.254', '10.0.0.1', '172.31.255.1', '192.168.0.10', '169.254.169.254', '100.100.100.200', '0.0.0.0',
  '::1', '0:0:0:0:0:0:0:1', '::', 'fe80::1', 'fe80::1%lo', 'fd00:ec2::254', 'fc00::1', 'ff02::1',
  '::ffff:127.0.0.1', '::FFFF:7f00:1', '0:0:0:0:0:ffff:127.0.0.1', '0000:0000:0000:0000:0000:ffff:7f00:0001', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe',
  '::127.0.0.1', '::7f00:1', '::10.0.0.1', '::a00:1',
  '::ffff:0:127.0.0.1', '::ffff:0:7f00:1',
  '2002:7f00:1::', '2002:7f00:0001::1', '2002:a9fe:a9fe::1', '2002:c0a8:0001::1', '2002:0a00:0001:ffff::',
  '64:ff9b::7f00:1', '64:ff9b::127.0.0.1', '64:ff9b::a9fe:a9fe', '64:ff9b:1::a00:1',
  '2001:0:7f00:1::', '2001:0:4136:e378:8000:63bf:80ff:fffe', '2001:0:4136:e378:8000:63bf:f5ff:fffe',
];
/** Public addresses, also when embedded: refusing these would be a false alarm (counted as a crash). */
const PUBLIC = ['93.184.216.34', '2606:4700::1111', '::ffff:8.8.8.8', '2002:808:808::1', '2001:0:4136:e378:8000:63bf:f7f7:f7f7'];
/** URL hosts that point at the loopback server: the dotted forms are rewritten by the URL parser. */
const LITERALS = ['127.0.0.1', '127.1', '2130706433', '0x7f.0.0.1', '0177.0.0.1', '[::1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[0:0:0:0:0:ffff:7f00:1]', '[::127.0.0.1]', '[2002:7f00:1::1]', '[64:ff9b::7f00:1]', 'localhost'];

export const hostileClass = {
  name: 'private-address',
  async run() {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('leaked');
    });
    await new Promise<void>((resolve) => server.listen(0, '::', resolve));
    const port = (server.address() as AddressInfo).port;
    const cases: Case[] = [
      ...PRIVATE.map((address) => ({
        name: `resolved address ${address}`,
        run: async () => (isPrivateAddress(address) ? {} : { leaked: `${address} passes as public` }),
      })),
      ...PUBLIC.map((address) => ({
        name: `public address ${address}`,
        run: async () => {
          if (isPrivateAddress(address)) throw new Crash(`${address} refused although public`);
          return {};
        },
      })),
      ...LITERALS.map((host) => ({
        name: `fetch http://${host}:${port}/`,
        run: async () => {
          const before = requests;
          const fetcher = createFetcher({ hostDelayMs: 0, retries: 0 });
          try {
            await fetcher.fetch(`http://${host}:${port}/feed.xml`);
            return { leaked: `fetched ${host}` };
          } catch (error) {
            if (requests > before) return { leaked: `a request reached the server through ${host}` };
            if (!(error instanceof FetchError)) throw new Crash(`${host}: ${String(error)}`);
            // Anything but a refusal means the guard let a connection be tried (unreachable here, maybe not elsewhere).
            if (error.kind !== 'private-address') return { leaked: `a connection was tried: ${error.reason}` };
            return {};
          } finally {
            await fetcher.close();
          }
        },
      })),
    ];
    try {
      return await tally(cases);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  },
};
