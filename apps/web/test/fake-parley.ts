/**
 * A stand-in Parley server for component tests, at the wire level: the real SDK client
 * (and so the real React hooks) talks to it through a fake `fetch` (tRPC's HTTP batch
 * format) and a fake WebSocket (tRPC's JSON-RPC over WebSocket). Nothing in the app is
 * mocked; only the network is.
 */
import { createParleyClient, type ParleyClient, type SessionEvent } from '@parley/sdk';
import superjson from 'superjson';

type Handler = (input: any) => unknown;

export class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extra: { fieldErrors?: Record<string, string[]>; retryAfter?: number } = {},
  ) {
    super(message);
  }
}

/** Thrown by a handler: the call never reaches the server (`fetch` rejects, as offline). */
export class FakeNetworkError extends TypeError {
  constructor() {
    super('Failed to fetch');
  }
}

const STATUS: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
};

function errorShape(error: unknown) {
  const e =
    error instanceof FakeError ? error : new FakeError('INTERNAL_SERVER_ERROR', String(error));
  return superjson.serialize({
    message: e.message,
    code: -32600,
    data: { code: e.code, httpStatus: STATUS[e.code] ?? 500, requestId: 'req-test', ...e.extra },
  });
}

interface Subscription {
  socket: FakeSocket;
  id: number | string;
  input: { sessionId: string; lastEventId?: string | null };
  /** The procedure subscribed to (`sessions.events`, `alerts.events`, ...). */
  path: string;
}

export interface FakeParley {
  client: ParleyClient;
  /** Answers calls to `path` (a query or mutation); throw a FakeError to fail it. */
  on(path: string, handler: Handler): void;
  /** Every call made, in order. */
  calls: { path: string; input: unknown }[];
  /** Live `sessions.events` subscriptions. */
  subscriptions: Subscription[];
  /** Sends an event to every subscription of that session. */
  emit(sessionId: string, event: SessionEvent, eventId?: string): void;
  /** Sends `data` to every subscription of `path` (`alerts.events`, say), as a tracked event. */
  emitOn(path: string, data: unknown, eventId?: string): void;
  /** Drops every open socket, as a server restart would. */
  dropSockets(): void;
  /** Refuses new sockets until `accept(true)`. */
  accept(open: boolean): void;
}

class FakeSocket extends EventTarget {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  constructor(
    readonly url: string,
    private readonly server: FakeServer,
  ) {
    super();
    setTimeout(() => server.connect(this), 0);
  }
  open() {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }
  send(raw: string) {
    if (raw === 'PONG' || raw === 'PING') return;
    this.server.receive(this, JSON.parse(raw));
  }
  deliver(message: unknown) {
    if (this.readyState !== 1) return;
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(message) }));
  }
  close(code = 1000) {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.server.disconnect(this);
    const event = new Event('close') as Event & { code: number };
    Object.assign(event, { code });
    this.dispatchEvent(event);
  }
}

class FakeServer {
  handlers = new Map<string, Handler>();
  calls: { path: string; input: unknown }[] = [];
  subscriptions: Subscription[] = [];
  sockets = new Set<FakeSocket>();
  accepting = true;

  async call(path: string, input: unknown) {
    this.calls.push({ path, input });
    const handler = this.handlers.get(path);
    if (!handler) throw new FakeError('NOT_FOUND', `No handler for ${path} in this test`);
    return handler(input);
  }

  fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const u = new URL(String(url instanceof Request ? url.url : url));
    const paths = decodeURIComponent(u.pathname.replace(/^\/trpc\//, '')).split(',');
    const raw =
      init?.method === 'POST'
        ? JSON.parse(String(init.body ?? '{}'))
        : JSON.parse(u.searchParams.get('input') ?? '{}');
    const results = await Promise.all(
      paths.map(async (path, i) => {
        const serialized = raw[i];
        const input = serialized === undefined ? undefined : superjson.deserialize(serialized);
        try {
          return { result: { data: superjson.serialize(await this.call(path, input)) } };
        } catch (error) {
          if (error instanceof FakeNetworkError) throw error;
          return { error: errorShape(error) };
        }
      }),
    );
    const failed = results.find((r) => 'error' in r) as
      | { error: { json: { data: { httpStatus: number } } } }
      | undefined;
    return new Response(JSON.stringify(results), {
      status: failed && results.length === 1 ? failed.error.json.data.httpStatus : 200,
      headers: { 'content-type': 'application/json' },
    });
  };

  connect(socket: FakeSocket) {
    if (!this.accepting) {
      socket.dispatchEvent(new Event('error'));
      socket.close(1006);
      return;
    }
    this.sockets.add(socket);
    socket.open();
  }

  disconnect(socket: FakeSocket) {
    this.sockets.delete(socket);
    this.subscriptions = this.subscriptions.filter((s) => s.socket !== socket);
  }

  receive(socket: FakeSocket, message: unknown) {
    const messages = Array.isArray(message) ? message : [message];
    for (const m of messages as {
      id: number;
      method: string;
      params?: { path: string; input: unknown; lastEventId?: string };
    }[]) {
      if (m.method === 'connectionParams') continue;
      if (m.method === 'subscription.stop') {
        this.subscriptions = this.subscriptions.filter(
          (s) => !(s.socket === socket && s.id === m.id),
        );
        continue;
      }
      const params = m.params!;
      const input = superjson.deserialize(params.input as never) as Subscription['input'];
      if (m.method === 'subscription') {
        if (params.lastEventId) input.lastEventId = params.lastEventId;
        this.calls.push({ path: params.path, input });
        try {
          this.handlers.get(params.path)?.(input); // a handler may refuse the subscription
        } catch (error) {
          socket.deliver({ id: m.id, error: errorShape(error) });
          continue;
        }
        this.subscriptions.push({ socket, id: m.id, input, path: params.path });
        socket.deliver({ id: m.id, result: { type: 'started' } });
        continue;
      }
      void this.call(params.path, input).then(
        (data) =>
          socket.deliver({ id: m.id, result: { type: 'data', data: superjson.serialize(data) } }),
        (error) => socket.deliver({ id: m.id, error: errorShape(error) }),
      );
    }
  }
}

let nextEventId = 1;

export function createFakeParley(): FakeParley {
  const server = new FakeServer();
  const WebSocket = class extends FakeSocket {
    constructor(url: string) {
      super(url, server);
    }
  };
  const client = createParleyClient({
    url: 'http://parley.test',
    transport: 'ws',
    fetch: server.fetch,
    WebSocket: WebSocket as never,
    retryDelayMs: () => 20,
  });
  return {
    client,
    calls: server.calls,
    get subscriptions() {
      return server.subscriptions;
    },
    on(path, handler) {
      server.handlers.set(path, handler);
    },
    emit(sessionId, event, eventId = String(nextEventId++)) {
      for (const s of server.subscriptions) {
        if (s.input.sessionId !== sessionId) continue;
        // As tRPC's ws adapter sends a tracked() event: the id beside and inside the data.
        s.socket.deliver({
          id: s.id,
          result: {
            type: 'data',
            id: eventId,
            data: superjson.serialize({ id: eventId, data: event }),
          },
        });
      }
    },
    emitOn(path, data, eventId = String(nextEventId++)) {
      for (const s of server.subscriptions) {
        if (s.path !== path) continue;
        s.socket.deliver({
          id: s.id,
          result: { type: 'data', id: eventId, data: superjson.serialize({ id: eventId, data }) },
        });
      }
    },
    dropSockets() {
      for (const socket of [...server.sockets]) socket.close(1012);
    },
    accept(open) {
      server.accepting = open;
    },
  };
}
