import { createServer } from 'node:http';
import { serve } from '../lib/ipc';

/**
 * Baseline (b) for listings.get, for context: plain node:http answering every request
 * with the same JSON body tRPC sends (serialised per request, as a handler would).
 */
const body = JSON.parse(process.env.BENCH_BODY ?? '{}') as unknown;
const server = createServer((_req, res) => {
  const text = JSON.stringify(body);
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  serve({}, { url: `http://127.0.0.1:${port}`, port, pid: process.pid });
});
