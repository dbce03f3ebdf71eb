import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got, with its body exactly as sent. */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: { id: string; type: string; createdAt: string; data: Record<string, unknown> };
  at: number;
  /** The status the receiver answered with. */
  status?: number;
}

/** How the receiver answers a request: a status, or a function that answers itself. */
export type Answer = number | ((res: ServerResponse, request: Received) => void);

/**
 * A webhook receiver outside Parley: a real HTTP server on a free port that records
 * every request and answers from a script (`answers`, then `fallback`).
 */
export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** Answers for the next requests, in order; then `fallback`. */
  answers: Answer[];
  fallback: Answer;
  /** Resolves once `predicate` holds for what was received (checked on every request). */
  waitFor(predicate: (received: Received[]) => boolean, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const waiters = new Set<() => void>();
  const receiver: Receiver = {
    url: '',
    port: 0,
    received: [],
    answers: [],
    fallback: 200,
    waitFor(predicate, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(receiver.received)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(receiver.received);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `receiver: condition not met in ${timeoutMs} ms; got ${JSON.stringify(
                receiver.received.map((r) => [r.path, r.body?.type, r.headers['parley-delivery']]),
              )}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: Received['body'];
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = undefined as never;
      }
      const request: Received = {
        path: req.url ?? '/',
        headers: req.headers,
        rawBody,
        body,
        at: Date.now(),
      };
      receiver.received.push(request);
      const answer = receiver.answers.shift() ?? receiver.fallback;
      if (typeof answer === 'number') {
        res.statusCode = answer;
        res.end('ok');
      } else answer(res, request);
      request.status = res.statusCode;
      for (const waiter of [...waiters]) waiter();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}`;
  return receiver;
}
