import net from 'node:net';

/** One client connection through a `startTcpProxy` proxy. */
export interface ProxiedConnection {
  /** The client's side (the code under test). */
  client: net.Socket;
  /** The proxy's connection to the real server. */
  upstream: net.Socket;
  /**
   * The local port of `upstream`: the connection's `client_port` in PostgreSQL's
   * `pg_stat_activity`, so a test can find (and terminate) its backend.
   */
  port: number;
}

export interface TcpProxyHooks {
  /** A new connection, once its upstream side has connected. */
  connected?(connection: ProxiedConnection): void;
  /** Each chunk the client sends; `false` keeps it from the server. */
  fromClient?(chunk: Buffer, connection: ProxiedConnection): boolean;
  /** Each chunk the server sends; `false` keeps it from the client. */
  fromServer?(chunk: Buffer, connection: ProxiedConnection): boolean;
  /**
   * The server closed its side. `true`: the test closes the client's side itself (say
   * after handing over what it held back); otherwise that closes at once.
   */
  serverClosed?(connection: ProxiedConnection): boolean;
}

export interface TcpProxy {
  /** `databaseUrl` with its host and port replaced by the proxy's. */
  url: string;
  close(): Promise<void>;
}

/**
 * A TCP proxy on loopback in front of the server of `databaseUrl`, for tests that must
 * hold back or see what travels on a connection: the timing of a real protocol (a
 * PostgreSQL backend terminated between two messages) that no stub reproduces.
 */
export async function startTcpProxy(
  databaseUrl: string,
  hooks: TcpProxyHooks = {},
): Promise<TcpProxy> {
  const target = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    // A reset is what these tests provoke; it must not end the test process.
    client.on('error', () => {});
    upstream.on('error', () => {});
    client.on('close', () => upstream.destroy());
    upstream.on('connect', () => {
      const connection: ProxiedConnection = { client, upstream, port: upstream.localPort! };
      hooks.connected?.(connection);
      upstream.on('close', () => {
        if (!hooks.serverClosed?.(connection)) client.destroy();
      });
      // Both sides stay paused until their listener is attached: nothing is lost.
      client.on('data', (chunk: Buffer) => {
        if (hooks.fromClient?.(chunk, connection) ?? true) upstream.write(chunk);
      });
      upstream.on('data', (chunk: Buffer) => {
        if (hooks.fromServer?.(chunk, connection) ?? true) client.write(chunk);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.host = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return {
    url: url.toString(),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
