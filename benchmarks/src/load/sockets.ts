import http from 'node:http';
import { type Socket as IoSocket, io as ioClient } from 'socket.io-client';
import WebSocket from 'ws';
import { serve } from '../lib/ipc';
import { now, sleep } from '../lib/stats';
import { connectTrpc, inBatches, type TrpcSocket, wsUrl } from '../lib/trpc-ws';

/**
 * Many WebSockets from a process of its own, for fan-out and memory: Parley's (tRPC
 * protocol, authenticated, optionally subscribed to one session), a bare `ws` server's, or
 * Socket.IO's. Fan-out rounds fire a trigger over HTTP and time the last receipt.
 */
type Kind = 'parley' | 'ws' | 'socketio';

interface ConnectArgs {
  kind: Kind;
  url: string;
  count: number;
  token?: string;
  /** Parley: subscribe each socket to this session's events. */
  sessionId?: string;
  /** Parley: make one authenticated call (auth.me) on each socket. */
  call?: boolean;
  concurrency?: number;
}

let kind: Kind = 'ws';
let parleySockets: TrpcSocket[] = [];
let wsSockets: WebSocket[] = [];
let ioSockets: IoSocket[] = [];
// Fan-out bookkeeping: receipts of the current round.
let marker = '';
let receivedAt: number[] = [];
let receivedCount = 0;
let roundDone: (() => void) | undefined;
let sample: string | undefined;

function receipt(index: number, text: string): void {
  sample ??= text;
  if (!marker || !text.includes(marker) || receivedAt[index] !== 0) return;
  receivedAt[index] = now();
  receivedCount++;
  if (receivedCount === receivedAt.length) roundDone?.();
}

async function connect(args: ConnectArgs) {
  kind = args.kind;
  const started = now();
  const indexes = Array.from({ length: args.count }, (_, i) => i);
  const concurrency = args.concurrency ?? 100;
  if (kind === 'parley') {
    parleySockets = await inBatches(indexes, concurrency, async (i) => {
      const socket = await connectTrpc(args.url, args.token);
      if (args.call) await socket.call('query', 'auth.me', undefined);
      if (args.sessionId)
        await socket.subscribe(
          'sessions.events',
          { sessionId: args.sessionId, lastEventId: null },
          (t) => receipt(i, t),
        );
      return socket;
    });
  } else if (kind === 'ws') {
    wsSockets = await inBatches(indexes, concurrency, (i) => {
      const ws = new WebSocket(wsUrl(args.url), { perMessageDeflate: false });
      ws.on('message', (data: Buffer) => receipt(i, data.toString()));
      ws.on('error', () => {});
      return new Promise<WebSocket>((resolve, reject) => {
        ws.once('open', () => resolve(ws));
        ws.once('error', reject);
      });
    });
  } else {
    ioSockets = await inBatches(indexes, concurrency, (i) => {
      const socket = ioClient(args.url, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      socket.on('event', (payload: string) => receipt(i, payload));
      return new Promise<IoSocket>((resolve, reject) => {
        // The server acknowledges the room join, so a broadcast cannot race it.
        socket.once('joined', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    });
  }
  return { connected: args.count, ms: now() - started };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface FanoutArgs {
  rounds: number;
  /** HTTP POST that makes the server send one message to every socket. */
  trigger: { url: string; headers?: Record<string, string>; bodies: string[] };
  /** Text that identifies the round's message in a frame. */
  markers: string[];
  timeoutMs?: number;
  pauseMs?: number;
}

async function fanout(args: FanoutArgs) {
  const count = parleySockets.length + wsSockets.length + ioSockets.length;
  const lastLatencies: number[] = [];
  const medianLatencies: number[] = [];
  const missing: number[] = [];
  for (let round = 0; round < args.rounds; round++) {
    receivedAt = new Array(count).fill(0);
    receivedCount = 0;
    marker = args.markers[round % args.markers.length]!;
    const done = new Promise<void>((resolve) => {
      roundDone = resolve;
    });
    const sent = now();
    const status = await post(
      args.trigger.url,
      args.trigger.bodies[round % args.trigger.bodies.length]!,
      args.trigger.headers ?? {},
    );
    if (status !== 200) throw new Error(`trigger answered ${status}`);
    await Promise.race([done, sleep(args.timeoutMs ?? 15_000)]);
    roundDone = undefined;
    marker = '';
    const times = receivedAt.filter((t) => t > 0).map((t) => t - sent);
    missing.push(count - times.length);
    times.sort((a, b) => a - b);
    lastLatencies.push(times[times.length - 1] ?? Number.NaN);
    medianLatencies.push(times[Math.floor(times.length / 2)] ?? Number.NaN);
    await sleep(args.pauseMs ?? 250);
  }
  return { lastLatencies, medianLatencies, missing };
}

async function close() {
  for (const s of parleySockets) s.close();
  for (const s of wsSockets) s.close();
  for (const s of ioSockets) s.close();
  await Promise.all(parleySockets.map((s) => s.closed));
  parleySockets = [];
  wsSockets = [];
  ioSockets = [];
  await sleep(200);
  return { closed: true };
}

serve({
  connect,
  fanout,
  close,
  sample: () => sample ?? null,
  open: () => ({
    parley: parleySockets.filter((s) => s.ws.readyState === WebSocket.OPEN).length,
    ws: wsSockets.filter((s) => s.readyState === WebSocket.OPEN).length,
    socketio: ioSockets.filter((s) => s.connected).length,
  }),
});
