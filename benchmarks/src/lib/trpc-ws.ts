import superjson from 'superjson';
import WebSocket from 'ws';

/**
 * A minimal tRPC-over-WebSocket client speaking the wire protocol directly: a
 * `connectionParams` message first, then JSON-RPC-like calls. A load generator holding
 * thousands of sockets cannot afford @trpc/client's per-socket machinery; this is a few
 * closures per socket. Answers the server's keep-alive PING with PONG, like the real client.
 */
export interface TrpcSocket {
  ws: WebSocket;
  /**
   * Starts a subscription; `onFrame` gets each raw data frame's text, `onEnd` its error (or
   * stop) after it started. Resolves on `started`.
   */
  subscribe(
    path: string,
    input: unknown,
    onFrame: (text: string) => void,
    onEnd?: (error: Error | null) => void,
  ): Promise<number>;
  /** Stops a subscription (`subscription.stop`). */
  unsubscribe(id: number): void;
  /** A query or mutation over this socket; resolves with the deserialised result. */
  call<T = unknown>(type: 'query' | 'mutation', path: string, input: unknown): Promise<T>;
  /** Sends raw text (abuse tests). */
  sendRaw(text: string | Buffer): void;
  close(): void;
  closed: Promise<{ code: number; reason: string }>;
}

export class TrpcCallError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly data: Record<string, unknown>,
  ) {
    super(message);
  }
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onFrame?: (text: string) => void;
  onEnd?: (error: Error | null) => void;
  started?: boolean;
}

export function wsUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/trpc`;
}

export function connectTrpc(
  httpUrl: string,
  token: string | undefined,
  options: { headers?: Record<string, string>; openTimeoutMs?: number } = {},
): Promise<TrpcSocket> {
  const ws = new WebSocket(`${wsUrl(httpUrl)}?connectionParams=1`, {
    headers: options.headers,
    perMessageDeflate: false,
    handshakeTimeout: options.openTimeoutMs ?? 15_000,
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => {
      for (const p of pending.values()) {
        const error = new Error(`socket closed (${code})`);
        if (p.started) p.onEnd?.(error);
        else p.reject(error);
      }
      pending.clear();
      resolve({ code, reason: reason.toString() });
    }),
  );
  ws.on('error', () => {});
  ws.on('message', (raw: Buffer, isBinary) => {
    const text = isBinary ? raw.toString() : raw.toString();
    if (text === 'PING') return ws.send('PONG');
    if (text === 'PONG') return;
    // The id sits at the start of every answer: {"id":12,...}; avoid parsing data frames twice.
    const match = /^\{"id":(\d+|null)/.exec(text);
    const id = match?.[1] && match[1] !== 'null' ? Number(match[1]) : undefined;
    const waiter = id === undefined ? undefined : pending.get(id);
    if (!waiter) return;
    if (waiter.onFrame && text.includes('"type":"data"')) return waiter.onFrame(text);
    const message = JSON.parse(text) as {
      result?: { type: string; data?: unknown };
      error?: unknown;
    };
    if (message.error) {
      pending.delete(id!);
      const error = superjson.deserialize<{ message: string; data: { code: string } }>(
        message.error as never,
      );
      const failure = new TrpcCallError(error.message, error.data?.code, error.data);
      if (waiter.started) return waiter.onEnd?.(failure);
      return waiter.reject(failure);
    }
    if (message.result?.type === 'started') {
      waiter.started = true;
      return waiter.resolve(id);
    }
    if (message.result?.type === 'stopped') {
      pending.delete(id!);
      return waiter.onEnd?.(null);
    }
    if (message.result?.type === 'data') {
      pending.delete(id!);
      waiter.resolve(superjson.deserialize(message.result.data as never));
    }
  });
  const socket: TrpcSocket = {
    ws,
    closed,
    subscribe(path, input, onFrame, onEnd) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onFrame, onEnd });
        ws.send(
          JSON.stringify({
            id,
            method: 'subscription',
            params: { path, input: superjson.serialize(input) },
          }),
        );
      });
    },
    call(type, path, input) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        ws.send(
          JSON.stringify({ id, method: type, params: { path, input: superjson.serialize(input) } }),
        );
      });
    },
    unsubscribe(id) {
      pending.delete(id);
      ws.send(JSON.stringify({ id, method: 'subscription.stop' }));
    },
    sendRaw: (text) => ws.send(text),
    close: () => ws.close(),
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.send(JSON.stringify({ method: 'connectionParams', data: token ? { token } : {} }));
      resolve(socket);
    });
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) =>
      reject(new Error(`handshake refused: HTTP ${res.statusCode}`)),
    );
  });
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function inBatches<T, R>(
  items: T[],
  limit: number,
  work: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!, i);
    }
  });
  await Promise.all(runners);
  return out;
}
