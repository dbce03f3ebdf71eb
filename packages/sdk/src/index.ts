/**
 * @parley/sdk for browsers and other runtimes with a global WebSocket and fetch
 * (Deno, Bun, Node 22+ through the `default` condition). Node resolves `./node.ts`.
 */
import { EventSource } from 'eventsource';
import { createClient, type ParleyClient, type ParleyClientOptions } from './client';

/**
 * Creates a typed Parley client. Queries and mutations go over HTTP (batched);
 * subscriptions over a WebSocket, or SSE with `transport: 'sse'`.
 *
 * ```ts
 * const client = createParleyClient({ url: 'https://chat.example.com', clientSecret });
 * const chat = await client.chat.open({ sessionId });
 * ```
 */
export function createParleyClient(options: ParleyClientOptions): ParleyClient {
  return createClient(options, {
    WebSocket: typeof globalThis.WebSocket === 'function' ? globalThis.WebSocket : undefined,
    // eventsource@3 runs on fetch, so SSE requests can carry the Authorization header.
    EventSource,
  });
}

export * from './public';
