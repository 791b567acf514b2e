// A local web server that only counts: the tests that must reach no network
// point a template or a page at it and check it saw nothing.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountingServer {
  /** http://127.0.0.1:PORT */
  url: string;
  /** The paths requested, in order. */
  requests: string[];
  /** TCP connections opened, requests or not (a preconnect sends none). */
  connections(): number;
  close(): Promise<void>;
}

export async function startCountingServer(): Promise<CountingServer> {
  const requests: string[] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('x');
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
