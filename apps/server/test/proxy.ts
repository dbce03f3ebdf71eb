import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a server, so a test can cut every connection at once the way
 * a flaky network does, while the client under test reconnects by itself; or freeze
 * them, the way a hung server does (nothing is answered, nothing is closed).
 */
export async function startProxy(targetPort: number) {
  const sockets = new Set<Socket>();
  const pairs = new Set<[Socket, Socket]>();
  let frozen = false;
  const join = ([client, upstream]: [Socket, Socket]) => client.pipe(upstream).pipe(client);
  const part = ([client, upstream]: [Socket, Socket]) => {
    client.unpipe(upstream);
    upstream.unpipe(client);
    // Paused, a socket reads nothing: bytes wait in the kernel, as with a stopped server.
    client.pause();
    upstream.pause();
  };
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    for (const s of pair) {
      sockets.add(s);
      s.on('close', () => {
        sockets.delete(s);
        pairs.delete(pair);
      });
      s.on('error', () => {});
    }
    if (frozen) part(pair);
    else join(pair);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    /** Drops every open connection. */
    cut: () => {
      for (const s of sockets) s.destroy();
    },
    /** Stops passing bytes either way, closing nothing, until `thaw`. */
    freeze: () => {
      frozen = true;
      for (const pair of pairs) part(pair);
    },
    thaw: () => {
      frozen = false;
      for (const pair of pairs) join(pair);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
