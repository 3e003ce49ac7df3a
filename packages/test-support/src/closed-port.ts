/** A loopback address where nothing listens, for "connection refused". */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A 127.0.0.1 port that was free a moment ago (bound on port 0, then released). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
