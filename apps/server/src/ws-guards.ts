import { randomUUID } from 'node:crypto';
import superjson from 'superjson';
import type WebSocket from 'ws';
import { scanJson, trpcErrorBody } from './input-limits';

const OPEN_ARRAY = 0x5b;

/**
 * Limits tRPC's WebSocket adapter does not have. Every frame (the size is bounded by the
 * server's maxPayload) is scanned for nesting and size before tRPC parses and decodes it,
 * which it does before any credential is checked: a frame over the bounds is answered
 * BAD_REQUEST and dropped. A frame may carry a batch of calls: more than `maxBatch` are all
 * answered BAD_REQUEST by id, none run (HTTP refuses the same batch as a whole), however
 * much whitespace comes before the batch. Answering each id, instead of closing, keeps a
 * real client from hanging or reconnecting into the same batch forever. Each refusal has a
 * request id of its own, as each call that reaches a procedure has.
 */
export function guardFrames(ws: WebSocket, maxBatch: number): void {
  const emit = ws.emit.bind(ws);
  ws.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event !== 'message') return emit(event, ...args);
    const data = args[0];
    const verdict = scanJson(
      Buffer.isBuffer(data) || data instanceof Uint8Array ? data : String(data),
    );
    if (!verdict.ok) {
      ws.send(
        JSON.stringify({
          id: null,
          error: trpcErrorBody('BAD_REQUEST', verdict.reason, randomUUID()),
        }),
      );
      return true;
    }
    if (verdict.first !== OPEN_ARRAY) return emit(event, ...args);
    const text = String(data);
    let calls: unknown;
    try {
      calls = JSON.parse(text);
    } catch {
      return emit(event, ...args); // tRPC answers malformed input itself
    }
    if (!Array.isArray(calls) || calls.length <= maxBatch) return emit(event, ...args);
    const message = `A batch may hold at most ${maxBatch} calls (got ${calls.length})`;
    for (const call of calls) {
      const id = (call as { id?: unknown } | null)?.id;
      if (typeof id !== 'number' && typeof id !== 'string') continue;
      const data = { code: 'BAD_REQUEST', httpStatus: 400, requestId: randomUUID() };
      const shape = { message, code: -32600, data };
      ws.send(JSON.stringify({ id, error: superjson.serialize(shape) }));
    }
    return true;
  }) as typeof ws.emit;
}

/**
 * A socket opened with `connectionParams=1` sends them as its first frame, and tRPC holds
 * the socket open until it does: one that never sends them is closed after `timeoutMs`
 * (1008), or it would hold a place of its address's share for as long as it answers pings.
 */
export function awaitFirstFrame(ws: WebSocket, timeoutMs: number): void {
  const timer = setTimeout(() => ws.close(1008, 'connectionParams not sent in time'), timeoutMs);
  timer.unref();
  const done = () => clearTimeout(timer);
  ws.once('message', done);
  ws.once('close', done);
}

/** Counts open WebSockets per client IP, so one client cannot exhaust the server. */
export function connectionCounter(maxPerIp: number) {
  const open = new Map<string, number>();
  return {
    /** False when `ip` already holds its share. */
    admit(ip: string): boolean {
      return (open.get(ip) ?? 0) < maxPerIp;
    },
    track(ip: string, ws: WebSocket): void {
      open.set(ip, (open.get(ip) ?? 0) + 1);
      ws.once('close', () => {
        const left = (open.get(ip) ?? 1) - 1;
        if (left > 0) open.set(ip, left);
        else open.delete(ip);
      });
    },
  };
}
