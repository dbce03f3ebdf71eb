import { EventEmitter, on } from 'node:events';
import { createServer } from 'node:http';
import { initTRPC, tracked } from '@trpc/server';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import superjson from 'superjson';
import { WebSocketServer } from 'ws';
import { serve } from '../lib/ipc';

/**
 * Context for fanout.5k: a bare tRPC subscription on the same WebSocket adapter and
 * transformer, yielding tracked events from an in-process emitter, nothing else (no
 * auth, no bus, no database). POST /broadcast emits the body, parsed, to every subscriber.
 * It shows what the tRPC adapter itself costs per subscriber.
 */
const events = new EventEmitter();
events.setMaxListeners(0);
let seq = 0;
const t = initTRPC.create({ transformer: superjson });
const router = t.router({
  sessions: t.router({
    events: t.procedure.subscription(async function* ({ signal }) {
      for await (const [event] of on(events, 'event', { signal })) {
        yield tracked(String(seq), event as Record<string, unknown>);
      }
    }),
  }),
});
const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/broadcast') return res.writeHead(404).end();
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    seq++;
    events.emit('event', JSON.parse(Buffer.concat(chunks).toString()));
    res.writeHead(200).end();
  });
});
const wss = new WebSocketServer({ server, path: '/trpc', maxPayload: 1_048_576 });
applyWSSHandler({ wss, router });
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  serve(
    { exit: () => setTimeout(() => process.exit(0), 50) },
    { url: `http://127.0.0.1:${port}`, port, pid: process.pid },
  );
});
