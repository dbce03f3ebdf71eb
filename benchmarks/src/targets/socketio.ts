import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { serve } from '../lib/ipc';

/**
 * Baseline for fanout.5k: a Socket.IO room broadcast (WebSocket transport only, no
 * compression). Each client joins the room on connect; POST /broadcast emits the request
 * body to the room.
 */
const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/broadcast') return;
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    io.to('fanout').emit('event', Buffer.concat(chunks).toString());
    res.writeHead(200).end();
  });
});
const io = new Server(server, {
  transports: ['websocket'],
  perMessageDeflate: false,
  maxHttpBufferSize: 1_048_576,
});
io.on('connection', (socket) => {
  void socket.join('fanout');
  socket.emit('joined');
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  serve({}, { url: `http://127.0.0.1:${port}`, port, pid: process.pid });
});
