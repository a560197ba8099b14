// A real loopback HTTP server for fetch tests: each route is a scripted behaviour.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse, hits: number) => void | Promise<void>;

export interface TestServer {
  url: (path: string) => string;
  hits: (path: string) => number;
  requests: IncomingMessage[];
  close: () => Promise<void>;
}

export async function startServer(routes: Record<string, Route>, host = '127.0.0.1'): Promise<TestServer> {
  const counts = new Map<string, number>();
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const hits = (counts.get(path) ?? 0) + 1;
    counts.set(path, hits);
    requests.push(req);
    const route = routes[path];
    if (!route) {
      res.writeHead(404).end('not found');
      return;
    }
    Promise.resolve(route(req, res, hits)).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://${host}:${port}${path}`,
    hits: (path) => counts.get(path) ?? 0,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
