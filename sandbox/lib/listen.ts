import type { AddressInfo, Server, Socket } from 'node:net';

/**
 * Starts a stand-in's HTTP server: idle sockets kept longer than any client keeps one (undici: 4 s),
 * so a client never reuses a socket the server is closing (ECONNRESET on a busy machine), and a
 * `stop` that ends open connections at once instead of waiting for them.
 */
export async function listen(server: Server & { keepAliveTimeout?: number }, port: number, host: string) {
  const sockets = new Set<Socket>();
  server.keepAliveTimeout = 65_000;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${hostForUrl}:${address.port}`,
    port: address.port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
