import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  type AppRouter,
  attachSocket,
  type Context,
  type ContextInput,
  credentialFrom,
  fanoutEncoder,
} from '@parley/api';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { WebSocketServer } from 'ws';
import { clientIp, originOf } from './http';
import { awaitFirstFrame, connectionCounter, guardFrames } from './ws-guards';

export interface WsOptions {
  router: AppRouter;
  createContext: (input: ContextInput) => Context;
  maxPayload: number;
  pingMs: number;
  maxBatch: number;
  maxConnectionsPerIp: number;
  pongWaitMs: number;
  connectionParamsTimeoutMs: number;
  allowedOrigins: string[];
  /** Whether a page on this (not own) origin may open a socket: a live widget session allows it. */
  isWidgetOrigin: (origin: string) => Promise<boolean>;
  trustProxy: boolean;
  log: Context['log'];
}

const WS_PATHS = new Set(['/trpc', '/ws', '/trpc/', '/ws/']);

/**
 * tRPC over WebSocket on the HTTP server's own port. Credentials travel in
 * `connectionParams.token` (nothing is made public to let sockets in: docs/design.md);
 * the context is built once per socket and the token re-verified on every call.
 */
export function createWsServer(options: WsOptions) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload });
  const handler = applyWSSHandler<AppRouter>({
    wss,
    router: options.router,
    // The heartbeat reaps sockets whose client died without closing.
    keepAlive: { enabled: true, pingMs: options.pingMs, pongWaitMs: options.pongWaitMs },
    // JSON, plus the hand-off that lets a session's live events skip tRPC's per-subscriber
    // path (packages/api/src/events/fanout.ts).
    experimental_encoder: fanoutEncoder,
    createContext: ({ req, res, info }) => {
      const token = info.connectionParams?.token;
      const connection = { id: randomUUID(), subscriptions: 0 };
      attachSocket(connection, res);
      return options.createContext({
        transport: 'ws',
        ip: clientIp(req, options.trustProxy),
        credential: credentialFrom(typeof token === 'string' ? token : null),
        connection,
        ...originOf(req, options.allowedOrigins),
      });
    },
  });

  const connections = connectionCounter(options.maxConnectionsPerIp);

  function refuse(socket: Duplex, status: number, reason: string): void {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }

  /**
   * Upgrade requests: right path, and a browser Origin from the allowlist or allowed by a
   * live widget session (each call on the socket is then checked against its credential).
   */
  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!WS_PATHS.has(path)) {
      refuse(socket, 404, 'Not Found');
      return;
    }
    const origin = req.headers.origin;
    if (origin && !options.allowedOrigins.includes(origin)) {
      options.isWidgetOrigin(origin).then(
        (widget) => {
          if (widget) return admit(req, socket, head);
          options.log.warn({ origin }, 'WebSocket handshake refused: origin not allowed');
          refuse(socket, 403, 'Forbidden');
        },
        () => refuse(socket, 503, 'Service Unavailable'),
      );
      return;
    }
    admit(req, socket, head);
  }

  function admit(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const ip = clientIp(req, options.trustProxy);
    if (!connections.admit(ip)) {
      options.log.warn(
        { ip },
        'WebSocket handshake refused: too many connections from this client',
      );
      refuse(socket, 429, 'Too Many Requests');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      connections.track(ip, ws);
      guardFrames(ws, options.maxBatch);
      if (new URL(req.url ?? '/', 'http://x').searchParams.get('connectionParams') === '1')
        awaitFirstFrame(ws, options.connectionParamsTimeoutMs);
      wss.emit('connection', ws, req);
    });
  }

  return {
    wss,
    onUpgrade,
    /** Tells every client to reconnect (to another instance) before shutdown. */
    broadcastReconnect: () => handler.broadcastReconnectNotification(),
    async close(): Promise<void> {
      for (const client of wss.clients) client.close(1012, 'server restarting');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      for (const client of wss.clients) client.terminate();
    },
  };
}
