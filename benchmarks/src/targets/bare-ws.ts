import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { serve } from '../lib/ipc';

/**
 * Baseline for fanout.5k and ws.memory: a bare `ws` server on node:http at /trpc, with
 * the same per-message limit Parley sets. POST /broadcast sends the request body, as it
 * is, to every open client.
 */
const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/broadcast') return res.writeHead(404).end();
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const payload = Buffer.concat(chunks).toString();
    for (const client of wss.clients) client.send(payload);
    res.writeHead(200).end();
  });
});
const wss = new WebSocketServer({ server, path: '/trpc', maxPayload: 1_048_576 });
wss.on('connection', (ws) => ws.on('error', () => {}));
const gc = (globalThis as { gc?: () => void }).gc;
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  serve(
    {
      stats: () => ({ ...process.memoryUsage(), clients: wss.clients.size }),
      gc: async () => {
        gc?.();
        await new Promise((r) => setTimeout(r, 100));
        gc?.();
        return process.memoryUsage();
      },
    },
    { url: `http://127.0.0.1:${port}`, port, pid: process.pid },
  );
});
